package dev.tollgate.api;

/**
 * Flags of a node in a {@link DependencyGraph}, with npm's meaning.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum NodeFlag {
  /** Needed only through dev dependencies. */
  DEV,
  /** Needed only through optional dependencies. */
  OPTIONAL,
  /** Needed only through paths that are dev or optional, but neither alone. */
  DEV_OPTIONAL,
  /** Needed only through peer dependencies. */
  PEER,
  /** Inside a bundle: shipped in a parent's tarball ({@code bundleDependencies}). */
  BUNDLED,
  /** Has {@code preinstall}, {@code install} or {@code postinstall} scripts (or a binding.gyp). */
  HAS_INSTALL_SCRIPT,
  /** In the lockfile but needed by nothing. */
  EXTRANEOUS,
  /** Could not be evaluated: its source or data were not understood ({@link Node#unscannedReason()}). */
  UNSCANNED
}
