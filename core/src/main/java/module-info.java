/**
 * Tollgate's engine: lockfile readers, npm version semantics, the dependency graph builder, tarball
 * inspection and the policy engine.
 *
 * <p>Uses: {@link dev.tollgate.api.spi.LicenseDetectorProvider},
 * {@link dev.tollgate.api.spi.AdvisorySourceProvider},
 * {@link dev.tollgate.api.spi.SimilarityCheckerProvider} (found with {@link java.util.ServiceLoader}).
 * Provides: nothing.
 *
 * @since 0.1
 */
module dev.tollgate.core {
  requires transitive dev.tollgate.api;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires org.apache.commons.compress;
  requires org.slf4j;

  exports dev.tollgate.core;

  uses dev.tollgate.api.spi.LicenseDetectorProvider;
  uses dev.tollgate.api.spi.AdvisorySourceProvider;
  uses dev.tollgate.api.spi.SimilarityCheckerProvider;
}
