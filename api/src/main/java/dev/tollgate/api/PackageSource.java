package dev.tollgate.api;

import java.util.Objects;

/**
 * Where a package in a dependency graph comes from. A closed set: the registry, git, a remote
 * tarball, a local file or directory, a link, a workspace, an npm alias, the project itself, or a
 * source that could not be classified (the node is then unscanned).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface PackageSource {

  /**
   * Tells whether the package's contents come from a package registry (directly or through an
   * npm alias), so that registry advisories apply to it.
   *
   * @return true for {@link Registry} and {@link Alias}
   */
  default boolean fromRegistry() {
    return this instanceof Registry || this instanceof Alias;
  }

  /**
   * A package from a registry.
   *
   * @param resolved the tarball URL the lockfile recorded, or the empty string when it has none
   * @since 0.1
   */
  record Registry(String resolved) implements PackageSource {
    /**
     * Checks the argument.
     *
     * @throws NullPointerException if {@code resolved} is null
     */
    public Registry {
      Objects.requireNonNull(resolved, "resolved");
    }
  }

  /**
   * A package from a git repository.
   *
   * @param repository the repository URL as recorded (without the committish)
   * @param commit the full commit the lockfile pins, or the empty string when unpinned
   * @param committish the branch, tag, semver range or commit as written, or the empty string
   * @since 0.1
   */
  record Git(String repository, String commit, String committish) implements PackageSource {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Git {
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(commit, "commit");
      Objects.requireNonNull(committish, "committish");
    }
  }

  /**
   * A package from a tarball URL that is not a registry's.
   *
   * @param url the tarball URL
   * @since 0.1
   */
  record RemoteTarball(String url) implements PackageSource {
    /**
     * Checks the argument.
     *
     * @throws NullPointerException if {@code url} is null
     */
    public RemoteTarball {
      Objects.requireNonNull(url, "url");
    }
  }

  /**
   * A package from a local tarball or directory ({@code file:} specs).
   *
   * @param path the path as recorded, relative to the project root where the lockfile says so
   * @param directory true for a directory, false for a tarball
   * @since 0.1
   */
  record LocalPath(String path, boolean directory) implements PackageSource {
    /**
     * Checks the argument.
     *
     * @throws NullPointerException if {@code path} is null
     */
    public LocalPath {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * A symbolic link to another node of the graph ({@code link:} specs, npm's links to workspaces
   * and local directories); {@link Node#linkTarget()} names the target.
   *
   * @param target the target's location
   * @since 0.1
   */
  record Link(String target) implements PackageSource {
    /**
     * Checks the argument.
     *
     * @throws NullPointerException if {@code target} is null
     */
    public Link {
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * A workspace of the project.
   *
   * @param path the workspace folder relative to the project root, for example {@code packages/a}
   * @since 0.1
   */
  record Workspace(String path) implements PackageSource {
    /**
     * Checks the argument.
     *
     * @throws NullPointerException if {@code path} is null
     */
    public Workspace {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * A registry package installed under another name ({@code "str": "npm:string-width@^4"}).
   *
   * @param realName the package's real name in the registry
   * @param resolved the tarball URL the lockfile recorded, or the empty string
   * @since 0.1
   */
  record Alias(PackageName realName, String resolved) implements PackageSource {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Alias {
      Objects.requireNonNull(realName, "realName");
      Objects.requireNonNull(resolved, "resolved");
    }
  }

  /**
   * The project itself: the graph's root.
   *
   * @since 0.1
   */
  record Project() implements PackageSource {
  }

  /**
   * A source the reader could not classify; the node is marked unscanned.
   *
   * @param raw the raw value the lockfile recorded, possibly empty
   * @since 0.1
   */
  record Unknown(String raw) implements PackageSource {
    /**
     * Checks the argument.
     *
     * @throws NullPointerException if {@code raw} is null
     */
    public Unknown {
      Objects.requireNonNull(raw, "raw");
    }
  }
}
