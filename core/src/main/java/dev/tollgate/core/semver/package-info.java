/**
 * npm's version and range semantics, identical to node-semver 7.x: {@link
 * dev.tollgate.core.semver.Version}, {@link dev.tollgate.core.semver.Range}, the {@link
 * dev.tollgate.core.semver.Semver} facade of static functions named as in node-semver, and a {@link
 * dev.tollgate.core.semver.RangeCache} for callers that match many versions.
 *
 * <p>Parameters are non-null; a null argument throws {@link java.lang.NullPointerException}.
 * Where node-semver returns {@code null} these functions return an empty {@link java.util.Optional};
 * where it throws a {@code TypeError} on malformed input they throw {@link
 * dev.tollgate.api.InvalidInputException}. All types are immutable and thread-safe.
 *
 * @since 0.1
 */
package dev.tollgate.core.semver;
