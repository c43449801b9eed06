/**
 * Provider interfaces: what ServiceLoader providers implement. One capability per interface
 * ({@link dev.tollgate.api.spi.LicenseDetector}, {@link dev.tollgate.api.spi.AdvisorySource},
 * {@link dev.tollgate.api.spi.SimilarityChecker}), each created by a cheap no-arg factory
 * ({@code XxxProvider}) that {@code META-INF/services} or {@code module-info provides} registers.
 *
 * <p>Providers return data; {@code tollgate-core} evaluates it (npm version semantics live in core
 * alone). Configuration, limits, a clock and the offline flag reach a provider through
 * {@link dev.tollgate.api.spi.ProviderContext}.
 *
 * <p><b>Nullness:</b> as in {@link dev.tollgate.api}: no nulls in, none out.
 *
 * <p><b>Thread-safety:</b> value types are immutable; services must be thread-safe.
 *
 * @since 0.1
 */
package dev.tollgate.api.spi;
