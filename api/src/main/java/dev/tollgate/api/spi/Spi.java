package dev.tollgate.api.spi;

/**
 * The SPI version. A provider returns {@link #VERSION} from its {@code spiVersion()}; the compiler
 * inlines the constant, so the value records the version the provider was compiled against, and core
 * rejects a provider of another major version.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Spi {

  /** The major version of this SPI. */
  public static final int VERSION = 1;

  private Spi() {
  }
}
