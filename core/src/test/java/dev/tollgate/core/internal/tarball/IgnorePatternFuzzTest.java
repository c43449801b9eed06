package dev.tollgate.core.internal.tarball;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.LimitExceededException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Ignore patterns come from the package being checked, so they are hostile input: any pattern and
 * any path give an answer or a {@link LimitExceededException}, never another exception and never
 * a hang.
 */
class IgnorePatternFuzzTest {

  private static final int MAX = 512;
  private static final List<String> PATHS = List.of("a", "/a", "a/", "a/b/c", "/lib/x.js",
      "x/.git/config", "README.md", "", "/", "a//b", "node_modules/x/y/z/w/v/u");

  /** Input: a flag byte, then the pattern, a newline and the path. */
  @FuzzTest(maxDuration = "60s")
  void matchesOrRejectsAnyPatternAndPath(byte[] data) {
    if (data.length == 0) {
      return;
    }
    boolean partial = (data[0] & 1) != 0;
    String rest = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    int nl = rest.indexOf('\n');
    String pattern = nl < 0 ? rest : rest.substring(0, nl);
    String path = nl < 0 ? "a/b" : rest.substring(nl + 1);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try {
        IgnorePattern p = IgnorePattern.compile("fuzz", pattern, MAX);
        p.match(path.length() > 4 * MAX ? path.substring(0, 4 * MAX) : path, partial);
        p.match("/" + path + "/", !partial);
      } catch (LimitExceededException expected) {
        // the only failure allowed
      }
    });
  }

  /** Input: the text of an .npmignore; every rule is compiled and tried on a few paths. */
  @FuzzTest(maxDuration = "60s")
  void compilesAnyIgnoreFile(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try {
        for (String line : PackList.lines(text)) {
          IgnorePattern p = IgnorePattern.compile(".npmignore", line, MAX);
          for (String path : PATHS) {
            p.match(path, false);
            p.match(path, true);
          }
        }
      } catch (LimitExceededException expected) {
        // the only failure allowed
      }
    });
  }
}
