package dev.tollgate.api.spi;

/**
 * What every ServiceLoader provider of Tollgate has: an id, a priority, the SPI version it was
 * compiled against, and a factory method. Implementations have a public no-arg constructor and do no
 * work in it.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 *
 * @param <T> the service created
 * @since 0.1
 */
public interface ProviderFactory<T> {

  /**
   * Returns the provider's unique kebab-case id; the {@code builtin-} prefix is Tollgate's own.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the priority: higher goes first (and wins where one provider is chosen).
   *
   * @return the priority, 0 by default
   */
  default int priority() {
    return 0;
  }

  /**
   * Returns the SPI version the provider was compiled against: implement as
   * {@code return Spi.VERSION;}.
   *
   * @return the SPI version
   */
  int spiVersion();

  /**
   * Creates the service.
   *
   * @param context configuration, limits, clock and offline flag
   * @return the service
   * @throws dev.tollgate.api.ConfigurationException if the configuration is invalid
   * @throws dev.tollgate.api.ProviderException if the service cannot be created
   */
  T create(ProviderContext context);
}
