package dev.tollgate.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * A verdict on one package name with its score and the popular names it resembles.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the checked name
 * @param verdict the verdict
 * @param score the highest score among {@code similar}, or 0.0 when none
 * @param similar the popular names it resembles, best first; empty when none
 * @since 0.1
 */
public record NameAssessment(String name, NameVerdict verdict, double score,
    List<SimilarName> similar) {

  /**
   * Checks and copies the arguments.
   *
   * @param name see the record component
   * @param verdict see the record component
   * @param score see the record component
   * @param similar see the record component
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the score is outside 0..1
   */
  public NameAssessment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(verdict, "verdict");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1], was " + score);
    }
    similar = List.copyOf(similar);
  }
}
