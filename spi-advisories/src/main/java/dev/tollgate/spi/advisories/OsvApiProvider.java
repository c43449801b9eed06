package dev.tollgate.spi.advisories;

import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.AdvisorySourceProvider;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.Spi;
import java.net.URI;

/**
 * Provider {@code builtin-osv-api}: the OSV API's batch query, then each vulnerability by id.
 *
 * <p>Configuration (all optional): {@code advisories.osvapi.url} (the API base URL; the public OSV
 * API by default), {@code advisories.osvapi.concurrency} (parallel record fetches, default 4), and
 * the HTTP settings {@code connectTimeout}, {@code timeout},
 * {@code maxAttempts}, {@code backoff}, {@code maxRetryWait}, {@code maxResponseBytes} under
 * {@code advisories.osvapi.}. In offline mode the source refuses every lookup with a
 * {@link dev.tollgate.api.ProviderException}.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 */
public final class OsvApiProvider implements AdvisorySourceProvider {
  static final String ID = "builtin-osv-api";
  static final String PREFIX = "advisories.osvapi";
  static final String KEY_URL = PREFIX + ".url";
  static final String KEY_CONCURRENCY = PREFIX + ".concurrency";
  /** The public OSV API: the only place its address is written. */
  static final String DEFAULT_URL = "https://api.osv.dev/";

  private final Http.Sleeper sleeper;

  /** Creates the provider; does no work. */
  public OsvApiProvider() {
    this(d -> Thread.sleep(d.toMillis()));
  }

  OsvApiProvider(Http.Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int spiVersion() {
    return Spi.VERSION;
  }

  /**
   * Creates the source; contacts nothing.
   *
   * @throws dev.tollgate.api.ConfigurationException if a setting is invalid
   */
  @Override
  public AdvisorySource create(ProviderContext context) {
    URI base = Http.baseUrl(KEY_URL, context.get(KEY_URL, DEFAULT_URL));
    Http.Settings settings = Http.Settings.from(context, PREFIX);
    long concurrency = Math.min(Config.positiveLong(context, KEY_CONCURRENCY, 4), 64);
    return new OsvApiSource(base, new Http(ID, settings, Credentials.none(), sleeper),
        settings.maxResponseBytes(), (int) concurrency, context);
  }
}
