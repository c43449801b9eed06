package dev.tollgate.api.spi;

/**
 * ServiceLoader factory of a {@link LicenseDetector}. Where several are found, the highest
 * priority wins.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 *
 * @since 0.1
 */
public interface LicenseDetectorProvider extends ProviderFactory<LicenseDetector> {
}
