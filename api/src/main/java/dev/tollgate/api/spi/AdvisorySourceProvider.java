package dev.tollgate.api.spi;

/**
 * ServiceLoader factory of an {@link AdvisorySource}. All sources found are used and their
 * advisories merged (de-duplicated by id and alias).
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 *
 * @since 0.1
 */
public interface AdvisorySourceProvider extends ProviderFactory<AdvisorySource> {
}
