/**
 * Tollgate's advisory providers. Exports nothing; its providers are registered with
 * {@code provides} here and in {@code META-INF/services}:
 * <ul>
 *   <li>{@code builtin-osv-files}: OSV records from a directory, zip or file;</li>
 *   <li>{@code builtin-npm-audit}: the npm registry's bulk advisory endpoint;</li>
 *   <li>{@code builtin-osv-api}: the OSV API's batch query.</li>
 * </ul>
 *
 * @provides dev.tollgate.api.spi.AdvisorySourceProvider
 * @since 0.1
 */
module dev.tollgate.spi.advisories {
  requires dev.tollgate.api;
  requires org.slf4j;
  requires com.fasterxml.jackson.core;
  requires java.net.http;

  provides dev.tollgate.api.spi.AdvisorySourceProvider with
      dev.tollgate.spi.advisories.OsvFilesProvider,
      dev.tollgate.spi.advisories.NpmAuditProvider,
      dev.tollgate.spi.advisories.OsvApiProvider;
}
