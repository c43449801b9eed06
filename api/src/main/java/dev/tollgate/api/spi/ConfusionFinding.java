package dev.tollgate.api.spi;

import java.util.Objects;

/**
 * A dependency-confusion problem: an internal package that comes, or may come, from a registry
 * other than the organisation's own.
 *
 * <p>Immutable and thread-safe.
 *
 * @param packageName the package (for {@link Kind#SCOPE_WITHOUT_REGISTRY}, the scope)
 * @param version the installed version, or empty
 * @param location the node's location in the graph, or empty for a scope-level finding
 * @param kind what is wrong
 * @param expectedRegistry the registry configured for the package's scope (or the default), or
 *     empty when none is configured
 * @param actualRegistry the registry the lockfile resolved it from, or empty when unknown
 * @param explanation a sentence a person understands
 * @since 0.1
 */
public record ConfusionFinding(String packageName, String version, String location, Kind kind,
    String expectedRegistry, String actualRegistry, String explanation) {

  /**
   * Checks the arguments.
   *
   * @param packageName see the record component
   * @param version see the record component
   * @param location see the record component
   * @param kind see the record component
   * @param expectedRegistry see the record component
   * @param actualRegistry see the record component
   * @param explanation see the record component
   * @throws NullPointerException if an argument is null
   */
  public ConfusionFinding {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expectedRegistry, "expectedRegistry");
    Objects.requireNonNull(actualRegistry, "actualRegistry");
    Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * The kinds of dependency-confusion problem.
   *
   * <p>Immutable and thread-safe.
   *
   * @since 0.1
   */
  public enum Kind {
    /** An internal name resolved from the public registry. */
    INTERNAL_FROM_PUBLIC_REGISTRY,
    /** An internal scope with no registry pinned for it in {@code .npmrc}. */
    SCOPE_WITHOUT_REGISTRY,
    /** A lockfile {@code resolved} URL from a registry other than the one configured. */
    RESOLVED_FROM_OTHER_REGISTRY
  }
}
