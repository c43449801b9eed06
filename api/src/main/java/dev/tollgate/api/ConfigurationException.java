package dev.tollgate.api;

/**
 * Thrown when configuration (a builder's settings, a policy file, provider configuration) is invalid.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ConfigurationException extends SupplyChainException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong and what to do
   * @throws NullPointerException if {@code message} is null
   */
  public ConfigurationException(String message) {
    super(java.util.Objects.requireNonNull(message, "message"), null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what is wrong and what to do
   * @param cause the cause
   */
  public ConfigurationException(String message, Throwable cause) {
    super(java.util.Objects.requireNonNull(message, "message"), cause);
  }
}
