package dev.tollgate.api.spi;

import java.util.Objects;

/**
 * A license found in a file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param expression the SPDX id or expression found
 * @param kind how it was found
 * @param score the match score, 0.0 to 1.0
 * @param start the match's first character in the text
 * @param end one past the match's last character
 * @since 0.1
 */
public record LicenseMatch(String expression, Kind kind, double score, int start, int end) {

  /**
   * How a license was found.
   *
   * @since 0.1
   */
  public enum Kind {
    /** A full license text. */
    TEXT,
    /** An {@code SPDX-License-Identifier:} tag. */
    SPDX_TAG,
    /** A short notice such as "Licensed under the MIT license" or {@code @license}. */
    NOTICE
  }

  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the score or span is invalid
   */
  public LicenseMatch {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(kind, "kind");
    if (!(score >= 0.0 && score <= 1.0) || start < 0 || end < start) {
      throw new IllegalArgumentException("bad score or span: " + score + " " + start + ".." + end);
    }
  }
}
