package dev.tollgate.core;

import dev.tollgate.api.Finding;
import dev.tollgate.api.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The pre-publish check of a package folder: the files {@code npm pack} would publish (npm 11's
 * rules: {@code files}, {@code .npmignore}/{@code .gitignore}, the built-in exclusions and the
 * files always included), their sizes, and what looks wrong among them: secrets, key and
 * environment files, large files, tests, coverage, CI and editor folders, archives, and
 * {@code files} entries that match nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the folder, as given
 * @param name the manifest's {@code name}, or empty
 * @param version the manifest's {@code version}, or empty
 * @param files the files, in npm-packlist's order (extension, base name, path)
 * @param totalBytes the sum of the files' sizes
 * @param findings the findings, sorted
 * @since 0.1
 */
public record PackCheck(String source, String name, String version, List<PackedFile> files,
    long totalBytes, List<Finding> findings) {

  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code totalBytes} is negative
   */
  public PackCheck {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    files = List.copyOf(files);
    if (totalBytes < 0) {
      throw new IllegalArgumentException("totalBytes must be >= 0, was " + totalBytes);
    }
    findings = findings.stream().sorted().toList();
  }

  /**
   * Tells whether a finding of at least the given severity exists.
   *
   * @param severity the threshold
   * @return true if some finding is at least that severe
   */
  public boolean hasFindingAtLeast(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    return findings.stream().anyMatch(f -> f.severity().compareTo(severity) >= 0);
  }
}
