package dev.tollgate.core.semver;

import dev.tollgate.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An npm version range parsed once, as node-semver 7.x's {@code Range}: {@code ||}-separated sets
 * of comparators, each set a conjunction. Every form node-semver accepts is accepted with the same
 * meaning: x-ranges ({@code 1.x}, {@code *}, {@code ""}), tilde, caret (including {@code 0.x}),
 * hyphen ranges with partial versions, primitive comparators, {@code v}/{@code =} prefixes, build
 * metadata (ignored) and, in loose mode, loose versions.
 *
 * <p>{@link #satisfies(Version)} does not allocate. A version with a prerelease satisfies a set
 * only when some comparator of that set has a prerelease on the same {@code major.minor.patch},
 * unless {@code includePrerelease} is set (node-semver's rule).
 *
 * <pre>{@code
 * Range r = Range.parse("^1.2.3 || >=2.0.0-rc.1 <2.1.0");
 * r.satisfies(Version.parse("1.9.0")); // true
 * r.toString();                         // ">=1.2.3 <2.0.0-0||>=2.0.0-rc.1 <2.1.0"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Range {

  private static final String SOURCE = "semver range";

  private final String raw;
  private final Comparator[][] set;
  private final SemverOptions options;
  private final String formatted;

  /**
   * The comparators packed for the allocation-free hot path: per set, the comparator count, then
   * per comparator {@code op | hasPrerelease << 8}, major, minor, patch.
   */
  private final long[] packed;
  /** The comparator versions in packing order, for prerelease comparisons (null for ANY). */
  private final Version[] cVersion;
  private final boolean includePrerelease;

  // One set of one or two comparators (most real ranges: ^1.2.3, ~1.2, >=1.0.0, 1.2.3) is kept in
  // fields too, so the hot path reads this object and the version only.
  private final boolean simple;
  private final long w0;
  private final long maj0;
  private final long min0;
  private final long pat0;
  private final long w1;
  private final long maj1;
  private final long min1;
  private final long pat1;
  private final Version v0;
  private final Version v1;

  private static final long ANY_OP = 0xff;
  private static final long PRE_FLAG = 0x100;

  Range(String raw, Comparator[][] set, SemverOptions options) {
    this.raw = raw;
    this.set = set;
    this.options = options;
    this.includePrerelease = options.includePrerelease();
    int total = 0;
    for (Comparator[] comps : set) {
      total += comps.length;
    }
    packed = new long[set.length + 4 * total];
    cVersion = new Version[total];
    int p = 0;
    int k = 0;
    for (Comparator[] comps : set) {
      packed[p++] = comps.length;
      for (Comparator c : comps) {
        if (c.semver == null) {
          packed[p] = ANY_OP;
        } else {
          packed[p] = c.op | (c.semver.preLength > 0 ? PRE_FLAG : 0);
          packed[p + 1] = c.semver.major;
          packed[p + 2] = c.semver.minor;
          packed[p + 3] = c.semver.patch;
        }
        cVersion[k++] = c.semver;
        p += 4;
      }
    }
    simple = set.length == 1 && total <= 2;
    if (simple) {
      w0 = packed[1];
      maj0 = packed[2];
      min0 = packed[3];
      pat0 = packed[4];
      v0 = cVersion[0];
      if (total == 2) {
        w1 = packed[5];
        maj1 = packed[6];
        min1 = packed[7];
        pat1 = packed[8];
        v1 = cVersion[1];
      } else {
        w1 = ANY_OP;
        maj1 = 0;
        min1 = 0;
        pat1 = 0;
        v1 = null;
      }
    } else {
      w0 = ANY_OP;
      maj0 = 0;
      min0 = 0;
      pat0 = 0;
      v0 = null;
      w1 = ANY_OP;
      maj1 = 0;
      min1 = 0;
      pat1 = 0;
      v1 = null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < set.length; i++) {
      if (i > 0) {
        sb.append("||");
      }
      for (int j = 0; j < set[i].length; j++) {
        if (j > 0) {
          sb.append(' ');
        }
        sb.append(set[i][j].value);
      }
    }
    this.formatted = sb.toString();
  }

  /**
   * Parses a range with default options.
   *
   * @param range the range text
   * @return the range
   * @throws InvalidInputException if node-semver would reject it
   * @throws NullPointerException if {@code range} is null
   */
  public static Range parse(String range) {
    return parse(range, SemverOptions.DEFAULT);
  }

  /**
   * Parses a range (node-semver's {@code new Range(range, options)}).
   *
   * @param range the range text
   * @param options the options
   * @return the range
   * @throws InvalidInputException if node-semver would reject it
   * @throws NullPointerException if an argument is null
   */
  public static Range parse(String range, SemverOptions options) {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(options, "options");
    try {
      return RangeParser.parse(range, options);
    } catch (RangeParser.Invalid e) {
      throw new InvalidInputException(SOURCE, 0, 0,
          e.getMessage() + " in range \"" + Version.escape(range) + "\"; expected an npm range"
              + " such as ^1.2.3, ~1.2, 1.x, >=1.0.0 <2 or 1.0.0 - 2.0.0;"
              + " see docs/errors.md#semver-invalid-range");
    }
  }

  /**
   * Parses a range, returning empty where node-semver would throw.
   *
   * @param range the range text
   * @param options the options
   * @return the range, or empty
   * @throws NullPointerException if an argument is null
   */
  public static Optional<Range> tryParse(String range, SemverOptions options) {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(options, "options");
    try {
      return Optional.of(RangeParser.parse(range, options));
    } catch (RangeParser.Invalid e) {
      return Optional.empty();
    }
  }

  /**
   * Returns whether the version satisfies this range (node-semver's {@code range.test(v)}).
   * Allocation-free.
   *
   * @param version the version
   * @return whether it satisfies the range
   * @throws NullPointerException if {@code version} is null
   */
  public boolean satisfies(Version version) {
    final long major = version.major;
    final long minor = version.minor;
    final long patch = version.patch;
    final boolean pre = version.preLength > 0;
    if (simple) {
      if (!pass(w0, major, minor, patch, pre, maj0, min0, pat0, version, v0)
          || !pass(w1, major, minor, patch, pre, maj1, min1, pat1, version, v1)) {
        return false;
      }
      if (!pre || includePrerelease) {
        return true;
      }
      return ((w0 & PRE_FLAG) != 0 && w0 != ANY_OP && maj0 == major && min0 == minor && pat0 == patch)
          || ((w1 & PRE_FLAG) != 0 && w1 != ANY_OP && maj1 == major && min1 == minor && pat1 == patch);
    }
    final long[] pk = packed;
    int p = 0;
    int k = 0;
    while (p < pk.length) {
      int count = (int) pk[p++];
      int setP = p;
      boolean ok = true;
      for (int j = 0; j < count; j++, p += 4, k++) {
        long word = pk[p];
        if (word == ANY_OP) {
          continue;
        }
        int c;
        long x = pk[p + 1];
        if (major != x) {
          c = major < x ? -1 : 1;
        } else if (minor != (x = pk[p + 2])) {
          c = minor < x ? -1 : 1;
        } else if (patch != (x = pk[p + 3])) {
          c = patch < x ? -1 : 1;
        } else if (!pre && (word & PRE_FLAG) == 0) {
          c = 0;
        } else {
          c = version.comparePre(cVersion[k]);
        }
        boolean pass;
        switch ((int) (word & 0xff)) {
          case Comparator.GT:
            pass = c > 0;
            break;
          case Comparator.GTE:
            pass = c >= 0;
            break;
          case Comparator.LT:
            pass = c < 0;
            break;
          case Comparator.LTE:
            pass = c <= 0;
            break;
          default:
            pass = c == 0;
            break;
        }
        if (!pass) {
          ok = false;
          p += 4 * (count - j);
          k += count - j;
          break;
        }
      }
      if (ok) {
        if (!pre || includePrerelease) {
          return true;
        }
        for (int j = 0; j < count; j++) {
          long word = pk[setP + 4 * j];
          if (word != ANY_OP && (word & PRE_FLAG) != 0
              && pk[setP + 4 * j + 1] == major && pk[setP + 4 * j + 2] == minor
              && pk[setP + 4 * j + 3] == patch) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean pass(long word, long major, long minor, long patch, boolean pre,
      long cmaj, long cmin, long cpat, Version version, Version cv) {
    if (word == ANY_OP) {
      return true;
    }
    int c;
    if (major != cmaj) {
      c = major < cmaj ? -1 : 1;
    } else if (minor != cmin) {
      c = minor < cmin ? -1 : 1;
    } else if (patch != cpat) {
      c = patch < cpat ? -1 : 1;
    } else if (!pre && (word & PRE_FLAG) == 0) {
      c = 0;
    } else {
      c = version.comparePre(cv);
    }
    switch ((int) (word & 0xff)) {
      case Comparator.GT:
        return c > 0;
      case Comparator.GTE:
        return c >= 0;
      case Comparator.LT:
        return c < 0;
      case Comparator.LTE:
        return c <= 0;
      default:
        return c == 0;
    }
  }

  /**
   * Parses the version with this range's options and tests it; an invalid version gives false, as
   * in node-semver.
   *
   * @param version the version text
   * @return whether it is a valid version that satisfies the range
   * @throws NullPointerException if {@code version} is null
   */
  public boolean satisfies(String version) {
    Objects.requireNonNull(version, "version");
    if (version.isEmpty()) {
      return false;
    }
    Object v = Version.parseOrReason(version, options.loose());
    return v instanceof Version && satisfies((Version) v);
  }

  boolean test(String version) {
    return satisfies(version);
  }

  boolean test(Version version) {
    return satisfies(version);
  }

  /**
   * Returns whether some version could satisfy both ranges (node-semver's {@code intersects}).
   *
   * @param other the other range
   * @param options the options for the comparison
   * @return whether the ranges intersect
   * @throws NullPointerException if an argument is null
   */
  public boolean intersects(Range other, SemverOptions options) {
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(options, "options");
    for (Comparator[] mine : set) {
      if (!isSatisfiable(mine, options)) {
        continue;
      }
      for (Comparator[] theirs : other.set) {
        if (!isSatisfiable(theirs, options)) {
          continue;
        }
        boolean all = true;
        for (int i = 0; i < mine.length && all; i++) {
          for (int k = 0; k < theirs.length && all; k++) {
            all = mine[i].intersects(theirs[k], options);
          }
        }
        if (all) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isSatisfiable(Comparator[] comparators, SemverOptions options) {
    boolean result = true;
    List<Comparator> remaining = new ArrayList<>(List.of(comparators));
    Comparator test = remaining.remove(remaining.size() - 1);
    while (result && !remaining.isEmpty()) {
      for (Comparator other : remaining) {
        if (!test.intersects(other, options)) {
          result = false;
          break;
        }
      }
      test = remaining.remove(remaining.size() - 1);
    }
    return result;
  }

  /**
   * Returns the lowest version that satisfies this range, or empty (node-semver's
   * {@code minVersion}).
   *
   * @return the lowest satisfying version, or empty
   * @throws InvalidInputException in the corner case where node-semver throws: a {@code >}
   *     bound on {@code Number.MAX_SAFE_INTEGER} with loose or includePrerelease set
   */
  public Optional<Version> minVersion() {
    Version zero = Version.parse("0.0.0");
    if (satisfies(zero)) {
      return Optional.of(zero);
    }
    Version zeroPre = Version.parse("0.0.0-0");
    if (satisfies(zeroPre)) {
      return Optional.of(zeroPre);
    }
    Version minver = null;
    for (Comparator[] comparators : set) {
      Version setMin = null;
      for (Comparator comparator : comparators) {
        if (comparator.semver == null) {
          continue;
        }
        if (!comparator.semver.reparsesStrictly()) {
          throw new InvalidInputException(SOURCE, 0, 0,
              "invalid version \"" + comparator.semver + "\" while computing the minimum of range \""
                  + Version.escape(raw) + "\"; see docs/errors.md#semver-invalid-range");
        }
        Version compver = comparator.semver.withoutBuild();
        switch (comparator.op) {
          case Comparator.GT:
            compver = compver.bumpForGreaterThan();
            if (setMin == null || compver.compareTo(setMin) > 0) {
              setMin = compver;
            }
            break;
          case Comparator.EQ:
          case Comparator.GTE:
            if (setMin == null || compver.compareTo(setMin) > 0) {
              setMin = compver;
            }
            break;
          default:
            break;
        }
      }
      if (setMin != null && (minver == null || minver.compareTo(setMin) > 0)) {
        minver = setMin;
      }
    }
    if (minver != null) {
      if ((options.loose() || options.includePrerelease())
          && minver.patch > Version.MAX_SAFE_INTEGER) {
        throw new InvalidInputException(SOURCE, 0, 0,
            "invalid patch version while computing the minimum of range \""
                + Version.escape(raw) + "\"; see docs/errors.md#semver-invalid-range");
      }
      if (satisfies(minver)) {
        return Optional.of(minver);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the options this range was parsed with.
   *
   * @return the options
   */
  public SemverOptions options() {
    return options;
  }

  /**
   * Returns the whitespace-normalised input (node-semver's {@code raw}).
   *
   * @return the raw text
   */
  public String raw() {
    return raw;
  }

  /**
   * Returns node-semver's normalised {@code range}: comparators joined by a space, sets by
   * {@code ||}; the empty string for "any version".
   *
   * @return the normalised range
   */
  @Override
  public String toString() {
    return formatted;
  }

  /**
   * Returns node-semver's {@code validRange} form: {@link #toString()}, or {@code *} when empty.
   *
   * @return the normalised range, never empty
   */
  public String normalized() {
    return formatted.isEmpty() ? "*" : formatted;
  }
}
