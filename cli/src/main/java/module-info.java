/**
 * The {@code tollgate} command line. Uses the providers found at run time through core.
 *
 * <p>Uses: {@link dev.tollgate.api.spi.SimilarityCheckerProvider} (the {@code name} command).
 *
 * @since 0.1
 */
module dev.tollgate.cli {
  requires dev.tollgate.core;
  requires dev.tollgate.api;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  uses dev.tollgate.api.spi.SimilarityCheckerProvider;
}
