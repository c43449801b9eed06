package dev.tollgate.cli;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.SupplyChainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The {@code tollgate} command line: {@code tollgate [-v] <command> [args...]}.
 *
 * <p>Results go to stdout, diagnostics to stderr. Exit codes: 0 fine, 1 something found at the
 * failing level, 2 bad input or usage (the message is one line on stderr), 3 an internal error (a
 * bug; run with {@code -v} for the stack trace). Logging (SLF4J simple) is quiet by default
 * ({@code warn}) and goes to stderr; {@code -v} raises it to {@code debug}.
 *
 * <pre>{@code
 * java -jar tollgate.jar graph my-app --why minimist
 * }</pre>
 *
 * <p>Thread-safety: {@link #run(String[], PrintStream, PrintStream)} keeps no state of its own, but
 * the first call configures the process-wide logger through system properties.
 *
 * @since 0.1
 */
public final class Main {

  /** Exit code for a failure that is a bug of ours, not of the input. */
  static final int INTERNAL_ERROR = 3;

  /**
   * The commands, in the order the usage text lists them. Add a command here, with one line.
   */
  private static final List<Command> COMMANDS = List.of(
      new GraphCommand(),
      new InspectCommand(),
      new NameCommand());

  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

  private Main() {
  }

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line without exiting: what {@link #main(String[])} does, for tests and for
   * embedding. Never throws for bad input: every problem becomes a message on {@code err} and an
   * exit code.
   *
   * @param args the arguments
   * @param out where results go
   * @param err where diagnostics go
   * @return the exit code: 0 fine, 1 found, 2 bad input or usage, 3 internal error
   * @throws NullPointerException if an argument is null
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, COMMANDS);
  }

  static int run(String[] args, PrintStream out, PrintStream err, List<Command> commands) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    boolean verbose = false;
    List<String> rest = new ArrayList<>(args.length);
    boolean endOfOptions = false;
    for (String a : args) {
      Objects.requireNonNull(a, "args[]");
      if (!endOfOptions && (a.equals("-v") || a.equals("--verbose"))) {
        verbose = true;
      } else {
        if (a.equals("--")) {
          endOfOptions = true;
        }
        rest.add(a);
      }
    }
    configureLogging(verbose);
    try {
      return dispatch(rest, out, err, commands, verbose);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(List<String> args, PrintStream out, PrintStream err,
      List<Command> commands, boolean verbose) {
    if (args.isEmpty()) {
      usage(err, commands);
      return Command.BAD_INPUT;
    }
    String first = args.get(0);
    switch (first) {
      case "-h", "--help", "help" -> {
        if (first.equals("help") && args.size() > 1) {
          return dispatch(List.of(args.get(1), "--help"), out, err, commands, verbose);
        }
        usage(out, commands);
        return Command.OK;
      }
      case "--version" -> {
        out.println("tollgate " + version());
        return Command.OK;
      }
      default -> {
        // fall through to command lookup
      }
    }
    if (first.startsWith("-")) {
      err.println("tollgate: unknown option " + SupplyChainException.quote(first)
          + " (usage: tollgate [-v] <command> [args...]; try 'tollgate --help')");
      return Command.BAD_INPUT;
    }
    Command command = null;
    for (Command c : commands) {
      if (c.name().equals(first)) {
        command = c;
        break;
      }
    }
    if (command == null) {
      err.println("tollgate: unknown command " + SupplyChainException.quote(first)
          + " (commands: " + String.join(", ", commands.stream().map(Command::name).toList())
          + "; try 'tollgate --help')");
      return Command.BAD_INPUT;
    }
    try {
      return command.run(List.copyOf(args.subList(1, args.size())), out, err);
    } catch (UsageException e) {
      err.println("tollgate " + command.name() + ": " + oneLine(e.getMessage())
          + " (usage: " + e.synopsis() + ")");
      return Command.BAD_INPUT;
    } catch (InvalidInputException | LimitExceededException e) {
      return fail(err, verbose, oneLine(e.getMessage()), e, Command.BAD_INPUT);
    } catch (SupplyChainException e) {
      return fail(err, verbose, "tollgate " + command.name() + ": " + oneLine(e.getMessage()), e,
          Command.BAD_INPUT);
    } catch (IOException e) {
      return fail(err, verbose, describe(e), e, Command.BAD_INPUT);
    } catch (UncheckedIOException e) {
      return fail(err, verbose, describe(e.getCause()), e, Command.BAD_INPUT);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return fail(err, verbose, "tollgate " + command.name() + ": internal error: "
          + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
          + (verbose ? "" : " (run with -v for the stack trace)"), e, INTERNAL_ERROR);
    }
  }

  private static int fail(PrintStream err, boolean verbose, String line, Throwable e, int code) {
    err.println(line);
    if (verbose) {
      e.printStackTrace(err);
    }
    return code;
  }

  /** One line naming the file, for the I/O problems people meet: missing, denied, a folder. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException f) {
      return f.getFile() + ": no such file or directory";
    }
    if (e instanceof AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String reason = f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
      return f.getFile() + ": " + oneLine(reason);
    }
    String m = e.getMessage();
    return "I/O error: " + (m == null ? e.getClass().getSimpleName() : oneLine(m));
  }

  /** Replaces line breaks and other control characters so that a message stays on one line. */
  static String oneLine(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\r') {
        sb.append(' ');
      } else if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString().strip();
  }

  private static void usage(PrintStream to, List<Command> commands) {
    to.println("Usage: tollgate [-v] <command> [args...]");
    to.println();
    to.println("Commands:");
    int width = 0;
    for (Command c : commands) {
      width = Math.max(width, c.name().length());
    }
    for (Command c : commands) {
      to.println("  " + pad(c.name(), width) + "  " + c.summary());
    }
    to.println();
    to.println("Options:");
    to.println("  -h, --help     show this help (or 'tollgate <command> --help')");
    to.println("  --version      show the version");
    to.println("  -v, --verbose  debug logging and stack traces on stderr");
    to.println();
    to.println("Exit codes: 0 fine, 1 found at the failing level, 2 bad input or usage,"
        + " 3 internal error.");
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  /**
   * Returns the version of this build, from the filtered {@code version.properties}.
   *
   * @return the version, or {@code unknown} when the resource is missing
   */
  static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Sets SLF4J simple's level and target before any logger exists: {@code warn} to stderr, or
   * {@code debug} with {@code -v}. A level the user set with {@code -D} is kept unless {@code -v}.
   */
  private static void configureLogging(boolean verbose) {
    if (verbose) {
      System.setProperty(LOG_LEVEL, "debug");
    } else if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    if (System.getProperty(LOG_FILE) == null) {
      System.setProperty(LOG_FILE, "System.err");
    }
  }
}
