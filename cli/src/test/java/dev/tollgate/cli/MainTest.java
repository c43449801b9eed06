package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  @TempDir
  Path tmp;

  /** A command that throws what it is given, to check how Main reports it. */
  private static Command throwing(Exception e) {
    return new Command() {
      @Override
      public String name() {
        return "boom";
      }

      @Override
      public String summary() {
        return "throws";
      }

      @Override
      public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (e instanceof IOException io) {
          throw io;
        }
        throw (RuntimeException) e;
      }
    };
  }

  @Test
  void printsUsageOnStderrAndExits2WithoutArguments() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Usage: tollgate"), r.err());
    assertTrue(r.err().contains("graph"), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void printsUsageOnStdoutForHelp(String flag) {
    Cli.Result r = Cli.run(flag);
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: tollgate"), r.out());
    assertTrue(r.out().contains("Exit codes"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void printsCommandHelpForHelpCommand() {
    Cli.Result r = Cli.run("help", "graph");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: tollgate graph PATH"), r.out());
  }

  @Test
  void printsVersion() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().matches("tollgate \\d+\\.\\d+\\.\\d+\\S*\\R"), r.out());
  }

  @Test
  void rejectsUnknownCommandOnOneLine() {
    Cli.Result r = Cli.run("frobnicate", "x");
    assertEquals(2, r.code());
    assertEquals(List.of("tollgate: unknown command \"frobnicate\" (commands: graph, inspect, name;"
        + " try 'tollgate --help')"), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void rejectsUnknownGlobalOptionOnOneLine() {
    Cli.Result r = Cli.run("--frob");
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("tollgate: unknown option \"--frob\""), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--bogus", "--format=xml", "--omit=optional", "--limit=0", "--limit=x",
      "--why", "--format"})
  void rejectsBadGraphOptionOnOneLineWithSynopsis(String option) {
    Cli.Result r = Cli.run("graph", "some/dir", option);
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("tollgate graph: "), r.err());
    assertTrue(r.err().contains("(usage: tollgate graph PATH"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void rejectsGraphWithoutPath() {
    Cli.Result r = Cli.run("graph");
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("missing PATH"), r.err());
  }

  @Test
  void rejectsSecondPath() {
    Cli.Result r = Cli.run("graph", "a", "b");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unexpected argument \"b\""), r.err());
  }

  @Test
  void reportsMissingFileOnOneLineNamingIt() {
    Path missing = tmp.resolve("nope/package-lock.json");
    Cli.Result r = Cli.run("graph", missing.toString());
    assertEquals(2, r.code());
    assertEquals(List.of(missing + ": no such file or directory"), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void reportsFolderWithoutLockfileOnOneLine() {
    Cli.Result r = Cli.run("graph", tmp.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith(tmp.toString()), r.err());
    assertTrue(r.err().contains("no lockfile found"), r.err());
  }

  @Test
  void reportsUnrecognisedLockfileWithFileLineAndColumn() throws IOException {
    Path f = tmp.resolve("deps.lock");
    Files.writeString(f, "hello: world\n", StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("graph", f.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith(f + ":1:1: "), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void reportsMalformedPackageLockOnOneLineNamingTheFile() throws IOException {
    Path f = tmp.resolve("package-lock.json");
    Files.writeString(f, "{\"lockfileVersion\": 3, \"packages\": {\"\": {\"name\": ",
        StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("graph", f.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith(f.toString() + ":"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void reportsInvalidInputMessageAlone() {
    Cli.Result r = Cli.run(List.of(throwing(new InvalidInputException("x/yarn.lock", 12, 3,
        "bad\nthing; see docs/errors.md#x"))), "boom");
    assertEquals(2, r.code());
    assertEquals(List.of("x/yarn.lock:12:3: bad thing; see docs/errors.md#x"), r.errLines());
  }

  @Test
  void reportsLimitExceededOnOneLine() {
    Cli.Result r = Cli.run(List.of(throwing(new LimitExceededException("big.json",
        "maxDocumentBytes", 10, 11))), "boom");
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("big.json: input exceeds limit maxDocumentBytes"), r.err());
  }

  @Test
  void reportsIoErrorNamingTheFile() {
    Cli.Result r = Cli.run(List.of(throwing(new NoSuchFileException("gone.json"))), "boom");
    assertEquals(2, r.code());
    assertEquals(List.of("gone.json: no such file or directory"), r.errLines());
  }

  @Test
  void reportsInternalErrorWithoutStackTraceUnlessVerbose() {
    Command c = throwing(new IllegalStateException("oops"));
    Cli.Result quiet = Cli.run(List.of(c), "boom");
    assertEquals(Main.INTERNAL_ERROR, quiet.code());
    assertEquals(List.of("tollgate boom: internal error: java.lang.IllegalStateException: oops"
        + " (run with -v for the stack trace)"), quiet.errLines());

    Cli.Result verbose = Cli.run(List.of(c), "-v", "boom");
    assertEquals(Main.INTERNAL_ERROR, verbose.code());
    assertTrue(verbose.errLines().size() > 1, verbose.err());
    assertTrue(verbose.err().contains("\tat "), verbose.err());
  }

  @Test
  void printsStackTraceForBadInputOnlyWhenVerbose() {
    Command c = throwing(new InvalidInputException("f", 1, 2, "bad"));
    assertEquals(1, Cli.run(List.of(c), "boom").errLines().size());
    Cli.Result verbose = Cli.run(List.of(c), "boom", "-v");
    assertEquals(2, verbose.code());
    assertTrue(verbose.err().startsWith("f:1:2: bad\n"), verbose.err());
    assertTrue(verbose.err().contains("\tat "), verbose.err());
  }

  @Test
  void keepsOneLineMessagesFreeOfControlCharacters() {
    assertEquals("a b \\u001b[31m", Main.oneLine("a\r\nb\n\u001b[31m"));
  }
}
