package dev.tollgate.core.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemverTest {

  @Test
  void caretOfZeroMinorStaysWithinTheMinor() {
    assertEquals(Optional.of(">=0.2.3 <0.3.0-0"), Semver.validRange("^0.2.3", SemverOptions.DEFAULT));
    assertTrue(Semver.satisfies("0.2.9", "^0.2.3", SemverOptions.DEFAULT));
    assertFalse(Semver.satisfies("0.3.0", "^0.2.3", SemverOptions.DEFAULT));
  }

  @Test
  void prereleaseMatchesOnlyOnTheSameTupleUnlessIncluded() {
    assertTrue(Semver.satisfies("1.2.3-beta.2", "^1.2.3-beta.1", SemverOptions.DEFAULT));
    assertFalse(Semver.satisfies("1.2.4-beta.1", "^1.2.3-beta.1", SemverOptions.DEFAULT));
    assertTrue(Semver.satisfies("1.2.4-beta.1", "^1.2.3-beta.1", SemverOptions.of(false, true)));
  }

  @Test
  void hyphenRangeWithPartialUpperBoundIsExclusive() {
    assertEquals(Optional.of(">=1.2.0 <3.5.0-0"), Semver.validRange("1.2 - 3.4", SemverOptions.DEFAULT));
  }

  @Test
  void emptyAndStarRangesMatchEveryRelease() {
    assertEquals(Optional.of("*"), Semver.validRange("", SemverOptions.DEFAULT));
    assertTrue(Semver.satisfies("9.9.9", "*", SemverOptions.DEFAULT));
    assertFalse(Semver.satisfies("9.9.9-0", "*", SemverOptions.DEFAULT));
  }

  @Test
  void rejectsVersionsAboveMaxSafeInteger() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Version.parse("9007199254740992.0.0"));
    assertEquals("semver version: invalid major version: \"9007199254740992.0.0\"; expected a version"
        + " such as 1.2.3 or 1.2.3-beta.1; see docs/errors.md#semver-invalid-version", e.getMessage());
    assertEquals(9007199254740991L, Version.parse("9007199254740991.0.0").major());
  }

  @Test
  void invalidRangeNamesTheRangeAndTheAnchor() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Range.parse(">=x.2 <"));
    assertTrue(e.getMessage().startsWith("semver range: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("see docs/errors.md#semver-invalid-range"), e.getMessage());
    assertFalse(Semver.satisfies("1.0.0", "not a range", SemverOptions.DEFAULT));
  }

  @Test
  void hugeNumericPrereleaseIdentifiersStayTextButCompareAsNumbers() {
    Version v = Version.parse("1.0.0-99999999999999999999");
    assertEquals(List.of("99999999999999999999"), v.prerelease());
    assertTrue(v.compareTo(Version.parse("1.0.0-5")) > 0);
    assertTrue(v.compareTo(Version.parse("1.0.0-a")) < 0);
  }

  @Test
  void maxSatisfyingReturnsTheVersionAsGiven() {
    assertEquals(Optional.of("v1.5.0"), Semver.maxSatisfying(List.of("1.0.0", "v1.5.0", "2.0.0"),
        "~1", SemverOptions.DEFAULT));
    assertEquals(Optional.empty(), Semver.minSatisfying(List.of("1.0.0"), "^2", SemverOptions.DEFAULT));
  }

  @Test
  void coerceTakesTheRightmostVersionWithRtl() {
    assertEquals("2.3.4", Semver.coerce("1.2.3.4", new CoerceOptions(false, false, true)).orElseThrow().toString());
    assertEquals("1.2.3", Semver.coerce("1.2.3.4", CoerceOptions.DEFAULT).orElseThrow().toString());
    assertEquals("2.1.0", Semver.coerce("v2.1-final", CoerceOptions.DEFAULT).orElseThrow().toString());
  }

  @Test
  void hostileRangesFinishQuicklyWithAnAnswerOrTheTypedException() {
    List<String> hostile = List.of("1.2.3-" + "a.".repeat(50_000) + "a", " ".repeat(100_000) + "1",
        "^1.2.3 ".repeat(5_000), "1.2.3+" + "a.".repeat(50_000), "9".repeat(100_000),
        ">".repeat(50_000) + "1", "1.2.3 || ".repeat(10_000) + "1");
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (String h : hostile) {
        for (boolean loose : new boolean[] {false, true}) {
          try {
            Range.parse(h, SemverOptions.of(loose, false)).satisfies("1.2.3");
          } catch (InvalidInputException e) {
            assertTrue(e.getMessage().contains("docs/errors.md#semver-invalid-range"));
          }
          Semver.coerce(h, new CoerceOptions(loose, true, true));
        }
      }
    });
  }

  @Test
  void intersectsKeepsNodeSemversAsymmetryForExactPrereleaseAgainstAny() {
    assertFalse(Semver.intersects("3.0.0-dev", "", SemverOptions.DEFAULT));
    assertTrue(Semver.intersects("", "3.0.0-dev", SemverOptions.DEFAULT));
    assertTrue(Semver.intersects("3.0.0-dev", "", SemverOptions.of(false, true)));
  }

  @Test
  void rangeCacheReturnsTheSameParsedRange() {
    RangeCache cache = new RangeCache(2);
    Range a = cache.get("^1.2.3", SemverOptions.DEFAULT).orElseThrow();
    assertTrue(a == cache.get("^1.2.3", SemverOptions.DEFAULT).orElseThrow());
    assertTrue(cache.get("not a range", SemverOptions.DEFAULT).isEmpty());
    cache.get("~1", SemverOptions.DEFAULT);
    assertEquals(2, cache.size());
    assertTrue(cache.satisfies("1.3.0", "^1.2.3", SemverOptions.DEFAULT));
  }
}
