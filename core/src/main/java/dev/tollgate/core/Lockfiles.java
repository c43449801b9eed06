package dev.tollgate.core;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.internal.lockfile.LockfileReader;
import dev.tollgate.core.internal.lockfile.NpmLockReader;
import dev.tollgate.core.internal.lockfile.PnpmLockReader;
import dev.tollgate.core.internal.lockfile.ProjectFiles;
import dev.tollgate.core.internal.lockfile.YarnBerryLockReader;
import dev.tollgate.core.internal.lockfile.YarnClassicLockReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads npm lockfiles of every format into a {@link dev.tollgate.api.DependencyGraph}:
 * {@code package-lock.json} and {@code npm-shrinkwrap.json} (lockfileVersion 1, 2, 3),
 * {@code yarn.lock} (yarn classic v1 and berry {@code __metadata} 4 to 10) and
 * {@code pnpm-lock.yaml} (5.x, 6.x, 9.x).
 *
 * <pre>{@code
 * Lockfile lock = Lockfiles.readProject(Path.of("my-app"), Limits.defaults());
 * DependencyGraph graph = lock.graph();
 * System.out.println(lock.format() + " " + graph.stats());
 * }</pre>
 *
 * <p>Readers are streaming and bounded by {@link Limits}. What cannot be read is an
 * {@link InvalidInputException} naming the file and position; an entry that cannot be classified
 * becomes an unscanned node, never a silently skipped one.
 *
 * <p>Immutable and thread-safe (all methods are static and share no state).
 *
 * @since 0.1
 */
public final class Lockfiles {

  private static final int SNIFF = 4096;

  private Lockfiles() {
  }

  /**
   * Finds the lockfile of a project folder, in npm's order of preference:
   * {@code npm-shrinkwrap.json}, {@code package-lock.json}, {@code pnpm-lock.yaml},
   * {@code yarn.lock}.
   *
   * @param projectDir the project folder
   * @return the lockfile, or empty when there is none
   */
  public static Optional<Path> detect(Path projectDir) {
    for (String name : LockfileFormat.fileNames()) {
      Path p = projectDir.resolve(name);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the lockfile of a project folder (see {@link #detect(Path)}).
   *
   * @param projectDir the project folder
   * @param limits the limits
   * @return the lockfile
   * @throws IOException if reading fails
   * @throws InvalidInputException if there is no lockfile, or it is malformed or unsupported
   * @throws dev.tollgate.api.LimitExceededException if it goes over a limit
   */
  public static Lockfile readProject(Path projectDir, Limits limits) throws IOException {
    Path lock = detect(projectDir).orElseThrow(() -> new InvalidInputException(
        projectDir.toString(), 0, 0, "no lockfile found (looked for "
            + String.join(", ", LockfileFormat.fileNames())
            + "); run your package manager's install first; see docs/errors.md#no-lockfile"));
    return read(lock, limits);
  }

  /**
   * Reads a lockfile with the default limits. See {@link #read(Path, Limits)}.
   *
   * @param file the lockfile, or a project folder
   * @return the lockfile
   * @throws IOException if reading fails
   */
  public static Lockfile read(Path file) throws IOException {
    return read(file, Limits.defaults());
  }

  /**
   * Reads a lockfile; its format comes from the file name and content. The {@code package.json}
   * files beside it (root and workspaces) are read where the format needs them. A folder is read as
   * with {@link #readProject(Path, Limits)}.
   *
   * @param file the lockfile, or a project folder
   * @param limits the limits
   * @return the lockfile
   * @throws IOException if reading fails
   * @throws InvalidInputException if the file is malformed or its format is unsupported
   * @throws dev.tollgate.api.LimitExceededException if it goes over a limit
   */
  public static Lockfile read(Path file, Limits limits) throws IOException {
    Objects.requireNonNull(limits, "limits");
    if (Files.isDirectory(file)) {
      return readProject(file, limits);
    }
    Path dir = file.toAbsolutePath().getParent();
    ProjectFiles project = dir == null ? ProjectFiles.none() : ProjectFiles.directory(dir);
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in, project, limits);
    }
  }

  /**
   * Reads a lockfile from a stream, without the project's manifests (yarn classic and
   * package-lock v1 graphs then lack the root's own edges). The format comes from the source's file
   * name and the content.
   *
   * @param source the lockfile's name or path, used for format detection and messages
   * @param in the content; not closed
   * @param limits the limits
   * @return the lockfile
   * @throws IOException if reading fails
   * @throws InvalidInputException if the content is malformed or its format unsupported
   */
  public static Lockfile read(String source, InputStream in, Limits limits) throws IOException {
    return read(source, in, ProjectFiles.none(), limits);
  }

  private static Lockfile read(String source, InputStream in, ProjectFiles project, Limits limits)
      throws IOException {
    byte[] head = in.readNBytes(SNIFF);
    InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), in);
    LockfileFormat format = sniff(source, head);
    return reader(format).read(source, all, project, limits);
  }

  static LockfileFormat sniff(String source, byte[] head) {
    String name = source.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    String text = new String(head, StandardCharsets.UTF_8);
    String trimmed = text.stripLeading();
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return LockfileFormat.PNPM;
    }
    if (name.equals("npm-shrinkwrap.json")) {
      return LockfileFormat.NPM_SHRINKWRAP;
    }
    if (name.endsWith(".json") || trimmed.startsWith("{")) {
      return LockfileFormat.NPM_PACKAGE_LOCK;
    }
    if (text.contains("\n__metadata:") || text.startsWith("__metadata:")) {
      return LockfileFormat.YARN_BERRY;
    }
    if (text.contains("# yarn lockfile v1") || name.equals("yarn.lock")) {
      return LockfileFormat.YARN_CLASSIC;
    }
    if (text.contains("lockfileVersion:")) {
      return LockfileFormat.PNPM;
    }
    throw new InvalidInputException(source, 1, 1, "unrecognised lockfile format: expected "
        + String.join(", ", LockfileFormat.fileNames())
        + "; see docs/errors.md#unsupported-lockfile");
  }

  private static LockfileReader reader(LockfileFormat format) {
    return switch (format) {
      case NPM_PACKAGE_LOCK -> new NpmLockReader(LockfileFormat.NPM_PACKAGE_LOCK);
      case NPM_SHRINKWRAP -> new NpmLockReader(LockfileFormat.NPM_SHRINKWRAP);
      case YARN_CLASSIC -> new YarnClassicLockReader();
      case YARN_BERRY -> new YarnBerryLockReader();
      case PNPM -> new PnpmLockReader();
    };
  }
}
