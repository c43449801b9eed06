package dev.tollgate.spi.advisories;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.AdvisorySourceProvider;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.Spi;
import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Provider {@code builtin-npm-audit}: the npm registry's bulk advisory endpoint.
 *
 * <p>Configuration (all optional): {@code advisories.npm.registry} (the registry base URL; the
 * public registry by default), {@code advisories.npm.tokenEnv} (the name of an environment variable
 * holding a bearer token), {@code advisories.npm.npmrc} (an {@code .npmrc} whose
 * {@code //host/:_authToken} entry for the registry is used when no token variable is set),
 * {@code advisories.npm.batchSize}, and the HTTP settings {@code connectTimeout}, {@code timeout},
 * {@code maxAttempts}, {@code backoff}, {@code maxRetryWait}, {@code maxResponseBytes} under
 * {@code advisories.npm.}. In offline mode the source refuses every lookup with a
 * {@link dev.tollgate.api.ProviderException}.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 */
public final class NpmAuditProvider implements AdvisorySourceProvider {
  static final String ID = "builtin-npm-audit";
  static final String PREFIX = "advisories.npm";
  static final String KEY_REGISTRY = PREFIX + ".registry";
  static final String KEY_TOKEN_ENV = PREFIX + ".tokenEnv";
  static final String KEY_NPMRC = PREFIX + ".npmrc";
  static final String KEY_BATCH_SIZE = PREFIX + ".batchSize";
  /** The public npm registry: the only place its address is written. */
  static final String DEFAULT_REGISTRY = "https://registry.npmjs.org/";

  private final Function<String, String> env;
  private final Http.Sleeper sleeper;

  /** Creates the provider; does no work. */
  public NpmAuditProvider() {
    this(System::getenv, d -> Thread.sleep(d.toMillis()));
  }

  NpmAuditProvider(Function<String, String> env, Http.Sleeper sleeper) {
    this.env = env;
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
   * Creates the source; reads the token variable or {@code .npmrc} now, contacts nothing.
   *
   * @throws ConfigurationException if a setting is invalid, the token variable is not set, or the
   *     {@code .npmrc} cannot be read
   */
  @Override
  public AdvisorySource create(ProviderContext context) {
    URI registry = Http.baseUrl(KEY_REGISTRY, context.get(KEY_REGISTRY, DEFAULT_REGISTRY));
    Credentials credentials = credentials(context, registry);
    Http.Settings settings = Http.Settings.from(context, PREFIX);
    long batch = Config.positiveLong(context, KEY_BATCH_SIZE, 1000);
    return new NpmAuditSource(registry, new Http(ID, settings, credentials, sleeper), credentials,
        (int) Math.min(batch, 100_000), settings.maxResponseBytes(), context);
  }

  private Credentials credentials(ProviderContext context, URI registry) {
    String tokenEnv = context.get(KEY_TOKEN_ENV).orElse(null);
    if (tokenEnv != null) {
      String token = env.apply(tokenEnv);
      if (token == null || token.isBlank()) {
        throw new ConfigurationException("environment variable "
            + SupplyChainException.quote(tokenEnv) + " named by " + KEY_TOKEN_ENV
            + " is not set; set it or remove " + KEY_TOKEN_ENV + "; " + Config.ANCHOR);
      }
      return Credentials.bearer(token.strip());
    }
    String npmrc = context.get(KEY_NPMRC).orElse(null);
    if (npmrc == null) {
      return Credentials.none();
    }
    try {
      return Npmrc.read(Path.of(npmrc), env).credentialsFor(registry);
    } catch (IOException | InvalidPathException e) {
      throw new ConfigurationException("cannot read the .npmrc named by " + KEY_NPMRC + ": "
          + SupplyChainException.quote(npmrc) + " (" + e.getClass().getSimpleName()
          + "); fix the path; " + Npmrc.ANCHOR, e);
    }
  }
}
