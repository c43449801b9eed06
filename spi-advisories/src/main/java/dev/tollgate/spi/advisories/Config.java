package dev.tollgate.spi.advisories;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.ProviderContext;
import java.util.Locale;

/**
 * Reads typed provider configuration values, failing with {@link ConfigurationException}.
 *
 * <p>Immutable and thread-safe.
 */
final class Config {
  static final String ANCHOR = "see docs/errors.md#configuration";

  private Config() {
  }

  /** Reads a positive long, or the default when absent. */
  static long positiveLong(ProviderContext ctx, String key, long defaultValue) {
    String v = ctx.get(key).orElse(null);
    if (v == null) {
      return defaultValue;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException("configuration " + key + " is not a positive integer: "
        + SupplyChainException.quote(v) + "; " + ANCHOR);
  }

  /** Reads a non-negative int, or the default when absent. */
  static int nonNegativeInt(ProviderContext ctx, String key, int defaultValue) {
    String v = ctx.get(key).orElse(null);
    if (v == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException("configuration " + key + " is not a non-negative integer: "
        + SupplyChainException.quote(v) + "; " + ANCHOR);
  }

  /** Reads one of the enum's constants, case-insensitively. */
  static <E extends Enum<E>> E choice(ProviderContext ctx, String key, Class<E> type,
      E defaultValue) {
    String v = ctx.get(key).orElse(null);
    if (v == null) {
      return defaultValue;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.strip())) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : " or ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new ConfigurationException("configuration " + key + " has an unknown value: "
        + SupplyChainException.quote(v) + "; expected " + allowed + "; " + ANCHOR);
  }
}
