package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.Limits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Access to the project's manifests beside a lockfile: the root {@code package.json} and those of
 * workspaces. Readers need them where a lockfile does not record the root's own dependencies (yarn
 * classic, package-lock v1).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ProjectFiles {

  /**
   * Reads the manifest of a folder of the project.
   *
   * @param relativeDir the folder relative to the project root, {@code ""} for the root
   * @param limits the limits
   * @return the manifest, or empty when there is none
   * @throws IOException if it cannot be read
   */
  Optional<PackageJson> manifest(String relativeDir, Limits limits) throws IOException;

  /**
   * Lists the workspace folders that a root manifest's {@code workspaces} globs name: folders
   * relative to the project root, with {@code /} separators, that hold a {@code package.json}. A
   * glob segment {@code *} matches any one folder name (and may be part of a segment, as in
   * {@code pkg-*}), {@code **} any number of folders; a glob starting with {@code !} removes the
   * folders it matches. Folders named {@code node_modules} or starting with {@code .} are never
   * entered, and nothing outside the root is listed.
   *
   * <p>The default implementation lists nothing (projects without a file system).
   *
   * @param globs the globs, as in {@link PackageJson#workspaces()}
   * @param limits the limits: at most {@link Limits#maxEntries()} folders are visited and
   *     {@link Limits#maxPathLength()} bounds each path
   * @return the folders, sorted and distinct; never the root itself
   * @throws IOException if a folder cannot be listed
   * @throws dev.tollgate.api.LimitExceededException if the walk goes over a limit
   */
  default List<String> expandWorkspaces(List<String> globs, Limits limits) throws IOException {
    return List.of();
  }

  /**
   * Returns project files that have no manifests.
   *
   * @return the empty project
   */
  static ProjectFiles none() {
    return (dir, limits) -> Optional.empty();
  }

  /**
   * Returns the project files under a root folder. Paths that leave the root are not read.
   *
   * @param root the project root
   * @return the project files
   */
  static ProjectFiles directory(Path root) {
    return new DirectoryProjectFiles(root.toAbsolutePath().normalize());
  }
}
