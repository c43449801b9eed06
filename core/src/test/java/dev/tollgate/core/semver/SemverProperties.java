package dev.tollgate.core.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties of versions and ranges; each failure names its seed. */
class SemverProperties {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20).map(i -> 0x5E3E_0000L + i * 7919);
  }

  private static final String[] WORDS = {"alpha", "beta", "rc", "x", "X", "-", "a-b", "1a", "Z",
      "pre", "dev"};

  static String version(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    sb.append(num(r)).append('.').append(num(r)).append('.').append(num(r));
    if (r.nextInt(3) == 0) {
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? '-' : '.');
        sb.append(r.nextBoolean() ? String.valueOf(r.nextInt(12)) : WORDS[r.nextInt(WORDS.length)]);
      }
    }
    if (r.nextInt(6) == 0) {
      sb.append("+b").append(r.nextInt(100));
    }
    return sb.toString();
  }

  private static String num(SplittableRandom r) {
    return r.nextInt(10) == 0 ? String.valueOf(r.nextLong(9007199254740991L)) : String.valueOf(r.nextInt(4));
  }

  static String range(SplittableRandom r) {
    String[] ops = {"", "^", "~", ">=", "<", ">", "<=", "="};
    StringBuilder sb = new StringBuilder();
    int sets = 1 + r.nextInt(2);
    for (int s = 0; s < sets; s++) {
      if (s > 0) {
        sb.append(" || ");
      }
      if (r.nextInt(6) == 0) {
        sb.append(partial(r)).append(" - ").append(partial(r));
        continue;
      }
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(ops[r.nextInt(ops.length)]).append(r.nextInt(4) == 0 ? partial(r) : version(r));
      }
    }
    return sb.toString();
  }

  private static String partial(SplittableRandom r) {
    String[] parts = {String.valueOf(r.nextInt(4)), String.valueOf(r.nextInt(4)), "x"};
    int n = 1 + r.nextInt(3);
    StringBuilder sb = new StringBuilder(parts[r.nextInt(2)]);
    for (int i = 1; i < n; i++) {
      sb.append('.').append(parts[r.nextInt(3)]);
    }
    return sb.toString();
  }

  /** SemVer 2.0 precedence, written from the specification (section 11). */
  static int precedence(Version a, Version b) {
    int c = Long.compare(a.major(), b.major());
    if (c == 0) {
      c = Long.compare(a.minor(), b.minor());
    }
    if (c == 0) {
      c = Long.compare(a.patch(), b.patch());
    }
    if (c != 0) {
      return Integer.signum(c);
    }
    List<String> pa = a.prerelease();
    List<String> pb = b.prerelease();
    if (pa.isEmpty() || pb.isEmpty()) {
      return Boolean.compare(pa.isEmpty(), pb.isEmpty());
    }
    for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) {
      String x = pa.get(i);
      String y = pb.get(i);
      boolean nx = x.chars().allMatch(Character::isDigit);
      boolean ny = y.chars().allMatch(Character::isDigit);
      int d;
      if (nx && ny) {
        d = Long.compare(Long.parseLong(x), Long.parseLong(y));
      } else if (nx != ny) {
        d = nx ? -1 : 1;
      } else {
        d = x.compareTo(y);
      }
      if (d != 0) {
        return Integer.signum(d);
      }
    }
    return Integer.compare(pa.size(), pb.size());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void orderingIsATotalOrderMatchingSemverPrecedence(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Version> vs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      vs.add(Version.parse(version(r)));
    }
    for (int i = 0; i < vs.size(); i++) {
      Version a = vs.get(i);
      Version b = vs.get(r.nextInt(vs.size()));
      Version c = vs.get(r.nextInt(vs.size()));
      int ab = Integer.signum(a.compareTo(b));
      assertEquals(-ab, Integer.signum(b.compareTo(a)), "antisymmetry, seed " + seed + ": " + a + " " + b);
      assertEquals(precedence(a, b), ab, "precedence, seed " + seed + ": " + a + " " + b);
      assertEquals(ab == 0, a.equals(b), "consistent with equals, seed " + seed + ": " + a + " " + b);
      if (ab <= 0 && b.compareTo(c) <= 0) {
        assertTrue(a.compareTo(c) <= 0, "transitivity, seed " + seed + ": " + a + " " + b + " " + c);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parsePrintParseRoundTrips(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      String text = version(r);
      Version v = Version.parse(text);
      Version again = Version.parse(v.toString());
      assertEquals(v.toString(), again.toString(), "seed " + seed + ": " + text);
      assertEquals(0, v.compareTo(again), "seed " + seed + ": " + text);
      Optional<Range> range = Range.tryParse(range(r), SemverOptions.DEFAULT);
      if (range.isPresent()) {
        String norm = range.get().normalized();
        assertEquals(norm, Range.parse(norm).normalized(), "range round trip, seed " + seed);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void minVersionOfARangeSatisfiesIt(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 400; i++) {
      SemverOptions o = SemverOptions.of(r.nextBoolean(), r.nextBoolean());
      String text = range(r);
      Optional<Range> range = Range.tryParse(text, o);
      if (range.isEmpty()) {
        continue;
      }
      Optional<Version> min = range.get().minVersion();
      min.ifPresent(m -> assertTrue(range.get().satisfies(m),
          "seed " + seed + ": minVersion " + m + " of " + text + " does not satisfy it"));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void intersectsIsSymmetricWhenPrereleasesAreIncluded(long seed) {
    // Without includePrerelease node-semver itself is asymmetric for an exact prerelease against
    // "any" (SemverTest#intersectsKeepsNodeSemversAsymmetryForExactPrereleaseAgainstAny).
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 400; i++) {
      SemverOptions o = SemverOptions.of(r.nextBoolean(), true);
      Optional<Range> a = Range.tryParse(range(r), o);
      Optional<Range> b = Range.tryParse(range(r), o);
      if (a.isEmpty() || b.isEmpty()) {
        continue;
      }
      assertEquals(a.get().intersects(b.get(), o), b.get().intersects(a.get(), o),
          "seed " + seed + ": " + a.get() + " vs " + b.get());
    }
  }
}
