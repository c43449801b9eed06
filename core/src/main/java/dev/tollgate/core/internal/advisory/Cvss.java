package dev.tollgate.core.internal.advisory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * CVSS v3.0 and v3.1 base scores from vector strings, per the CVSS v3.1 specification (section 7.1
 * formulas, Appendix A {@code Roundup}). v3.0 vectors use the same formulas; the v3.1 roundup gives
 * the v3.0 results without floating-point artefacts. Temporal and environmental metrics in the
 * vector are accepted and ignored (a base score is wanted).
 *
 * <p>Stateless and thread-safe.
 */
public final class Cvss {

  private Cvss() {
  }

  /**
   * Computes the base score of a CVSS v3.x vector such as
   * {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}.
   *
   * @param vector the vector
   * @return the base score 0.0 to 10.0, or empty when the vector is not a valid v3.x vector (each
   *     of the eight base metrics exactly once, with a valid value)
   * @throws NullPointerException if {@code vector} is null
   */
  public static OptionalDouble baseScoreV3(String vector) {
    Objects.requireNonNull(vector, "vector");
    String v = vector.strip();
    if (!(v.startsWith("CVSS:3.1/") || v.startsWith("CVSS:3.0/")) || v.length() > 200) {
      return OptionalDouble.empty();
    }
    Map<String, String> m = new HashMap<>();
    for (String part : v.substring(9).split("/", -1)) {
      int c = part.indexOf(':');
      if (c <= 0 || c == part.length() - 1) {
        return OptionalDouble.empty();
      }
      if (m.put(part.substring(0, c), part.substring(c + 1)) != null) {
        return OptionalDouble.empty();
      }
    }
    String s = m.get("S");
    boolean changed;
    if ("U".equals(s)) {
      changed = false;
    } else if ("C".equals(s)) {
      changed = true;
    } else {
      return OptionalDouble.empty();
    }
    double av = pick(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
    double ac = pick(m.get("AC"), "L", 0.77, "H", 0.44);
    double pr = changed
        ? pick(m.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
        : pick(m.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
    double ui = pick(m.get("UI"), "N", 0.85, "R", 0.62);
    double c = pick(m.get("C"), "H", 0.56, "L", 0.22, "N", 0.0);
    double i = pick(m.get("I"), "H", 0.56, "L", 0.22, "N", 0.0);
    double a = pick(m.get("A"), "H", 0.56, "L", 0.22, "N", 0.0);
    if (av < 0 || ac < 0 || pr < 0 || ui < 0 || c < 0 || i < 0 || a < 0) {
      return OptionalDouble.empty();
    }
    double iss = 1 - (1 - c) * (1 - i) * (1 - a);
    double impact = changed
        ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15)
        : 6.42 * iss;
    double exploitability = 8.22 * av * ac * pr * ui;
    if (impact <= 0) {
      return OptionalDouble.of(0.0);
    }
    double base = changed
        ? roundup(Math.min(1.08 * (impact + exploitability), 10))
        : roundup(Math.min(impact + exploitability, 10));
    return OptionalDouble.of(base);
  }

  /** CVSS v3.1 Appendix A: the smallest number with one decimal that is &gt;= the input. */
  static double roundup(double input) {
    long intInput = Math.round(input * 100000);
    if (intInput % 10000 == 0) {
      return intInput / 100000.0;
    }
    return (Math.floor(intInput / 10000.0) + 1) / 10.0;
  }

  /** Returns the weight for the value, or -1 when it is missing or not listed. */
  private static double pick(String value, Object... pairs) {
    if (value == null) {
      return -1;
    }
    for (int k = 0; k < pairs.length; k += 2) {
      if (pairs[k].equals(value)) {
        return (Double) pairs[k + 1];
      }
    }
    return -1;
  }
}
