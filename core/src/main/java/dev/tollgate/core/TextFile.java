package dev.tollgate.core;

import java.util.Objects;

/**
 * A text file of a package: its path below the package root and its text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the path below the package root, for example {@code LICENSE}
 * @param text the text, decoded as UTF-8
 * @since 0.1
 */
public record TextFile(String path, String text) {
  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public TextFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }
}
