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
}
