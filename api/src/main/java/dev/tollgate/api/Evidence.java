package dev.tollgate.api;

import java.util.Objects;

/**
 * Where a finding was seen: a file, a line, and an excerpt with secrets already redacted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file (a lockfile, a path inside a tarball), or empty
 * @param line the 1-based line, or 0 when not known
 * @param excerpt a short excerpt, redacted; or empty
 * @since 0.1
 */
public record Evidence(String file, int line, String excerpt) {
  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code line} is negative
   */
  public Evidence {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(excerpt, "excerpt");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, was " + line);
    }
  }
}
