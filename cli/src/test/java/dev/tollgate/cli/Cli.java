package dev.tollgate.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the command line in-process and captures what it prints. */
final class Cli {

  private Cli() {
  }

  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Result run(String... args) {
    return run(null, args);
  }

  static Result run(List<Command> commands, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = commands == null ? Main.run(args, o, e) : Main.run(args, o, e, commands);
      return new Result(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }

  /** Renders a hand-made lockfile with graph options, as the command does after reading. */
  static Result render(dev.tollgate.core.Lockfile lock, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      java.util.ArrayList<String> all = new java.util.ArrayList<>(List.of(args));
      all.add(0, lock.source());
      int code = GraphCommand.render(GraphOptions.parse(all).orElseThrow(), lock, o, e);
      return new Result(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Compares with a golden file under src/test/resources/dev/tollgate/cli/golden/. Run with
   * {@code -Dtollgate.updateGolden=true} to rewrite the files after a deliberate change.
   */
  static String golden(String name, String actual) {
    if (Boolean.getBoolean("tollgate.updateGolden")) {
      try {
        Path p = Path.of("src/test/resources/dev/tollgate/cli/golden", name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return actual;
    }
    try (InputStream in = Cli.class.getResourceAsStream("golden/" + name)) {
      if (in == null) {
        throw new AssertionError("missing golden file " + name
            + "; run with -Dtollgate.updateGolden=true to create it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
