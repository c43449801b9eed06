package dev.tollgate.spi.similarity;

import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarityChecker;
import dev.tollgate.api.spi.SimilarityCheckerProvider;
import dev.tollgate.api.spi.Spi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ServiceLoader provider of the built-in similarity checker ({@code builtin-similarity}):
 * typosquats against the bundled popular npm names, and dependency confusion. Public only because
 * ServiceLoader needs it; the package is not exported.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently. This one is stateless.
 *
 * @since 0.1
 */
public final class BuiltinSimilarityProvider implements SimilarityCheckerProvider {

  /** The provider id. */
  public static final String ID = "builtin-similarity";

  /** Creates the provider; does no work. */
  public BuiltinSimilarityProvider() {
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
   * Creates the checker. The bundled list and its default index are built once per class loader
   * and shared.
   *
   * @param context configuration ({@code similarity.*} keys), limits
   * @return the checker
   * @throws dev.tollgate.api.ConfigurationException if a {@code similarity.*} value is malformed
   */
  @Override
  public SimilarityChecker create(ProviderContext context) {
    Settings s = Settings.from(context);
    PopularNames names = PopularNames.bundled();
    NameIndex index = s.targets() == Settings.DEFAULT_TARGETS ? DefaultIndex.INDEX
        : build(s.targets());
    return new TyposquatChecker(names, index, s);
  }

  private static final Logger LOG = LoggerFactory.getLogger(BuiltinSimilarityProvider.class);

  private static final class DefaultIndex {
    static final NameIndex INDEX = build(Settings.DEFAULT_TARGETS);
  }

  private static NameIndex build(int targets) {
    long t0 = System.nanoTime();
    NameIndex index = new NameIndex(PopularNames.bundled(), targets);
    if (LOG.isDebugEnabled()) {
      LOG.debug("similarity index built: {} target names in {} ms", index.targets(),
          (System.nanoTime() - t0) / 1_000_000);
    }
    return index;
  }
}
