/**
 * Tollgate's licenses provider module. Exports nothing; its providers are registered with
 * {@code provides} here and in {@code META-INF/services}.
 *
 * @since 0.1
 */
module dev.tollgate.spi.licenses {
  requires dev.tollgate.api;
  requires org.slf4j;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  provides dev.tollgate.api.spi.LicenseDetectorProvider
      with dev.tollgate.spi.licenses.BuiltinLicensesProvider;
}
