package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.Lockfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Hostile pnpm lockfiles are refused through {@link Limits} or the typed exception, in bounded time. */
class PnpmLockHostileInputTest {

  private static final Duration GENEROUS = Duration.ofSeconds(60);

  static Lockfile read(InputStream in, Limits limits) throws IOException {
    return new PnpmLockReader().read("pnpm-lock.yaml", in, ProjectFiles.none(), limits);
  }

  static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A stream of a head, then {@code count} generated lines, without holding them all. */
  static InputStream lines(String head, int count, IntFunction<String> line) {
    Iterator<InputStream> it = new Iterator<>() {
      int i = -1;

      @Override
      public boolean hasNext() {
        return i < count;
      }

      @Override
      public InputStream next() {
        StringBuilder sb = new StringBuilder();
        if (i < 0) {
          sb.append(head);
          i = 0;
        }
        for (int k = 0; k < 4096 && i < count; k++, i++) {
          sb.append(line.apply(i));
        }
        return text(sb.toString());
      }
    };
    return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
      @Override
      public boolean hasMoreElements() {
        return it.hasNext();
      }

      @Override
      public InputStream nextElement() {
        return it.next();
      }
    });
  }

  @Test
  void refusesAliasBombs() {
    StringBuilder sb = new StringBuilder("lockfileVersion: '9.0'\n");
    sb.append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ", ").append('*').append(p);
      }
      sb.append("]\n");
    }
    InvalidInputException e = assertTimeoutPreemptively(GENEROUS,
        () -> assertThrows(InvalidInputException.class, () -> read(text(sb.toString()),
            Limits.defaults())));
    assertEquals("pnpm-lock.yaml:3:8: malformed pnpm lockfile: YAML alias \"*a\" is not allowed "
        + "(pnpm never writes aliases); regenerate the lockfile with pnpm; "
        + "see docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void refusesMergeKeyAliases() {
    String yaml = "lockfileVersion: '9.0'\nbase: &b {x: 1}\npackages:\n  a@1.0.0:\n    <<: *b\n";
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read(text(yaml), Limits.defaults()));
    assertEquals(5, e.line());
  }

  @Test
  void refusesDeepFlowNesting() {
    int n = 200_000;
    String yaml = "lockfileVersion: '9.0'\nsettings: " + "[".repeat(n) + "]".repeat(n) + "\n";
    LimitExceededException e = assertTimeoutPreemptively(GENEROUS,
        () -> assertThrows(LimitExceededException.class, () -> read(text(yaml),
            Limits.defaults())));
    assertEquals("maxJsonDepth", e.limitName());
    assertEquals(256, e.limit());
  }

  @Test
  void refusesDeepBlockNesting() {
    StringBuilder sb = new StringBuilder("lockfileVersion: '9.0'\npackages:\n");
    for (int i = 1; i < 400; i++) {
      sb.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    LimitExceededException e = assertTimeoutPreemptively(GENEROUS,
        () -> assertThrows(LimitExceededException.class, () -> read(text(sb.toString()),
            Limits.defaults())));
    assertEquals("maxJsonDepth", e.limitName());
  }

  @Test
  void refusesHugeStrings() {
    Limits limits = Limits.builder().maxStringLength(100_000).build();
    String yaml = "lockfileVersion: '9.0'\nsnapshots:\n  a@1.0.0:\n    dependencies:\n      b: '"
        + "ab ".repeat(100_000) + "'\n";
    LimitExceededException e = assertTimeoutPreemptively(GENEROUS,
        () -> assertThrows(LimitExceededException.class, () -> read(text(yaml), limits)));
    assertEquals("pnpm-lock.yaml: input exceeds limit maxStringLength = 100000 (observed "
        + "300000); raise it with Limits.builder().maxStringLength(...) if the input is trusted; "
        + "see docs/errors.md#limit-exceeded", e.getMessage());
  }

  @Test
  void refusesLongRunsWithoutBlanksBeforeTheScannerSlowsDown() {
    // SnakeYAML's scanner is quadratic in the length of a run without blanks
    String yaml = "lockfileVersion: '9.0'\nsettings: '" + "x".repeat(16 << 20) + "'\n";
    LimitExceededException e = assertTimeoutPreemptively(GENEROUS,
        () -> assertThrows(LimitExceededException.class, () -> read(text(yaml),
            Limits.defaults())));
    assertEquals("maxStringLength", e.limitName());
    assertEquals(PnpmLockParser.MAX_RUN, e.limit());
    assertEquals(PnpmLockParser.MAX_RUN + 1L, e.observed());
  }

  @Test
  void refusesHugeKeys() {
    Limits limits = Limits.builder().maxStringLength(1000).build();
    String yaml = "lockfileVersion: '9.0'\nsnapshots:\n  " + "k".repeat(50_000) + ": {}\n";
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> read(text(yaml), limits));
    assertEquals("maxStringLength", e.limitName());
  }

  @Test
  void refusesAMillionEntries() {
    // the limit is lowered so the test stays quick; the default (500,000) is checked the same way
    Limits limits = Limits.builder().maxEntries(50_000).build();
    InputStream in = lines("lockfileVersion: '9.0'\nsnapshots:\n", 1_000_000,
        i -> "  p" + i + "@1.0.0: {}\n");
    LimitExceededException e = assertTimeoutPreemptively(GENEROUS,
        () -> assertThrows(LimitExceededException.class, () -> read(in, limits)));
    assertEquals("pnpm-lock.yaml: input exceeds limit maxEntries = 50000 (observed 50001); raise "
        + "it with Limits.builder().maxEntries(...) if the input is trusted; "
        + "see docs/errors.md#limit-exceeded", e.getMessage());
  }

  @Test
  void refusesAMillionDependencies() {
    InputStream in = lines("lockfileVersion: '9.0'\nsnapshots:\n  a@1.0.0:\n    dependencies:\n",
        1_000_000, i -> "      d" + i + ": 1.0.0\n");
    Limits limits = Limits.builder().maxEntries(1_000).build();
    LimitExceededException e = assertTimeoutPreemptively(GENEROUS,
        () -> assertThrows(LimitExceededException.class, () -> read(in, limits)));
    assertEquals("maxEntries", e.limitName());
    assertEquals(1_000, e.observed());
  }

  @Test
  void refusesDocumentsOverTheByteLimit() {
    Limits limits = Limits.builder().maxDocumentBytes(10_000).build();
    InputStream in = lines("lockfileVersion: '9.0'\nsnapshots:\n", 100_000,
        i -> "  p" + i + "@1.0.0: {}\n");
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> read(in, limits));
    assertEquals("maxDocumentBytes", e.limitName());
  }

  @Test
  void readsLockfilesBeyondSnakeYamlsDefaultCodePointLimit() throws IOException {
    // 3 MiB is SnakeYAML's default; the reader raises it to maxDocumentBytes
    String yaml = "lockfileVersion: '9.0'\n" + ("# " + "x".repeat(97) + "\n").repeat(40_000)
        + "importers:\n  .:\n    dependencies:\n      a: {specifier: ^1, version: 1.0.0}\n"
        + "packages:\n  a@1.0.0: {resolution: {integrity: sha512-a}}\n"
        + "snapshots:\n  a@1.0.0: {}\n";
    Lockfile lock = assertTimeoutPreemptively(GENEROUS, () -> read(text(yaml), Limits.defaults()));
    assertEquals(2, lock.graph().size());
  }

  @Test
  void refusesBinaryAndTaggedScalarsAsValues() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(text(
        "lockfileVersion: '9.0'\nsnapshots:\n  a@1.0.0:\n    dependencies:\n"
            + "      b: !!binary aGVsbG8=\n"), Limits.defaults()));
    assertEquals("pnpm-lock.yaml:5:10: malformed pnpm lockfile: expected a scalar for "
        + "dependencies \"b\", found a binary value; see docs/errors.md#malformed-lockfile",
        e.getMessage());
  }

  @Test
  void refusesControlCharacters() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(text(
        "lockfileVersion: '9.0'\nx: \u0001\n"), Limits.defaults()));
    // SnakeYAML's reader reports no position for it
    assertEquals("pnpm-lock.yaml:1:1: malformed YAML: \"special characters are not allowed\"; "
        + "fix or regenerate the lockfile with pnpm; see docs/errors.md#malformed-lockfile",
        e.getMessage());
  }
}
