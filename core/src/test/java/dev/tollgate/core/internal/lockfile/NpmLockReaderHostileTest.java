package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.LockfileFormat;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Hostile lockfiles are refused through {@link Limits} in bounded time and memory. The inputs are
 * generated as streams, never held whole.
 */
class NpmLockReaderHostileTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  /** Streams a prefix, {@code count} generated units and a suffix. */
  static final class Generated extends InputStream {
    private final byte[] prefix;
    private final IntFunction<String> unit;
    private final long count;
    private final byte[] suffix;
    private byte[] cur;
    private int pos;
    private long next;
    private int stage;

    Generated(String prefix, IntFunction<String> unit, long count, String suffix) {
      this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
      this.unit = unit;
      this.count = count;
      this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
      this.cur = this.prefix;
    }

    private boolean fill() {
      while (pos >= cur.length) {
        if (stage == 0 && next < count) {
          cur = unit.apply((int) next++).getBytes(StandardCharsets.UTF_8);
        } else if (stage == 0) {
          stage = 1;
          cur = suffix;
        } else {
          return false;
        }
        pos = 0;
      }
      return true;
    }

    @Override
    public int read() {
      return fill() ? cur[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, cur.length - pos);
      System.arraycopy(cur, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  private static LimitExceededException refuse(InputStream in, Limits limits) {
    return assertTimeoutPreemptively(BOUND, () -> assertThrows(LimitExceededException.class,
        () -> new NpmLockReader(LockfileFormat.NPM_PACKAGE_LOCK).read("package-lock.json", in,
            ProjectFiles.none(), limits)));
  }

  private static String message(String limit, long value, long observed) {
    return "package-lock.json: input exceeds limit " + limit + " = " + value + " (observed "
        + observed + "); raise it with Limits.builder()." + limit
        + "(...) if the input is trusted; see docs/errors.md#limit-exceeded";
  }

  @Test
  void refusesAMillionPackagesEntriesWithMaxEntries() {
    LimitExceededException e = refuse(new Generated(
        "{\"lockfileVersion\":3,\"packages\":{\"\":{},",
        i -> (i == 0 ? "" : ",") + "\"node_modules/p" + i + "\":{\"version\":\"1.0.0\"}",
        1_000_000, "}}"), Limits.defaults());
    assertEquals("maxEntries", e.limitName());
    assertEquals(message("maxEntries", 500_000, 500_001), e.getMessage());
  }

  @Test
  void refusesAMillionV1EntriesWithMaxEntries() {
    LimitExceededException e = refuse(new Generated("{\"lockfileVersion\":1,\"dependencies\":{",
        i -> (i == 0 ? "" : ",") + "\"p" + i + "\":{\"version\":\"1.0.0\"}", 1_000_000, "}}"),
        Limits.defaults());
    assertEquals(message("maxEntries", 500_000, 500_001), e.getMessage());
  }

  @Test
  void refusesTooManyEdgesWithMaxEntries() {
    Limits limits = Limits.builder().maxEntries(1_000).build();
    LimitExceededException e = refuse(new Generated(
        "{\"lockfileVersion\":3,\"packages\":{\"\":{\"dependencies\":{",
        i -> (i == 0 ? "" : ",") + "\"d" + i + "\":\"1\"", 100_000, "}}}}"), limits);
    assertEquals("maxEntries", e.limitName());
  }

  @Test
  void refusesDeepNestingWithMaxJsonDepth() {
    LimitExceededException e = refuse(new Generated("{\"lockfileVersion\":3,\"packages\":{\"\":",
        i -> "{\"x\":", 10_000_000, "1}"), Limits.defaults());
    assertEquals(message("maxJsonDepth", 256, 257), e.getMessage());
  }

  @Test
  void refusesDeepV1TreesWithMaxJsonDepth() {
    LimitExceededException e = refuse(new Generated("{\"lockfileVersion\":1,\"dependencies\":",
        i -> "{\"a\":{\"version\":\"1.0.0\",\"dependencies\":", 1_000_000, "{}"),
        Limits.defaults());
    assertEquals("maxJsonDepth", e.limitName());
  }

  @Test
  void refusesHugeStringsWithMaxStringLength() {
    String chunk = "a".repeat(1 << 16);
    LimitExceededException e = refuse(new Generated(
        "{\"lockfileVersion\":3,\"packages\":{\"node_modules/a\":{\"version\":\"",
        i -> chunk, 1 << 12, "\"}}}"), Limits.defaults());
    assertEquals(message("maxStringLength", 16 * 1024 * 1024, 16 * 1024 * 1024 + 1),
        e.getMessage());
  }

  @Test
  void refusesHugeKeysWithMaxStringLength() {
    String chunk = "n".repeat(1 << 16);
    LimitExceededException e = refuse(new Generated("{\"lockfileVersion\":3,\"packages\":{\"",
        i -> chunk, 1 << 12, "\":{}}}"), Limits.defaults());
    assertEquals("maxStringLength", e.limitName());
  }

  @Test
  void refusesLongLocationsWithMaxPathLength() {
    LimitExceededException e = refuse(new Generated("{\"lockfileVersion\":3,\"packages\":{\"",
        i -> "node_modules/a/", 1_000, "x\":{}}}"), Limits.defaults());
    assertEquals(message("maxPathLength", 4096, 15_001), e.getMessage());
  }

  @Test
  void refusesEndlessDocumentsWithMaxDocumentBytes() {
    Limits limits = Limits.builder().maxDocumentBytes(10 << 20).build();
    LimitExceededException e = refuse(new Generated("{\"lockfileVersion\":3,\"x\":[",
        i -> "0,", Long.MAX_VALUE, "0]}"), limits);
    assertEquals("maxDocumentBytes", e.limitName());
  }
}
