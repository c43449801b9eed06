package dev.tollgate.core.semver;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.core.internal.semver.Js;
import dev.tollgate.core.internal.semver.JsRegex;
import dev.tollgate.core.internal.semver.Patterns;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A version as node-semver 7.x's {@code SemVer} parses it: major, minor and patch (each at most
 * {@code Number.MAX_SAFE_INTEGER}, 2<sup>53</sup>-1), prerelease identifiers and build metadata.
 * Input longer than 256 characters is rejected, surrounding white space is ignored, a leading
 * {@code v} is accepted, and in loose mode so are {@code =}, leading zeros and a prerelease without
 * its hyphen.
 *
 * <p>{@link #toString()} is node-semver's {@code version}: {@code major.minor.patch[-prerelease]},
 * without build metadata. {@link #compareTo(Version)} is node-semver's {@code compare}: SemVer 2.0
 * precedence, with one quirk kept for fidelity: numeric prerelease identifiers of
 * 2<sup>53</sup>-1 and more are compared as JavaScript numbers (so two such identifiers that round
 * to the same double compare equal, which ends the comparison). Equality ({@link #equals(Object)})
 * is equality of {@link #toString()}.
 *
 * <pre>{@code
 * Version v = Version.parse("1.2.3-beta.1+sha.5");
 * v.prerelease(); // ["beta", "1"]
 * v.compareTo(Version.parse("1.2.3")) < 0; // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Version implements Comparable<Version> {

  static final int MAX_LENGTH = 256;
  static final long MAX_SAFE_INTEGER = 9007199254740991L;

  private static final String SOURCE = "semver version";

  /** prerelease kinds in {@link #preNum}: numeric ids hold their value (>= 0). */
  private static final long PRE_STRING = -1;

  private static final long PRE_BIG = -2;

  final long major;
  final long minor;
  final long patch;
  final String[] pre;
  final int preLength;
  final long[] preNum;
  private final String[] build;
  /** node-semver's {@code version}, computed on first use (benign race: the value is a String). */
  private String version;

  private static final String[] NO_STRINGS = new String[0];
  private static final long[] NO_LONGS = new long[0];

  Version(long major, long minor, long patch, String[] pre, long[] preNum, String[] build) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.preLength = pre.length;
    this.preNum = preNum;
    this.build = build;
  }

  /**
   * Parses a version strictly (node-semver's {@code new SemVer(v)}).
   *
   * @param version the text
   * @return the version
   * @throws InvalidInputException if it is not a valid version
   * @throws NullPointerException if {@code version} is null
   */
  public static Version parse(String version) {
    return parse(version, SemverOptions.DEFAULT);
  }

  /**
   * Parses a version (node-semver's {@code new SemVer(v, options)}).
   *
   * @param version the text
   * @param options the options; only {@code loose} matters
   * @return the version
   * @throws InvalidInputException if it is not a valid version
   * @throws NullPointerException if an argument is null
   */
  public static Version parse(String version, SemverOptions options) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(options, "options");
    Object r = parseOrReason(version, options.loose());
    if (r instanceof Version) {
      return (Version) r;
    }
    throw new InvalidInputException(SOURCE, 0, 0,
        r + ": \"" + escape(version) + "\"; expected a version such as 1.2.3 or 1.2.3-beta.1;"
            + " see docs/errors.md#semver-invalid-version");
  }

  /**
   * Parses a version strictly, returning empty where node-semver's {@code parse} returns null.
   *
   * @param version the text
   * @return the version, or empty
   * @throws NullPointerException if {@code version} is null
   */
  public static Optional<Version> tryParse(String version) {
    return tryParse(version, SemverOptions.DEFAULT);
  }

  /**
   * Parses a version, returning empty where node-semver's {@code parse} returns null.
   *
   * @param version the text
   * @param options the options; only {@code loose} matters
   * @return the version, or empty
   * @throws NullPointerException if an argument is null
   */
  public static Optional<Version> tryParse(String version, SemverOptions options) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(options, "options");
    Object r = parseOrReason(version, options.loose());
    return r instanceof Version ? Optional.of((Version) r) : Optional.empty();
  }

  /** Returns a Version or, when invalid, a String reason. Never throws. */
  static Object parseOrReason(String version, boolean loose) {
    if (version.length() > MAX_LENGTH) {
      return "version is longer than " + MAX_LENGTH + " characters";
    }
    String s = Js.trim(version);
    if (!loose) {
      return parseStrict(s);
    }
    String maj;
    String min;
    String pat;
    String preText;
    String buildText;
    {
      JsRegex.Match m;
      try {
        m = Patterns.LOOSE.find(s, 0);
      } catch (JsRegex.TooComplexException e) {
        return "version too complex to parse";
      }
      if (m == null) {
        return "invalid version";
      }
      maj = m.group(1);
      min = m.group(2);
      pat = m.group(3);
      preText = m.group(4);
      buildText = m.group(5);
    }
    if (Js.aboveMaxSafe(maj)) {
      return "invalid major version";
    }
    if (Js.aboveMaxSafe(min)) {
      return "invalid minor version";
    }
    if (Js.aboveMaxSafe(pat)) {
      return "invalid patch version";
    }
    String[] pre;
    long[] preNum;
    if (preText == null || preText.isEmpty()) {
      pre = NO_STRINGS;
      preNum = NO_LONGS;
    } else {
      List<String> ids = Js.split(preText, ".");
      pre = new String[ids.size()];
      preNum = new long[ids.size()];
      for (int i = 0; i < pre.length; i++) {
        String id = ids.get(i);
        if (allDigits(id)) {
          if (!Js.aboveMaxSafe(id) && Js.safeValue(id) < MAX_SAFE_INTEGER) {
            preNum[i] = Js.safeValue(id); // text produced on demand
          } else {
            preNum[i] = PRE_BIG;
            pre[i] = id;
          }
        } else {
          preNum[i] = PRE_STRING;
          pre[i] = id;
        }
      }
    }
    String[] build = buildText == null || buildText.isEmpty()
        ? NO_STRINGS : Js.split(buildText, ".").toArray(new String[0]);
    return new Version(Js.safeValue(maj), Js.safeValue(min), Js.safeValue(pat), pre, preNum, build);
  }

  /**
   * node-semver's strict FULL expression, matched by hand in one pass:
   * {@code ^v?(N)\.(N)\.(N)(?:-(P(?:\.P)*))?(?:\+(B(?:\.B)*))?$} where N is {@code 0|[1-9]\d*},
   * P a numeric identifier without leading zeros or an identifier with a non-digit, and B any
   * non-empty run of {@code [0-9A-Za-z-]}. Each piece's extent is forced by the character after it,
   * so no backtracking is needed.
   */
  private static Object parseStrict(String s) {
    final int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == 'v') {
      i++;
    }
    long maj = 0;
    long min = 0;
    long pat = 0;
    for (int k = 0; k < 3; k++) {
      if (i >= n) {
        return "invalid version";
      }
      char c = s.charAt(i);
      int st = i;
      if (c == '0') {
        i++;
      } else if (c >= '1' && c <= '9') {
        i++;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
      } else {
        return "invalid version";
      }
      if (k < 2) {
        if (i >= n || s.charAt(i) != '.') {
          return "invalid version";
        }
      }
      long v = digitsValue(s, st, i);
      if (k == 0) {
        maj = v;
      } else if (k == 1) {
        min = v;
      } else {
        pat = v;
      }
      if (k < 2) {
        i++;
      }
    }
    String[] pre = NO_STRINGS;
    long[] preNum = NO_LONGS;
    if (i < n && s.charAt(i) == '-') {
      int st = i + 1;
      int end = identifiers(s, st, true);
      if (end > st) {
        int count = 1;
        for (int j = st; j < end; j++) {
          if (s.charAt(j) == '.') {
            count++;
          }
        }
        pre = new String[count];
        preNum = new long[count];
        int from = st;
        for (int k = 0; k < count; k++) {
          int to = from;
          boolean digits = true;
          while (to < end && s.charAt(to) != '.') {
            if (!isDigit(s.charAt(to))) {
              digits = false;
            }
            to++;
          }
          long v = digits ? digitsValue(s, from, to) : -1;
          if (digits && v >= 0 && v < MAX_SAFE_INTEGER) {
            preNum[k] = v; // text produced on demand
          } else {
            preNum[k] = digits ? PRE_BIG : PRE_STRING;
            pre[k] = s.substring(from, to);
          }
          from = to + 1;
        }
        i = end;
      }
    }
    String[] build = NO_STRINGS;
    if (i < n && s.charAt(i) == '+') {
      int st = i + 1;
      int end = identifiers(s, st, false);
      if (end > st) {
        build = Js.split(s.substring(st, end), ".").toArray(NO_STRINGS);
        i = end;
      }
    }
    if (i != n) {
      return "invalid version";
    }
    if (maj < 0) {
      return "invalid major version";
    }
    if (min < 0) {
      return "invalid minor version";
    }
    if (pat < 0) {
      return "invalid patch version";
    }
    return new Version(maj, min, pat, pre, preNum, build);
  }

  /** The value of the digits in [from, to), or -1 above {@code Number.MAX_SAFE_INTEGER}. */
  private static long digitsValue(String s, int from, int to) {
    while (from < to - 1 && s.charAt(from) == '0') {
      from++;
    }
    if (to - from > 16) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v > MAX_SAFE_INTEGER ? -1 : v;
  }

  /** Dot-separated identifiers from st; returns the end of the last valid one, or st. */
  private static int identifiers(String s, int st, boolean prerelease) {
    int n = s.length();
    int end = st;
    int i = st;
    while (true) {
      int j = i;
      boolean digitsOnly = true;
      while (j < n && isIdentChar(s.charAt(j))) {
        if (!isDigit(s.charAt(j))) {
          digitsOnly = false;
        }
        j++;
      }
      if (j == i) {
        return end;
      }
      if (prerelease && digitsOnly && s.charAt(i) == '0' && j - i > 1) {
        return end;
      }
      end = j;
      if (j < n && s.charAt(j) == '.') {
        i = j + 1;
      } else {
        return end;
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  }

  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 120; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || (c >= 0x80 && Js.isWs(c))) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (s.length() > sb.length()) {
      sb.append("...");
    }
    return sb.toString();
  }

  /** @return the major version */
  public long major() {
    return major;
  }

  /** @return the minor version */
  public long minor() {
    return minor;
  }

  /** @return the patch version */
  public long patch() {
    return patch;
  }

  /**
   * Returns the prerelease identifiers as node-semver prints them (numeric ones without leading
   * zeros).
   *
   * @return the identifiers, empty for a release
   */
  public List<String> prerelease() {
    String[] out = new String[pre.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = pre[i] != null ? pre[i] : Long.toString(preNum[i]);
    }
    return List.of(out);
  }

  /**
   * Returns the build metadata identifiers.
   *
   * @return the identifiers, possibly empty
   */
  public List<String> build() {
    return List.of(build);
  }

  /** @return whether this version has prerelease identifiers */
  public boolean isPrerelease() {
    return pre.length > 0;
  }

  /**
   * Compares as node-semver's {@code compare}.
   *
   * @param other the other version
   * @return negative, zero or positive
   */
  @Override
  public int compareTo(Version other) {
    // node-semver first returns 0 for equal version strings; equal strings parse to equal fields,
    // for which the comparison below gives 0 as well, so the string test is not needed.
    int c = compareMain(other);
    return c != 0 ? c : comparePre(other);
  }

  int compareMain(Version o) {
    if (major != o.major) {
      return major < o.major ? -1 : 1;
    }
    if (minor != o.minor) {
      return minor < o.minor ? -1 : 1;
    }
    if (patch != o.patch) {
      return patch < o.patch ? -1 : 1;
    }
    return 0;
  }

  int comparePre(Version o) {
    int la = pre.length;
    int lb = o.pre.length;
    if (la > 0 && lb == 0) {
      return -1;
    }
    if (la == 0 && lb > 0) {
      return 1;
    }
    if (la == 0) {
      return 0;
    }
    for (int i = 0; ; i++) {
      if (i >= la && i >= lb) {
        return 0;
      }
      if (i >= lb) {
        return 1;
      }
      if (i >= la) {
        return -1;
      }
      long x = preNum[i];
      long y = o.preNum[i];
      if (x >= 0 && y >= 0) {
        if (x != y) {
          return x < y ? -1 : 1;
        }
        continue;
      }
      if (x < 0 && y < 0 && x == y && pre[i].equals(o.pre[i])) {
        continue;
      }
      return compareIdentifiers(x, pre[i], y, o.pre[i]);
    }
  }

  private static int compareIdentifiers(long x, String a, long y, String b) {
    boolean anum = x != PRE_STRING;
    boolean bnum = y != PRE_STRING;
    if (anum && bnum) {
      double da = x >= 0 ? (double) x : Double.parseDouble(a);
      double db = y >= 0 ? (double) y : Double.parseDouble(b);
      return da == db ? 0 : da < db ? -1 : 1;
    }
    if (anum) {
      return -1;
    }
    if (bnum) {
      return 1;
    }
    int c = a.compareTo(b);
    return c == 0 ? 0 : c < 0 ? -1 : 1;
  }

  /**
   * Returns node-semver's {@code version}: {@code major.minor.patch[-prerelease]}.
   *
   * @return the normalised text
   */
  @Override
  public String toString() {
    String v = version;
    if (v == null) {
      StringBuilder sb = new StringBuilder(16);
      sb.append(major).append('.').append(minor).append('.').append(patch);
      for (int i = 0; i < pre.length; i++) {
        sb.append(i == 0 ? '-' : '.');
        if (pre[i] == null) {
          sb.append(preNum[i]);
        } else {
          sb.append(pre[i]);
        }
      }
      v = sb.toString();
      version = v;
    }
    return v;
  }

  /**
   * Returns whether {@code o} is a version with the same {@link #toString()}.
   *
   * @param o the object
   * @return whether equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Version && ((Version) o).toString().equals(toString());
  }

  /** @return a hash of {@link #toString()} */
  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** minVersion's {@code >} step: bump patch or append a 0 prerelease id. */
  Version bumpForGreaterThan() {
    if (pre.length == 0) {
      return new Version(major, minor, patch + 1, pre, preNum, new String[0]);
    }
    String[] p = java.util.Arrays.copyOf(pre, pre.length + 1);
    long[] pn = java.util.Arrays.copyOf(preNum, preNum.length + 1);
    p[pre.length] = null;
    pn[pre.length] = 0;
    return new Version(major, minor, patch, p, pn, new String[0]);
  }

  /** Whether {@code new SemVer(this.version)} (strict) would succeed. */
  boolean reparsesStrictly() {
    for (int i = 0; i < pre.length; i++) {
      if (preNum[i] == PRE_BIG && pre[i].length() > 1 && pre[i].charAt(0) == '0') {
        return false;
      }
    }
    return true;
  }

  Version withoutBuild() {
    return build.length == 0 ? this : new Version(major, minor, patch, pre, preNum, new String[0]);
  }
}
