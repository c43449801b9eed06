package dev.tollgate.core.semver;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.core.internal.semver.Js;
import dev.tollgate.core.internal.semver.JsRegex;
import dev.tollgate.core.internal.semver.Patterns;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * node-semver 7.x's functions under their own names, with the same answers. Where node-semver
 * returns {@code null} these return an empty {@link Optional}; where it throws a {@code TypeError}
 * on malformed input they throw {@link InvalidInputException}; nothing else escapes.
 *
 * <pre>{@code
 * Semver.satisfies("1.2.3", "^1.0.0", SemverOptions.DEFAULT);                      // true
 * Semver.maxSatisfying(List.of("1.0.0", "1.5.0", "2.0.0"), "~1", SemverOptions.DEFAULT); // "1.5.0"
 * Semver.validRange("1.x || >=2.5.0", SemverOptions.DEFAULT); // ">=1.0.0 <2.0.0-0||>=2.5.0"
 * Semver.coerce("v2.1-final", CoerceOptions.DEFAULT);          // 2.1.0
 * }</pre>
 *
 * <p>For many matches against the same ranges, parse them once with {@link Range#parse} or use a
 * {@link RangeCache}. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Semver {

  private Semver() {}

  /**
   * node-semver's {@code parse}.
   *
   * @param version the version text
   * @param options the options
   * @return the version, or empty when invalid
   * @throws NullPointerException if an argument is null
   */
  public static Optional<Version> parse(String version, SemverOptions options) {
    return Version.tryParse(version, options);
  }

  /**
   * node-semver's {@code valid}: the normalised version, or empty.
   *
   * @param version the version text
   * @param options the options
   * @return the normalised version, or empty when invalid
   * @throws NullPointerException if an argument is null
   */
  public static Optional<String> valid(String version, SemverOptions options) {
    return Version.tryParse(version, options).map(Version::toString);
  }

  /**
   * node-semver's {@code clean}: trims, drops leading {@code =} and {@code v}, and normalises.
   *
   * @param version the version text
   * @param options the options
   * @return the cleaned version, or empty when invalid
   * @throws NullPointerException if an argument is null
   */
  public static Optional<String> clean(String version, SemverOptions options) {
    Objects.requireNonNull(version, "version");
    String s = Js.trim(version);
    int i = 0;
    while (i < s.length() && (s.charAt(i) == '=' || s.charAt(i) == 'v')) {
      i++;
    }
    return valid(s.substring(i), options);
  }

  /**
   * node-semver's {@code compare}.
   *
   * @param a a version
   * @param b another version
   * @param options the options; only {@code loose} matters
   * @return -1, 0 or 1
   * @throws InvalidInputException if either version is invalid
   * @throws NullPointerException if an argument is null
   */
  public static int compare(String a, String b, SemverOptions options) {
    return Integer.signum(Version.parse(a, options).compareTo(Version.parse(b, options)));
  }

  /**
   * node-semver's {@code satisfies}: false when the range or the version is invalid.
   *
   * @param version the version text
   * @param range the range text
   * @param options the options
   * @return whether the version satisfies the range
   * @throws NullPointerException if an argument is null
   */
  public static boolean satisfies(String version, String range, SemverOptions options) {
    Objects.requireNonNull(version, "version");
    Optional<Range> r = Range.tryParse(range, options);
    return r.isPresent() && r.get().satisfies(version);
  }

  /**
   * node-semver's {@code validRange}: the normalised range ({@code *} for "any"), or empty.
   *
   * @param range the range text
   * @param options the options
   * @return the normalised range, or empty when invalid
   * @throws NullPointerException if an argument is null
   */
  public static Optional<String> validRange(String range, SemverOptions options) {
    return Range.tryParse(range, options).map(Range::normalized);
  }

  /**
   * node-semver's {@code maxSatisfying}: the first of the highest satisfying versions, as given.
   *
   * @param versions the candidate version texts (invalid ones never satisfy)
   * @param range the range text
   * @param options the options
   * @return the highest satisfying version as given, or empty (also when the range is invalid)
   * @throws NullPointerException if an argument or element is null
   */
  public static Optional<String> maxSatisfying(List<String> versions, String range,
      SemverOptions options) {
    return extreme(versions, range, options, -1);
  }

  /**
   * node-semver's {@code minSatisfying}: the first of the lowest satisfying versions, as given.
   *
   * @param versions the candidate version texts (invalid ones never satisfy)
   * @param range the range text
   * @param options the options
   * @return the lowest satisfying version as given, or empty (also when the range is invalid)
   * @throws NullPointerException if an argument or element is null
   */
  public static Optional<String> minSatisfying(List<String> versions, String range,
      SemverOptions options) {
    return extreme(versions, range, options, 1);
  }

  private static Optional<String> extreme(List<String> versions, String range,
      SemverOptions options, int replaceWhen) {
    Objects.requireNonNull(versions, "versions");
    Optional<Range> r = Range.tryParse(range, options);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    String best = null;
    Version bestV = null;
    for (String v : versions) {
      Objects.requireNonNull(v, "versions element");
      if (v.isEmpty()) {
        continue;
      }
      Object parsed = Version.parseOrReason(v, options.loose());
      if (!(parsed instanceof Version) || !r.get().satisfies((Version) parsed)) {
        continue;
      }
      Version pv = (Version) parsed;
      if (best == null || Integer.signum(bestV.compareTo(pv)) == replaceWhen) {
        best = v;
        bestV = pv;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * node-semver's {@code intersects}.
   *
   * @param r1 a range text
   * @param r2 another range text
   * @param options the options
   * @return whether some version could satisfy both
   * @throws InvalidInputException if either range is invalid
   * @throws NullPointerException if an argument is null
   */
  public static boolean intersects(String r1, String r2, SemverOptions options) {
    Range a = Range.parse(r1, options);
    Range b = Range.parse(r2, options);
    return a.intersects(b, options);
  }

  /**
   * node-semver's {@code minVersion}.
   *
   * @param range the range text
   * @param options the options
   * @return the lowest version that satisfies the range, or empty
   * @throws InvalidInputException if the range is invalid
   * @throws NullPointerException if an argument is null
   */
  public static Optional<Version> minVersion(String range, SemverOptions options) {
    return Range.parse(range, options).minVersion();
  }

  /**
   * node-semver's {@code coerce}: the first (or, with {@code rtl}, last) version-like run of
   * digits in the text, padded to three parts.
   *
   * @param version any text
   * @param options the options
   * @return the coerced version, or empty
   * @throws NullPointerException if an argument is null
   */
  public static Optional<Version> coerce(String version, CoerceOptions options) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(options, "options");
    JsRegex re = options.includePrerelease() ? Patterns.COERCEFULL : Patterns.COERCE;
    JsRegex.Match match = null;
    try {
      if (!options.rtl()) {
        match = re.find(version, 0);
      } else {
        int lastIndex = 0;
        while (true) {
          JsRegex.Match next = re.find(version, lastIndex);
          if (next == null || (match != null && match.end() == version.length())) {
            break;
          }
          if (match == null || next.end() != match.end()) {
            match = next;
          }
          lastIndex = next.start() + next.group(1).length() + next.group(2).length();
        }
      }
    } catch (JsRegex.TooComplexException e) {
      return Optional.empty();
    }
    if (match == null) {
      return Optional.empty();
    }
    String major = match.group(2);
    String minor = nonEmpty(match.group(3)) ? match.group(3) : "0";
    String patch = nonEmpty(match.group(4)) ? match.group(4) : "0";
    String prerelease = options.includePrerelease() && nonEmpty(match.group(5)) ? "-" + match.group(5) : "";
    String build = options.includePrerelease() && nonEmpty(match.group(6)) ? "+" + match.group(6) : "";
    return Version.tryParse(major + "." + minor + "." + patch + prerelease + build,
        SemverOptions.of(options.loose(), options.includePrerelease()));
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
