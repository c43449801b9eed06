package dev.tollgate.api;

import java.util.Objects;

/**
 * How to get rid of a finding, when a change of versions does.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface Fix {

  /**
   * No version change fixes it.
   *
   * @since 0.1
   */
  record None() implements Fix {
  }

  /**
   * The parent's range already allows a fixed version: refreshing the lockfile fixes it.
   *
   * @param name the package to update
   * @param version the lowest fixed version the range allows
   * @since 0.1
   */
  record Refresh(String name, String version) implements Fix {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Refresh {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * A direct dependency must be bumped.
   *
   * @param directDependency the direct dependency to change in {@code package.json}
   * @param version the version to move it to
   * @param breaking whether that is outside the declared range (a breaking change)
   * @since 0.1
   */
  record Bump(String directDependency, String version, boolean breaking) implements Fix {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Bump {
      Objects.requireNonNull(directDependency, "directDependency");
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * Returns the shared "no fix" value.
   *
   * @return no fix
   */
  static Fix none() {
    return new None();
  }
}
