/**
 * Tollgate's engine entry points: {@link dev.tollgate.core.Lockfiles} reads any npm lockfile
 * format into a {@link dev.tollgate.api.DependencyGraph}.
 *
 * <p><b>Nullness:</b> parameters are non-null; methods never return {@code null}.
 *
 * <p><b>Thread-safety:</b> stated per type; every entry point here is safe to call concurrently.
 *
 * @since 0.1
 */
package dev.tollgate.core;
