package dev.tollgate.core;

import java.util.Objects;

/**
 * One file {@code npm pack} would publish.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the path below the package folder, {@code /}-separated, for example {@code lib/a.js}
 * @param size the size in bytes
 * @since 0.1
 */
public record PackedFile(String path, long size) {
  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if {@code path} is null
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public PackedFile {
    Objects.requireNonNull(path, "path");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }
}
