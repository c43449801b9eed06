package dev.tollgate.api.spi;

/**
 * What a {@link SimilarityChecker} concludes about one package name.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum NameVerdict {
  /** No popular name is imitated, or only by a package of comparable popularity. */
  OK,
  /** Resembles a popular name; worth a look before installing. */
  SUSPICIOUS,
  /** Very likely imitates a popular name (a typosquat). */
  LIKELY_SQUAT;

  /** The default lowest score of {@link #SUSPICIOUS}. */
  public static final double DEFAULT_SUSPICIOUS = 0.35;
  /** The default lowest score of {@link #LIKELY_SQUAT}. */
  public static final double DEFAULT_LIKELY_SQUAT = 0.6;

  /**
   * Returns the verdict of a score with the default thresholds.
   *
   * @param score the score, 0.0 to 1.0
   * @return the verdict
   */
  public static NameVerdict ofScore(double score) {
    return score >= DEFAULT_LIKELY_SQUAT ? LIKELY_SQUAT
        : score >= DEFAULT_SUSPICIOUS ? SUSPICIOUS : OK;
  }
}
