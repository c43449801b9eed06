package dev.tollgate.core.semver;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import java.util.List;

class SemverFuzzTest {

  private static SemverOptions options(FuzzedDataProvider data) {
    return SemverOptions.of(data.consumeBoolean(), data.consumeBoolean());
  }

  /** Any range text parses or fails with InvalidInputException, and a parsed range answers. */
  @FuzzTest(maxDuration = "30s")
  void rangeParsingThrowsOnlyInvalidInput(FuzzedDataProvider data) {
    SemverOptions o = options(data);
    String version = data.consumeString(40);
    String text = data.consumeRemainingAsString();
    try {
      Range r = Range.parse(text, o);
      r.satisfies(version);
      r.normalized();
      try {
        r.minVersion();
      } catch (InvalidInputException e) {
        // node-semver throws here too in one corner case
      }
      r.intersects(r, o);
      Semver.maxSatisfying(List.of(version, "1.2.3", "0.0.0-0"), text, o);
    } catch (InvalidInputException e) {
      // the only allowed failure
    }
    Semver.validRange(text, o);
  }

  /** Any version text parses or fails with InvalidInputException; coerce never throws. */
  @FuzzTest(maxDuration = "30s")
  void versionParsingThrowsOnlyInvalidInput(FuzzedDataProvider data) {
    SemverOptions o = options(data);
    CoerceOptions co = new CoerceOptions(data.consumeBoolean(), data.consumeBoolean(),
        data.consumeBoolean());
    String text = data.consumeRemainingAsString();
    try {
      Version v = Version.parse(text, o);
      v.compareTo(Version.parse("1.0.0"));
    } catch (InvalidInputException e) {
      // the only allowed failure
    }
    Semver.clean(text, o);
    Semver.coerce(text, co);
  }
}
