package dev.tollgate.api;

import java.util.Locale;
import java.util.Optional;

/**
 * How bad a finding is, in npm audit's scale (with {@code INFO} and {@code NONE} below it). Ordered
 * from least to most severe, so {@code compareTo} ranks severities.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum Severity {
  /** Nothing to report; a placeholder for records without a rating. */
  NONE,
  /** Informational. */
  INFO,
  /** Low. */
  LOW,
  /** Moderate (CVSS medium). */
  MODERATE,
  /** High. */
  HIGH,
  /** Critical. */
  CRITICAL;

  /**
   * Parses a severity name, case-insensitively; {@code medium} is {@link #MODERATE}.
   *
   * @param text the name
   * @return the severity, or empty when unknown
   */
  public static Optional<Severity> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toUpperCase(Locale.ROOT);
    if (t.equals("MEDIUM")) {
      return Optional.of(MODERATE);
    }
    for (Severity s : values()) {
      if (s.name().equals(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the lower-case name used in JSON output.
   *
   * @return for example {@code moderate}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Maps a CVSS base score to a severity (0 none, &lt;4 low, &lt;7 moderate, &lt;9 high, else
   * critical).
   *
   * @param score the base score, 0.0 to 10.0
   * @return the severity
   * @throws IllegalArgumentException if the score is out of range
   */
  public static Severity fromCvss(double score) {
    if (!(score >= 0.0 && score <= 10.0)) {
      throw new IllegalArgumentException("CVSS score out of range: " + score);
    }
    if (score == 0.0) {
      return NONE;
    }
    if (score < 4.0) {
      return LOW;
    }
    if (score < 7.0) {
      return MODERATE;
    }
    return score < 9.0 ? HIGH : CRITICAL;
  }
}
