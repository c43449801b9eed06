package dev.tollgate.core.internal.semver;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaScript string and number behaviour that node-semver relies on: {@code trim}, {@code \s},
 * {@code split}, and {@code Number} arithmetic and printing.
 *
 * <p>Stateless and thread-safe.
 */
public final class Js {

  /** ECMAScript white space and line terminators, as matched by {@code \s} and {@code trim}. */
  public static final char[] WHITESPACE = {
    '\t', '\n', '\u000b', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002',
    '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028',
    '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'
  };

  private static final boolean[] ASCII_WS = new boolean[128];

  static {
    for (char c : WHITESPACE) {
      if (c < 128) {
        ASCII_WS[c] = true;
      }
    }
  }

  private Js() {}

  /**
   * Returns whether {@code c} is ECMAScript white space or a line terminator.
   *
   * @param c the code unit
   * @return whether it is white space
   */
  public static boolean isWs(char c) {
    if (c < 128) {
      return ASCII_WS[c];
    }
    switch (c) {
      case '\u00a0': case '\u1680': case '\u2000': case '\u2001': case '\u2002': case '\u2003':
      case '\u2004': case '\u2005': case '\u2006': case '\u2007': case '\u2008': case '\u2009':
      case '\u200a': case '\u2028': case '\u2029': case '\u202f': case '\u205f': case '\u3000':
      case '\ufeff':
        return true;
      default:
        return false;
    }
  }

  /**
   * {@code String.prototype.trim}.
   *
   * @param s the string
   * @return the trimmed string
   */
  public static String trim(String s) {
    int st = 0;
    int en = s.length();
    while (st < en && isWs(s.charAt(st))) {
      st++;
    }
    while (en > st && isWs(s.charAt(en - 1))) {
      en--;
    }
    return st == 0 && en == s.length() ? s : s.substring(st, en);
  }

  /**
   * {@code s.replace(/\s+/g, ' ')}.
   *
   * @param s the string
   * @return the string with each white-space run replaced by one space
   */
  public static String collapseWs(String s) {
    StringBuilder sb = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isWs(c)) {
        int j = i + 1;
        while (j < n && isWs(s.charAt(j))) {
          j++;
        }
        if (sb == null) {
          if (c == ' ' && j == i + 1) {
            continue;
          }
          sb = new StringBuilder(n);
          sb.append(s, 0, i);
        }
        sb.append(' ');
        i = j - 1;
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * {@code s.split(/\s+/)}.
   *
   * @param s the string
   * @return the pieces, with empty first or last pieces when {@code s} starts or ends with space
   */
  public static List<String> splitWs(String s) {
    List<String> out = new ArrayList<>();
    int n = s.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      if (isWs(s.charAt(i))) {
        out.add(s.substring(start, i));
        while (i < n && isWs(s.charAt(i))) {
          i++;
        }
        start = i;
      } else {
        i++;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /**
   * {@code s.split(sep)} with a literal, non-empty separator.
   *
   * @param s the string
   * @param sep the separator
   * @return the pieces
   */
  public static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (true) {
      int i = s.indexOf(sep, start);
      if (i < 0) {
        out.add(s.substring(start));
        return out;
      }
      out.add(s.substring(start, i));
      start = i + sep.length();
    }
  }

  /**
   * {@code String(+digits + 1)} for a string of ASCII digits.
   *
   * @param digits the digits
   * @return the JavaScript rendering of the number plus one
   */
  public static String plusOne(String digits) {
    if (digits.length() <= 15) {
      return Long.toString(Long.parseLong(digits) + 1);
    }
    double d = Double.parseDouble(digits) + 1;
    return numberToString(d);
  }

  /**
   * {@code Number.prototype.toString()} for a finite, non-negative integral double.
   *
   * @param d the number
   * @return its JavaScript rendering
   */
  public static String numberToString(double d) {
    if (d == 0) {
      return "0";
    }
    if (Double.isInfinite(d)) {
      return "Infinity";
    }
    if (d < 9007199254740992.0 && d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        shortest = r;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = 0.digits * 10^n
    if (k <= n && n <= 21) {
      StringBuilder sb = new StringBuilder(digits);
      for (int i = 0; i < n - k; i++) {
        sb.append('0');
      }
      return sb.toString();
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    int e = n - 1;
    String exp = (e >= 0 ? "+" : "-") + Math.abs(e);
    if (k == 1) {
      return digits + "e" + exp;
    }
    return digits.charAt(0) + "." + digits.substring(1) + "e" + exp;
  }

  /**
   * {@code +digits > Number.MAX_SAFE_INTEGER} for a string of ASCII digits.
   *
   * @param digits the digits
   * @return whether the value exceeds 2^53 - 1
   */
  public static boolean aboveMaxSafe(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    int len = digits.length() - i;
    if (len < 16) {
      return false;
    }
    if (len > 16) {
      return true;
    }
    return Long.parseLong(digits.substring(i)) > 9007199254740991L;
  }

  /**
   * {@code +digits} for a string of ASCII digits whose value is at most 2^53 - 1.
   *
   * @param digits the digits
   * @return the value
   */
  public static long safeValue(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return Long.parseLong(digits.substring(i));
  }
}
