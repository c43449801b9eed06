package dev.tollgate.api;

/**
 * Thrown when input (a lockfile, a manifest, a tarball, a version range, an advisory record) is
 * malformed. The message starts with {@code source:line:column:} when a position is known.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class InvalidInputException extends SupplyChainException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final long column;
  private final String reason;

  /**
   * Creates an exception at a position.
   *
   * @param source the file name or other source description, for example {@code package-lock.json}
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param reason what is wrong, without the position
   * @param cause the cause, or {@code null}
   * @throws NullPointerException if {@code source} or {@code reason} is null
   * @throws IllegalArgumentException if {@code line} or {@code column} is negative
   */
  public InvalidInputException(String source, long line, long column, String reason, Throwable cause) {
    super(format(source, line, column, reason), cause);
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
    }
    this.source = source;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /**
   * Creates an exception without a cause.
   *
   * @param source the file name or other source description
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param reason what is wrong, without the position
   * @throws NullPointerException if {@code source} or {@code reason} is null
   */
  public InvalidInputException(String source, long line, long column, String reason) {
    this(source, line, column, reason, null);
  }

  private static String format(String source, long line, long column, String reason) {
    java.util.Objects.requireNonNull(source, "source");
    java.util.Objects.requireNonNull(reason, "reason");
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(reason).toString();
  }

  /**
   * Returns the source, such as a file name.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line, or 0 when unknown.
   *
   * @return the line
   */
  public long line() {
    return line;
  }

  /**
   * Returns the 1-based column, or 0 when unknown.
   *
   * @return the column
   */
  public long column() {
    return column;
  }

  /**
   * Returns what is wrong, without the position prefix.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
