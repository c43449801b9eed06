package dev.tollgate.spi.licenses;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.spi.LicenseDetector;
import dev.tollgate.api.spi.LicenseDetectorProvider;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.Spi;

/**
 * The built-in license detector provider, id {@code builtin-licenses}: bundled SPDX license list,
 * SPDX expression interpretation and license text matching. Discovered through
 * {@link java.util.ServiceLoader}. Configuration keys:
 * {@code licenses.matchTexts} ({@code true}/{@code false}, default {@code true}) switches the full
 * text matching off (tags and notices are still found).
 *
 * <p>Stateless and thread-safe; the detectors it creates are thread-safe too.
 *
 * @since 0.1
 */
public final class BuiltinLicensesProvider implements LicenseDetectorProvider {
  /** The provider id. */
  public static final String ID = "builtin-licenses";
  /** Configuration key switching the full text matching on or off. */
  public static final String MATCH_TEXTS = "licenses.matchTexts";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public BuiltinLicensesProvider() {
  }

  /**
   * Returns {@value #ID}.
   *
   * @return the id
   */
  @Override
  public String id() {
    return ID;
  }

  /**
   * Returns {@link Spi#VERSION}.
   *
   * @return the SPI version this provider was built against
   */
  @Override
  public int spiVersion() {
    return Spi.VERSION;
  }

  /**
   * Creates a detector. The SPDX data and the text index are loaded lazily on first use.
   *
   * @param context the configuration and limits
   * @return a thread-safe detector
   * @throws ConfigurationException if {@value #MATCH_TEXTS} is not {@code true} or {@code false}
   */
  @Override
  public LicenseDetector create(ProviderContext context) {
    String v = context.get(MATCH_TEXTS, "true").strip();
    if (!v.equals("true") && !v.equals("false")) {
      throw new ConfigurationException("configuration " + MATCH_TEXTS + " must be true or false, "
          + "was " + dev.tollgate.api.SupplyChainException.quote(v)
          + "; see docs/errors.md#configuration");
    }
    return new BuiltinLicenseDetector(context.limits(), v.equals("true"));
  }
}
