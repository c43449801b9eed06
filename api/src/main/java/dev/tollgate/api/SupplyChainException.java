package dev.tollgate.api;

/**
 * Root of Tollgate's unchecked exceptions: problems with content, limits, configuration or providers.
 * File and network I/O failures are reported as {@link java.io.IOException} instead.
 *
 * <p>Messages follow one order: what failed, the offending value (quoted, escaped, at most 120
 * characters), the limit or expected form, what to do, and a {@code see docs/errors.md#<anchor>}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public abstract sealed class SupplyChainException extends RuntimeException
    permits InvalidInputException, LimitExceededException, ProviderException, ConfigurationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message the full message
   * @param cause the cause, or {@code null}
   */
  protected SupplyChainException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Quotes an untrusted value for a message: control characters escaped, at most 120 characters.
   *
   * @param value the value, may be {@code null}
   * @return the value in double quotes, escaped and truncated with an ellipsis
   */
  public static String quote(CharSequence value) {
    if (value == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(Math.min(value.length(), 120) + 8).append('"');
    int shown = 0;
    for (int i = 0; i < value.length(); i++) {
      if (shown >= 120) {
        sb.append("...");
        break;
      }
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
      shown++;
    }
    return sb.append('"').toString();
  }
}
