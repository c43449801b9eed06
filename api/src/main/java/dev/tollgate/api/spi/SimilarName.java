package dev.tollgate.api.spi;

import java.util.Objects;

/**
 * A popular name that a checked name resembles, with the evidence.
 *
 * <p>Immutable and thread-safe.
 *
 * @param candidate the checked name
 * @param target the popular name it resembles
 * @param mutation the kind of mutation, for example {@code transposition} or {@code homoglyph}
 * @param explanation a sentence a person understands, for example "swaps 'e' and 'r'"
 * @param distance the edit distance
 * @param candidateDownloads the candidate's monthly downloads, or -1 when unknown
 * @param targetDownloads the target's monthly downloads
 * @param score how likely a squat, 0.0 to 1.0
 * @since 0.1
 */
public record SimilarName(String candidate, String target, String mutation, String explanation,
    int distance, long candidateDownloads, long targetDownloads, double score) {
  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the score is outside 0..1
   */
  public SimilarName {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mutation, "mutation");
    Objects.requireNonNull(explanation, "explanation");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1], was " + score);
    }
  }
}
