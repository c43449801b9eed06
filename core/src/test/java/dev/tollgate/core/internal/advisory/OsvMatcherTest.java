package dev.tollgate.core.internal.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import dev.tollgate.api.spi.AffectedRange.Event;
import dev.tollgate.api.spi.AffectedRange.EventKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OSV semantics, table-driven. Each row: events (i=introduced, f=fixed, la=last_affected, l=limit,
 * in the order the record gives them), the installed version, the expected answer and the expected
 * fixed version, worked out by hand from the OSV schema's evaluation pseudo-code: sort events by
 * version ("0" lowest, stable), walk them, introduced sets affected when v &gt;= it, fixed clears
 * when v &gt;= it, last_affected clears when v &gt; it; limits cap the range (v must be below one).
 */
class OsvMatcherTest {

  static Stream<Arguments> rows() {
    return Stream.of(
        // introduced only: an open range from 1.0.0
        row("i=1.0.0", "0.9.9", false, "", "0.9.9 < introduced 1.0.0: nothing applies"),
        row("i=1.0.0", "1.0.0", true, "", "introduced is inclusive: 1.0.0 >= 1.0.0"),
        row("i=1.0.0", "5.0.0", true, "", "no closing event: open above 1.0.0, no fix known"),
        row("i=1.0.0", "1.0.0-rc.1", false, "", "1.0.0-rc.1 precedes 1.0.0 in semver"),
        // introduced + fixed: [1.0.0, 1.2.0)
        row("i=1.0.0 f=1.2.0", "1.1.9", true, "1.2.0", "introduced applies, fixed does not"),
        row("i=1.0.0 f=1.2.0", "1.2.0", false, "", "fixed is exclusive: v >= fixed clears"),
        row("i=1.0.0 f=1.2.0", "0.9.0", false, "", "below introduced"),
        row("i=1.0.0 f=1.2.0", "1.2.0-rc.1", true, "1.2.0", "1.0.0 <= 1.2.0-rc.1 < 1.2.0"),
        row("i=1.0.0 f=1.2.0", "1.2.0+build.7", false, "", "build metadata is ignored: = 1.2.0"),
        // introduced + last_affected: [1.0.0, 1.4.0]
        row("i=1.0.0 la=1.4.0", "1.4.0", true, "", "last_affected is inclusive; no fixed known"),
        row("i=1.0.0 la=1.4.0", "1.4.1", false, "", "1.4.1 > last_affected clears"),
        row("i=1.0.0 la=1.4.0", "1.4.1-alpha", false, "", "1.4.1-alpha > 1.4.0 clears too"),
        row("i=0 la=2.88.2", "2.88.2", true, "", "GHSA-p8p7-x288-28g6 request: 2.88.2 affected"),
        // introduced + limit
        row("i=0 l=2.0.0", "1.9.9", true, "", "below the limit"),
        row("i=0 l=2.0.0", "2.0.0", false, "", "limit is exclusive: v must be < limit"),
        row("i=0 l=2.0.0", "3.0.0", false, "", "above the limit"),
        row("i=1.0.0 f=1.5.0 i=2.0.0 l=3.0.0", "2.5.0", true, "", "reintroduced, under limit"),
        row("i=1.0.0 f=1.5.0 i=2.0.0 l=3.0.0", "3.1.0", false, "", "limit caps the open part"),
        row("i=1.0.0 f=1.5.0 i=2.0.0 l=3.0.0", "1.6.0", false, "", "fixed 1.5.0 applies last"),
        row("i=1.0.0 l=*", "5.0.0", true, "", "limit * is no bound"),
        row("i=0 l=1.0.0 l=3.0.0", "2.0.0", true, "", "below one of several limits is enough"),
        // multiple introduced/fixed pairs: [1.0.0,1.1.0) and [2.0.0,2.1.0)
        row("i=1.0.0 f=1.1.0 i=2.0.0 f=2.1.0", "1.0.5", true, "1.1.0", "first pair"),
        row("i=1.0.0 f=1.1.0 i=2.0.0 f=2.1.0", "1.5.0", false, "", "between: fixed 1.1.0 last"),
        row("i=1.0.0 f=1.1.0 i=2.0.0 f=2.1.0", "2.0.0", true, "2.1.0", "second pair"),
        row("i=1.0.0 f=1.1.0 i=2.0.0 f=2.1.0", "2.1.0", false, "", "fixed 2.1.0 applies last"),
        // unsorted events: the same range given backwards; sorting restores the answers
        row("f=2.1.0 i=2.0.0 f=1.1.0 i=1.0.0", "1.0.5", true, "1.1.0", "sorted: i1 f1.1 i2 f2.1"),
        row("f=2.1.0 i=2.0.0 f=1.1.0 i=1.0.0", "1.5.0", false, "", "sorted: f1.1.0 applies last"),
        row("f=2.1.0 i=2.0.0 f=1.1.0 i=1.0.0", "2.0.3", true, "2.1.0", "sorted: i2.0.0 last"),
        row("f=1.0.0 i=0", "0.5.0", true, "1.0.0", "introduced 0 sorts first whatever its place"),
        // introduced "0" versus "0.0.0"
        row("i=0", "0.0.0-0", true, "", "\"0\" is below every version, prereleases too"),
        row("i=0", "99.0.0", true, "", "open from the start"),
        row("i=0.0.0", "0.0.0-alpha", false, "", "0.0.0-alpha precedes 0.0.0 (GHSA-224h)"),
        row("i=0.0.0", "0.0.0", true, "", "inclusive"),
        // prerelease bounds (GHSA-67hx-6x53-jw92, @babel/traverse)
        row("i=8.0.0-alpha.0 f=8.0.0-alpha.4", "8.0.0-alpha.3", true, "8.0.0-alpha.4",
            "alpha.0 <= alpha.3 < alpha.4"),
        row("i=8.0.0-alpha.0 f=8.0.0-alpha.4", "8.0.0-alpha.4", false, "", "fixed exclusive"),
        row("i=8.0.0-alpha.0 f=8.0.0-alpha.4", "8.0.0", false, "", "release above alpha.4"),
        row("i=8.0.0-alpha.0 f=8.0.0-alpha.4", "7.23.1", false, "", "below introduced"),
        row("i=1.0.0-beta.1 f=1.0.0", "1.0.0-beta.2", true, "1.0.0", "beta.1 <= beta.2 < 1.0.0"),
        row("i=1.0.0-beta.1 f=1.0.0", "1.0.0-alpha.9", false, "", "alpha < beta (ASCII)"),
        // empty fixed (GHSA-226w-6hhj-69hp, cal_rd): treated as absent, the range stays open
        row("i=0.0.0 f=", "9.9.9", true, "", "\"fixed\": \"\" is no bound: open range"),
        // equal versions keep their given order (stable sort, as the pseudo-code)
        row("i=1.0.0 f=1.0.0", "1.0.0", false, "", "both apply; fixed is walked last"),
        row("f=1.0.0 i=1.0.0", "1.0.0", true, "", "both apply; introduced is walked last"),
        // invalid data: the range does not match (and is counted)
        row("i=0 f=not-a-version", "1.0.0", false, "", "broken bound: range not evaluated"),
        row("i=banana", "1.0.0", false, "", "broken introduced"),
        row("i=0 f=1.0.0", "not-a-version", false, "", "installed version invalid"),
        // loose parsing of data (v prefix, as npm reads registry data)
        row("i=0 f=v1.2.0", "1.1.0", true, "1.2.0", "v1.2.0 is 1.2.0 for semver"));
  }

  private static Arguments row(String events, String version, boolean affected, String fixed,
      String why) {
    return Arguments.of(events, version, affected, fixed, why);
  }

  @ParameterizedTest(name = "[{0}] {1} -> {2} ({4})")
  @MethodSource("rows")
  void evaluatesEventsAsTheOsvSchemaSays(String events, String version, boolean affected,
      String fixed, String why) {
    OsvMatcher m = new OsvMatcher();
    OsvMatcher.Match r = m.match(List.of(pkg(List.of(osv("SEMVER", events)), List.of())),
        version);
    assertEquals(affected, r.affected(), why);
    assertEquals(fixed, r.fixed(), why);
    // ECOSYSTEM ranges for npm order versions the same way
    OsvMatcher.Match e = new OsvMatcher().match(
        List.of(pkg(List.of(osv("ECOSYSTEM", events)), List.of())), version);
    assertEquals(r, e, why);
  }

  @Test
  void gitRangesNeverMatchRegistryVersions() {
    OsvMatcher m = new OsvMatcher();
    assertFalse(m.match(List.of(pkg(List.of(osv("GIT", "i=0")), List.of())), "1.0.0").affected());
  }

  @Test
  void versionsListsMatchExactVersionsOnly() {
    OsvMatcher m = new OsvMatcher();
    // OSSF wdio-api-client/MAL-2024-1402: versions only, no ranges
    List<AffectedPackage> e = List.of(pkg(List.of(), List.of("3.0.11")));
    assertTrue(m.match(e, "3.0.11").affected());
    assertFalse(m.match(e, "3.0.12").affected());
    assertFalse(m.match(e, "3.0.11-0").affected());
    // OSSF chasqui/MAL-2024-1976 lists a prerelease
    List<AffectedPackage> pre = List.of(pkg(List.of(), List.of("26.0.1", "29.0.1-ep.2")));
    assertTrue(m.match(pre, "29.0.1-ep.2").affected());
    assertFalse(m.match(pre, "29.0.1").affected());
    assertEquals("", m.match(pre, "26.0.1").fixed());
  }

  @Test
  void severalAffectedEntriesForOnePackageAreOred() {
    // GHSA-3h5v-q93c-6h6q (ws): one entry per range
    List<AffectedPackage> ws = List.of(
        pkg(List.of(osv("ECOSYSTEM", "i=2.1.0 f=5.2.4")), List.of()),
        pkg(List.of(osv("ECOSYSTEM", "i=6.0.0 f=6.2.3")), List.of()),
        pkg(List.of(osv("ECOSYSTEM", "i=7.0.0 f=7.5.10")), List.of()),
        pkg(List.of(osv("ECOSYSTEM", "i=8.0.0 f=8.17.1")), List.of()));
    OsvMatcher m = new OsvMatcher();
    assertEquals(new OsvMatcher.Match(true, "7.5.10"), m.match(ws, "7.4.6"));
    assertEquals(new OsvMatcher.Match(true, "8.17.1"), m.match(ws, "8.17.0"));
    assertEquals(new OsvMatcher.Match(true, "5.2.4"), m.match(ws, "2.1.0"));
    assertFalse(m.match(ws, "7.5.10").affected());
    assertFalse(m.match(ws, "8.18.2").affected());
    assertFalse(m.match(ws, "5.2.4").affected());
    assertFalse(m.match(ws, "2.0.9").affected());
  }

  @Test
  void severalRangesInOneEntryAreOred() {
    // OSSF aspirejavascript-vite/MAL-2025-4551: two SEMVER ranges in one entry
    List<AffectedPackage> e = List.of(pkg(List.of(osv("SEMVER", "i=100.101.1337"),
        osv("SEMVER", "i=0")), List.of()));
    assertTrue(new OsvMatcher().match(e, "0.0.1").affected());
  }

  @Test
  void rangesAndARedundantVersionsListAgree() {
    // GHSA-pjwm-rvh2-c87w (ua-parser-js): range [0.7.29, 0.7.30) plus versions [0.7.29]
    List<AffectedPackage> e = List.of(pkg(List.of(osv("ECOSYSTEM", "i=0.7.29 f=0.7.30")),
        List.of("0.7.29")));
    assertEquals(new OsvMatcher.Match(true, "0.7.30"), new OsvMatcher().match(e, "0.7.29"));
  }

  @Test
  void npmRangesUseIncludePrereleaseAndLoose() {
    OsvMatcher m = new OsvMatcher();
    List<AffectedPackage> lt = List.of(pkg(List.of(new AffectedRange.Npm("<1.2.6")), List.of()));
    assertTrue(m.match(lt, "1.2.5").affected());
    assertFalse(m.match(lt, "1.2.6").affected());
    // includePrerelease: a prerelease of another tuple still satisfies
    List<AffectedPackage> span = List.of(pkg(List.of(new AffectedRange.Npm(">=1.0.0 <2.0.0")),
        List.of()));
    assertTrue(m.match(span, "1.5.0-beta.1").affected());
    assertEquals("", m.match(span, "1.5.0").fixed());
  }

  @Test
  void invalidDataIsCountedNotThrown() {
    OsvMatcher m = new OsvMatcher();
    m.match(List.of(pkg(List.of(osv("SEMVER", "i=0 f=x.y")), List.of())), "1.0.0");
    m.match(List.of(pkg(List.of(new AffectedRange.Npm(">>>nope<<<")), List.of())), "1.0.0");
    m.match(List.of(pkg(List.of(osv("SEMVER", "i=0")), List.of())), "1..0");
    assertEquals(3, m.invalidVersions());
    m.match(List.of(pkg(List.of(osv("SEMVER", "i=0 f=")), List.of())), "1.0.0");
    assertEquals(1, m.emptyEvents());
  }

  static AffectedPackage pkg(List<AffectedRange> ranges, List<String> versions) {
    return new AffectedPackage("npm", "p", ranges, versions);
  }

  static AffectedRange.Osv osv(String type, String events) {
    List<Event> out = new ArrayList<>();
    for (String e : events.split(" ")) {
      String[] kv = e.split("=", -1);
      EventKind kind = switch (kv[0]) {
        case "i" -> EventKind.INTRODUCED;
        case "f" -> EventKind.FIXED;
        case "la" -> EventKind.LAST_AFFECTED;
        case "l" -> EventKind.LIMIT;
        default -> throw new IllegalArgumentException(Arrays.toString(kv));
      };
      out.add(new Event(kind, kv[1]));
    }
    return new AffectedRange.Osv(type, out);
  }
}
