package dev.tollgate.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of a dependency edge, as npm's Arborist names it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum DependencyType {
  /** {@code dependencies}. */
  PROD("prod"),
  /** {@code devDependencies}. */
  DEV("dev"),
  /** {@code optionalDependencies}. */
  OPTIONAL("optional"),
  /** {@code peerDependencies}. */
  PEER("peer"),
  /** {@code peerDependencies} marked optional in {@code peerDependenciesMeta}. */
  PEER_OPTIONAL("peerOptional"),
  /** From a workspace root to one of its workspaces. */
  WORKSPACE("workspace");

  private final String npmName;

  DependencyType(String npmName) {
    this.npmName = npmName;
  }

  /**
   * Returns the name Arborist uses, for example {@code peerOptional}.
   *
   * @return the npm name
   */
  public String npmName() {
    return npmName;
  }

  /**
   * Finds a type by its npm name.
   *
   * @param npmName the name, for example {@code prod}
   * @return the type, or empty
   */
  public static Optional<DependencyType> fromNpmName(String npmName) {
    for (DependencyType t : values()) {
      if (t.npmName.equals(npmName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether the edge is a peer edge (optional or not).
   *
   * @return true for {@link #PEER} and {@link #PEER_OPTIONAL}
   */
  public boolean isPeer() {
    return this == PEER || this == PEER_OPTIONAL;
  }

  @Override
  public String toString() {
    return npmName.toLowerCase(Locale.ROOT);
  }
}
