package dev.tollgate.api;

import java.util.Objects;

/**
 * Thrown when a provider fails, is incompatible (another SPI major version) or returns invalid data.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ProviderException extends SupplyChainException {

  private static final long serialVersionUID = 1L;

  private final String providerId;

  /**
   * Creates an exception.
   *
   * @param providerId the failing provider's id
   * @param message what failed
   * @param cause the cause, or {@code null}
   * @throws NullPointerException if {@code providerId} or {@code message} is null
   */
  public ProviderException(String providerId, String message, Throwable cause) {
    super("provider " + Objects.requireNonNull(providerId, "providerId") + ": "
        + Objects.requireNonNull(message, "message"), cause);
    this.providerId = providerId;
  }

  /**
   * Returns the failing provider's id.
   *
   * @return the provider id
   */
  public String providerId() {
    return providerId;
  }
}
