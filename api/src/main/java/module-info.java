/**
 * Tollgate's API: the domain values (package identity, the dependency graph, findings) and the
 * provider interfaces ({@code dev.tollgate.api.spi}) that ServiceLoader providers implement.
 *
 * <p>This module has no dependency beyond {@code java.base}. It declares no {@code uses} and no
 * {@code provides}: {@code dev.tollgate.core} uses the provider interfaces of
 * {@link dev.tollgate.api.spi}, and the provider modules provide them.
 *
 * @since 0.1
 */
module dev.tollgate.api {
  exports dev.tollgate.api;
  exports dev.tollgate.api.spi;
}
