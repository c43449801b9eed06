package dev.tollgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * One {@code tollgate} sub-command. Results go to {@code out}, diagnostics to {@code err}; the return
 * value is the exit code: 0 fine, 1 something found at the failing level, 2 bad input or usage.
 *
 * <p>Implementations are stateless and thread-safe.
 */
interface Command {

  /** Exit code: fine. */
  int OK = 0;
  /** Exit code: something blocked or found at the failing level. */
  int FOUND = 1;
  /** Exit code: bad input or usage. */
  int BAD_INPUT = 2;

  /**
   * Returns the command's name, for example {@code graph}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns a one-line description for the usage text.
   *
   * @return the description
   */
  String summary();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name
   * @param out where results go
   * @param err where diagnostics go
   * @return the exit code
   * @throws IOException if a file cannot be read; {@link Main} reports it on one line, exit 2
   * @throws UsageException if the arguments are wrong; {@link Main} reports it on one line, exit 2
   * @throws dev.tollgate.api.SupplyChainException for bad input or limits; {@link Main} prints its
   *     message on one line, exit 2
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws IOException;
}
