/**
 * Tollgate's similarity provider module: typosquat checks against the bundled list of popular npm
 * names, and dependency-confusion checks. Exports nothing; its provider is registered with
 * {@code provides} here and in {@code META-INF/services}.
 *
 * <p>Provides: {@link dev.tollgate.api.spi.SimilarityCheckerProvider} with
 * {@code dev.tollgate.spi.similarity.BuiltinSimilarityProvider} (id {@code builtin-similarity}).
 *
 * @since 0.1
 */
module dev.tollgate.spi.similarity {
  requires dev.tollgate.api;
  requires org.slf4j;

  provides dev.tollgate.api.spi.SimilarityCheckerProvider
      with dev.tollgate.spi.similarity.BuiltinSimilarityProvider;
}
