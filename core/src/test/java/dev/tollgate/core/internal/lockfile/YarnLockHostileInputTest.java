package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Hostile yarn lockfiles are refused through {@link Limits} in bounded time and memory. Inputs
 * are generated lazily by a stream, never held whole in memory.
 */
class YarnLockHostileInputTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  /** An input stream that concatenates generated chunks. */
  private static final class Generated extends InputStream {
    private final IntFunction<String> chunk;
    private final long chunks;
    private long next;
    private byte[] cur = new byte[0];
    private int pos;

    Generated(String head, long chunks, IntFunction<String> chunk) {
      this.chunk = chunk;
      this.chunks = chunks;
      this.cur = head.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      while (pos == cur.length) {
        if (next >= chunks) {
          return -1;
        }
        cur = chunk.apply((int) next++).getBytes(StandardCharsets.UTF_8);
        pos = 0;
      }
      int n = Math.min(len, cur.length - pos);
      System.arraycopy(cur, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  private static LimitExceededException refuse(LockfileReader r, InputStream in, Limits limits) {
    return assertTimeoutPreemptively(BOUND, () -> assertThrows(LimitExceededException.class,
        () -> r.read("yarn.lock", in, ProjectFiles.none(), limits)));
  }

  @Test
  void aMillionClassicEntriesAreRefusedByMaxEntries() {
    InputStream in = new Generated("# yarn lockfile v1\n\n", 1_000_000,
        i -> "p" + i + "@^1.0.0:\n  version \"1.0.0\"\n");
    LimitExceededException e = refuse(new YarnClassicLockReader(), in, Limits.defaults());
    assertEquals("maxEntries", e.limitName());
    assertEquals(500_001, e.observed());
  }

  @Test
  void aMillionBerryEntriesAreRefusedByMaxEntries() {
    InputStream in = new Generated("__metadata:\n  version: 8\n  cacheKey: 10c0\n\n", 1_000_000,
        i -> "\"p" + i + "@npm:^1.0.0\":\n  version: 1.0.0\n  resolution: \"p" + i
            + "@npm:1.0.0\"\n\n");
    LimitExceededException e = refuse(new YarnBerryLockReader(), in,
        Limits.builder().maxEntries(100_000).build());
    assertEquals("maxEntries", e.limitName());
  }

  @Test
  void aHugeQuotedStringIsRefusedByMaxStringLength() {
    long n = 20L * 1024 * 1024;
    InputStream in = new Generated("# yarn lockfile v1\n\na@^1:\n  version \"", n / 4096 + 1,
        i -> "x".repeat(4096));
    LimitExceededException e = refuse(new YarnClassicLockReader(), in, Limits.defaults());
    assertEquals("maxStringLength", e.limitName());
  }

  @Test
  void aHugePlainBerryValueIsRefusedByMaxStringLength() {
    InputStream in = new Generated("__metadata:\n  version: 8\n\n\"a@npm:1\":\n  version: ",
        10_000, i -> "y".repeat(4096));
    LimitExceededException e = refuse(new YarnBerryLockReader(), in,
        Limits.builder().maxStringLength(1 << 20).build());
    assertEquals("maxStringLength", e.limitName());
  }

  @Test
  void deeplyIndentedBlocksAreRefusedByMaxJsonDepth() {
    InputStream in = new Generated("# yarn lockfile v1\n\na@^1:\n", 100_000,
        i -> "  ".repeat(i + 1) + "k" + i + ":\n");
    LimitExceededException e = refuse(new YarnClassicLockReader(), in, Limits.defaults());
    assertEquals("maxJsonDepth", e.limitName());
    InputStream yaml = new Generated("__metadata:\n  version: 8\n\n\"a@npm:1\":\n", 100_000,
        i -> " ".repeat(i + 1) + "k" + i + ":\n");
    assertEquals("maxJsonDepth", refuse(new YarnBerryLockReader(), yaml, Limits.defaults())
        .limitName());
  }

  @Test
  void aLineOfSpacesIsRefusedByMaxStringLength() {
    InputStream in = new Generated("# yarn lockfile v1\n\n", 100_000, i -> " ".repeat(4096));
    LimitExceededException e = refuse(new YarnClassicLockReader(), in,
        Limits.builder().maxStringLength(1 << 20).build());
    assertEquals("maxStringLength", e.limitName());
  }

  @Test
  void aLongDocumentIsRefusedByMaxDocumentBytes() {
    InputStream in = new Generated("# yarn lockfile v1\n\n", 1_000_000, i -> "# comment\n");
    LimitExceededException e = refuse(new YarnClassicLockReader(), in,
        Limits.builder().maxDocumentBytes(1 << 20).build());
    assertEquals("maxDocumentBytes", e.limitName());
  }

  @Test
  void aLongResolutionIsRefusedByMaxPathLength() {
    String res = "a@https://example.invalid/" + "z".repeat(5000) + ".tgz";
    InputStream in = new Generated("__metadata:\n  version: 8\n\n\"" + res + "\":\n"
        + "  version: 1.0.0\n  resolution: \"" + res + "\"\n", 0, i -> "");
    LimitExceededException e = refuse(new YarnBerryLockReader(), in, Limits.defaults());
    assertEquals("maxPathLength", e.limitName());
  }

  @Test
  void manyKeysOnOneEntryAreBoundedByTheLineLength() {
    InputStream in = new Generated("# yarn lockfile v1\n\n", 2_000_000, i -> "a@" + i + ", ");
    LimitExceededException e = refuse(new YarnClassicLockReader(), in,
        Limits.builder().maxStringLength(1 << 20).build());
    assertEquals("maxStringLength", e.limitName());
  }
}
