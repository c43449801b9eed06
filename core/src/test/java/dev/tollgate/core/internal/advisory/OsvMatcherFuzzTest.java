package dev.tollgate.core.internal.advisory;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import dev.tollgate.core.semver.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * The matcher never throws on any data: invalid versions and ranges are counted, never thrown (so
 * not even the typed InvalidInputException escapes), and it always ends.
 */
class OsvMatcherFuzzTest {

  private static final String[] TYPES = {"SEMVER", "ECOSYSTEM", "GIT", "", "semver"};

  @FuzzTest(maxDuration = "30s")
  void matchingRandomEventsNeverThrows(FuzzedDataProvider data) {
    List<AffectedPackage> entries = new ArrayList<>();
    int n = data.consumeInt(1, 3);
    for (int k = 0; k < n; k++) {
      List<AffectedRange> ranges = new ArrayList<>();
      int r = data.consumeInt(0, 3);
      for (int j = 0; j < r; j++) {
        if (data.consumeBoolean()) {
          ranges.add(new AffectedRange.Npm(data.consumeString(30)));
          continue;
        }
        List<AffectedRange.Event> events = new ArrayList<>();
        int e = data.consumeInt(0, 6);
        for (int i = 0; i < e; i++) {
          AffectedRange.EventKind kind = data.pickValue(AffectedRange.EventKind.values());
          events.add(new AffectedRange.Event(kind, version(data)));
        }
        ranges.add(new AffectedRange.Osv(data.pickValue(TYPES), events));
      }
      List<String> versions = new ArrayList<>();
      int v = data.consumeInt(0, 2);
      for (int i = 0; i < v; i++) {
        versions.add(version(data));
      }
      entries.add(new AffectedPackage("npm", "p", ranges, versions));
    }
    String installed = version(data);
    OsvMatcher.Match m = new OsvMatcher().match(entries, installed);
    if (!m.fixed().isEmpty() && Version.tryParse(m.fixed(), OsvMatcher.VERSION_OPTIONS).isEmpty()) {
      throw new AssertionError("fixed version is not a version: " + m.fixed());
    }
  }

  @FuzzTest(maxDuration = "20s")
  void scoringRandomVectorsNeverThrows(FuzzedDataProvider data) {
    String v = data.consumeRemainingAsString();
    Cvss.baseScoreV3(v);
    Cvss.baseScoreV3("CVSS:3.1/" + v).ifPresent(s -> {
      if (!(s >= 0 && s <= 10)) {
        throw new AssertionError("score out of range: " + s);
      }
    });
  }

  /** Mostly plausible versions (to reach the comparisons), sometimes anything. */
  private static String version(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> data.consumeString(20);
      case 1 -> "0";
      default -> data.consumeInt(0, 3) + "." + data.consumeInt(0, 3) + "." + data.consumeInt(0, 3)
          + (data.consumeBoolean() ? "-" + data.pickValue(new String[] {"alpha", "0", "beta.1",
              "rc.2"}) : "");
    };
  }
}
