package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    Path base = root.toAbsolutePath().normalize();
    return (dir, limits) -> {
      Path p = base.resolve(dir).normalize();
      if (!p.startsWith(base)) {
        return Optional.empty();
      }
      Path file = p.resolve("package.json");
      try (InputStream in = Files.newInputStream(file)) {
        return Optional.of(PackageJson.read(in, dir.isEmpty() ? "package.json"
            : dir + "/package.json", limits));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    };
  }
}
