package dev.tollgate.cli;

import java.util.Objects;

/**
 * Thrown by a {@link Command} when its arguments are wrong. {@link Main} prints the message and the
 * command's synopsis on one line to stderr and exits with {@link Command#BAD_INPUT}.
 *
 * <p>Immutable and thread-safe.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String synopsis;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, for example {@code unknown option "--foo"}
   * @param synopsis the command's one-line synopsis, for example {@code tollgate graph PATH [...]}
   */
  UsageException(String message, String synopsis) {
    super(Objects.requireNonNull(message, "message"));
    this.synopsis = Objects.requireNonNull(synopsis, "synopsis");
  }

  /**
   * Returns the command's synopsis.
   *
   * @return the synopsis
   */
  String synopsis() {
    return synopsis;
  }
}
