package dev.tollgate.core;

import dev.tollgate.api.Limits;
import dev.tollgate.core.internal.tarball.TarballScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Inspects npm package tarballs ({@code .tgz}) in one streaming pass, in memory: unsafe paths and
 * links, device entries, duplicates, integrity, the manifest and its install scripts, native code.
 *
 * <pre>{@code
 * PackageInspection p = PackageInspector.inspectTarball(Path.of("left-pad-1.3.0.tgz"),
 *     Limits.defaults(), "sha512-…");
 * p.findings().forEach(f -> System.out.println(f.category() + " " + f.title()));
 * }</pre>
 *
 * <p>Input past {@link Limits} (entries, bytes per entry, total bytes, compression ratio, path
 * length) is refused with {@link dev.tollgate.api.LimitExceededException}; a corrupt gzip or tar
 * stream gives {@link dev.tollgate.api.InvalidInputException} naming the entry. Nothing is written
 * to the file system.
 *
 * <p>{@link #packCheck(Path, Limits)} is the pre-publish check of a package folder: the files
 * {@code npm pack} would publish and what looks wrong among them.
 *
 * <p>Immutable and thread-safe (static methods, no shared state).
 *
 * @since 0.1
 */
public final class PackageInspector {

  private PackageInspector() {
  }

  /**
   * Inspects a tarball file.
   *
   * @param tarball the file
   * @param limits the limits
   * @param expectedIntegrity the SRI the lockfile or registry claims (one or more space-separated
   *     {@code sha512-…}/{@code sha1-…} values), or empty to skip the check
   * @return the inspection
   * @throws IOException if the file cannot be read
   * @throws dev.tollgate.api.InvalidInputException if the tarball is corrupt
   * @throws dev.tollgate.api.LimitExceededException if it goes over a limit
   */
  public static PackageInspection inspectTarball(Path tarball, Limits limits,
      String expectedIntegrity) throws IOException {
    try (InputStream in = Files.newInputStream(tarball)) {
      return inspectTarball(tarball.toString(), in, limits, expectedIntegrity);
    }
  }

  /**
   * Runs the same checks on an unpacked package folder: entries are reported as a tarball would
   * hold them ({@code package/<path>}), links are reported and never followed, {@code node_modules}
   * and {@code .git} are skipped. There is no integrity for a folder.
   *
   * @param packageDir the folder holding {@code package.json}
   * @param limits the limits
   * @return the inspection
   * @throws IOException if the folder cannot be read
   * @throws dev.tollgate.api.LimitExceededException if it goes over a limit
   */
  public static PackageInspection inspectDirectory(Path packageDir, Limits limits)
      throws IOException {
    Objects.requireNonNull(limits, "limits");
    return new dev.tollgate.core.internal.tarball.DirectoryScanner(limits).scan(packageDir);
  }

  /**
   * Inspects a tarball from a stream; reads it to its end and does not close it.
   *
   * @param source the tarball's name for messages
   * @param in the gzipped tar bytes
   * @param limits the limits
   * @param expectedIntegrity the claimed SRI, or empty
   * @return the inspection
   * @throws IOException if the stream cannot be read
   * @throws dev.tollgate.api.InvalidInputException if the tarball is corrupt
   * @throws dev.tollgate.api.LimitExceededException if it goes over a limit
   */
  public static PackageInspection inspectTarball(String source, InputStream in, Limits limits,
      String expectedIntegrity) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(expectedIntegrity, "expectedIntegrity");
    return new TarballScanner(source, limits, expectedIntegrity).scan(in);
  }

  /**
   * The pre-publish check: lists exactly what {@code npm pack} would publish from a package
   * folder (npm 11 and npm-packlist 10's rules: the {@code files} array, {@code .npmignore} and
   * {@code .gitignore} files at every level, the built-in exclusions, and package.json, README,
   * LICENSE/LICENCE, COPYING, {@code main}, {@code browser} and every {@code bin} always
   * included), then checks those files: secrets, private key and environment files, files over
   * 1 MiB and a package over 10 MiB, tests, coverage, CI and editor folders, archives, source
   * maps, leftovers, and {@code files} entries that match nothing. Symbolic links are never
   * followed. Bundled dependencies are not listed.
   *
   * <pre>{@code
   * PackCheck c = PackageInspector.packCheck(Path.of("."), Limits.defaults());
   * c.files().forEach(f -> System.out.println(f.size() + " " + f.path()));
   * boolean block = c.hasFindingAtLeast(Severity.HIGH);
   * }</pre>
   *
   * @param packageDir the folder holding {@code package.json}
   * @param limits the limits (files, bytes per file, total bytes, path and pattern length)
   * @return the check
   * @throws IOException if the folder cannot be read or is not a folder
   * @throws dev.tollgate.api.InvalidInputException if package.json is malformed
   * @throws dev.tollgate.api.LimitExceededException if the folder goes over a limit
   * @since 0.1
   */
  public static PackCheck packCheck(Path packageDir, Limits limits) throws IOException {
    return packCheck(packageDir, limits,
        dev.tollgate.core.internal.tarball.PackChecker.DEFAULT_LARGE_FILE_BYTES,
        dev.tollgate.core.internal.tarball.PackChecker.DEFAULT_LARGE_TOTAL_BYTES);
  }

  /**
   * The pre-publish check with chosen size thresholds; see {@link #packCheck(Path, Limits)}.
   *
   * @param packageDir the folder holding {@code package.json}
   * @param limits the limits
   * @param largeFileBytes a file larger than this is reported
   * @param largeTotalBytes a package larger than this in all is reported
   * @return the check
   * @throws IOException if the folder cannot be read or is not a folder
   * @throws IllegalArgumentException if a threshold is negative
   * @throws dev.tollgate.api.InvalidInputException if package.json is malformed
   * @throws dev.tollgate.api.LimitExceededException if the folder goes over a limit
   * @since 0.1
   */
  public static PackCheck packCheck(Path packageDir, Limits limits, long largeFileBytes,
      long largeTotalBytes) throws IOException {
    Objects.requireNonNull(packageDir, "packageDir");
    Objects.requireNonNull(limits, "limits");
    if (largeFileBytes < 0 || largeTotalBytes < 0) {
      throw new IllegalArgumentException("largeFileBytes and largeTotalBytes must be >= 0, were "
          + largeFileBytes + " and " + largeTotalBytes);
    }
    return new dev.tollgate.core.internal.tarball.PackChecker(limits, largeFileBytes,
        largeTotalBytes).check(packageDir);
  }
}
