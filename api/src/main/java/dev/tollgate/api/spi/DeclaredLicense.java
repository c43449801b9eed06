package dev.tollgate.api.spi;

import java.util.Objects;

/**
 * A declared license as a {@link LicenseDetector} understood it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param raw the value as written
 * @param expression the normalised SPDX expression, {@code UNLICENSED}, {@code NOASSERTION} when it
 *     could not be understood, or {@code SEE-LICENSE-IN} followed by a file name
 * @param confidence how sure the interpretation is, 0.0 to 1.0 (1.0 for a valid SPDX expression)
 * @param note what was corrected or why it is uncertain, or empty
 * @since 0.1
 */
public record DeclaredLicense(String raw, String expression, double confidence, String note) {
  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the confidence is outside 0..1
   */
  public DeclaredLicense {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(note, "note");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
    }
  }
}
