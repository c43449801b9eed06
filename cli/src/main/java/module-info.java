/**
 * The {@code tollgate} command line. Uses the providers found at run time through core.
 *
 * @since 0.1
 */
module dev.tollgate.cli {
  requires dev.tollgate.core;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
}
