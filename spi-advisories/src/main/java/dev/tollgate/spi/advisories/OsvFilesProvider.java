package dev.tollgate.spi.advisories;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.ProviderException;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.AdvisorySourceProvider;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.Spi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider {@code builtin-osv-files}: advisories from OSV JSON records in a directory tree, a zip
 * (such as an OSV per-ecosystem export or the malicious-packages tree) or one {@code .json} file.
 *
 * <p>Configuration: {@code advisories.osv.path} (required), {@code advisories.osv.maxRecordBytes}
 * (default 4 MiB, never above {@code Limits.maxDocumentBytes}), {@code advisories.osv.onInvalid}
 * ({@code fail}, the default, or {@code skip}), {@code advisories.osv.cache} (a binary index file
 * written after a JSON load and read instead of the JSON while the source is unchanged). The data
 * is loaded in {@link #create}, so problems
 * surface when the engine is built.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 */
public final class OsvFilesProvider implements AdvisorySourceProvider {
  static final String ID = "builtin-osv-files";
  static final String KEY_PATH = "advisories.osv.path";
  static final String KEY_MAX_RECORD_BYTES = "advisories.osv.maxRecordBytes";
  static final String KEY_ON_INVALID = "advisories.osv.onInvalid";
  static final String KEY_CACHE = "advisories.osv.cache";
  static final long DEFAULT_MAX_RECORD_BYTES = 4L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(OsvFilesProvider.class);

  /** Creates the provider; does no work. */
  public OsvFilesProvider() {
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
   * Loads the configured OSV data.
   *
   * @throws ConfigurationException if {@code advisories.osv.path} is missing or invalid
   * @throws ProviderException if the data cannot be read
   * @throws dev.tollgate.api.InvalidInputException if a record is malformed (in {@code fail} mode)
   * @throws dev.tollgate.api.LimitExceededException if a record or the record count is over a limit
   */
  @Override
  public AdvisorySource create(ProviderContext context) {
    String configured = context.get(KEY_PATH).orElseThrow(() -> new ConfigurationException(
        "provider " + ID + " needs " + KEY_PATH + " (a directory, zip or .json file of OSV"
            + " records); set it, or leave the provider out of discovery; "
            + "see docs/errors.md#advisories-osv-path"));
    Path path;
    try {
      path = Path.of(configured);
    } catch (InvalidPathException e) {
      throw new ConfigurationException("configuration " + KEY_PATH + " is not a path: "
          + SupplyChainException.quote(configured) + "; see docs/errors.md#advisories-osv-path", e);
    }
    long maxRecordBytes = Math.min(Config.positiveLong(context, KEY_MAX_RECORD_BYTES,
        DEFAULT_MAX_RECORD_BYTES), context.limits().maxDocumentBytes());
    OsvFileLoader.OnInvalid onInvalid = Config.choice(context, KEY_ON_INVALID,
        OsvFileLoader.OnInvalid.class, OsvFileLoader.OnInvalid.FAIL);
    Path cache = null;
    String configuredCache = context.get(KEY_CACHE).orElse(null);
    if (configuredCache != null) {
      try {
        cache = Path.of(configuredCache);
      } catch (InvalidPathException e) {
        throw new ConfigurationException("configuration " + KEY_CACHE + " is not a path: "
            + SupplyChainException.quote(configuredCache) + "; " + Config.ANCHOR, e);
      }
    }
    var l = context.limits();
    String settings = onInvalid + "|" + maxRecordBytes + "|" + l.maxJsonDepth() + "|"
        + l.maxStringLength() + "|" + l.maxEntries();
    return load(path, new OsvFileLoader(l, maxRecordBytes, onInvalid), cache, settings,
        l.maxDocumentBytes());
  }

  static OsvFilesSource load(Path path, OsvFileLoader loader) {
    return load(path, loader, null, "", Long.MAX_VALUE);
  }

  /**
   * Loads the data, through the binary index cache when one is configured: a valid cache of the
   * same source and settings is read instead of the JSON; otherwise the JSON is loaded and the
   * cache rewritten. A cache that cannot be read or written is logged at WARN and bypassed.
   */
  static OsvFilesSource load(Path path, OsvFileLoader loader, Path cache, String settings,
      long maxCacheBytes) {
    long t0 = System.nanoTime();
    OsvFileLoader.Result result = null;
    boolean fromCache = false;
    try {
      String fingerprint = cache == null ? null : IndexCache.fingerprint(path, settings);
      if (cache != null && Files.isRegularFile(cache)) {
        try {
          result = IndexCache.read(cache, fingerprint, maxCacheBytes);
          fromCache = true;
        } catch (IndexCache.Unusable e) {
          LOG.info("OSV index cache {} not used ({}); reloading {}",
              OsvFileLoader.printable(cache.toString()), e.getMessage(),
              OsvFileLoader.printable(path.toString()));
        } catch (IOException e) {
          LOG.warn("OSV index cache {} unreadable ({}); reloading {}",
              OsvFileLoader.printable(cache.toString()), e.getClass().getSimpleName(),
              OsvFileLoader.printable(path.toString()));
        }
      }
      if (result == null) {
        result = loader.load(path);
        if (cache != null) {
          try {
            IndexCache.write(cache, fingerprint, result);
          } catch (IOException e) {
            LOG.warn("cannot write the OSV index cache {} ({}); going on without it",
                OsvFileLoader.printable(cache.toString()), e.getClass().getSimpleName());
          }
        }
      }
    } catch (IOException e) {
      throw new ProviderException(ID, "cannot read OSV data at "
          + SupplyChainException.quote(path.toString()) + ": "
          + SupplyChainException.quote(String.valueOf(e.getMessage()))
          + "; check " + KEY_PATH + "; see docs/errors.md#advisories-osv-path", e);
    }
    OsvFilesSource source = new OsvFilesSource(path.toString(), result, fromCache);
    if (LOG.isDebugEnabled()) {
      LOG.debug("loaded {} in {} ms", source.info().source(), (System.nanoTime() - t0) / 1_000_000);
    }
    return source;
  }
}
