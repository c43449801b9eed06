package dev.tollgate.core;

import dev.tollgate.api.Finding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one pass over a package tarball found: its integrity, its entries, the manifest inside and
 * the findings.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the tarball's name, as given
 * @param sha512 the SHA-512 subresource-integrity value of the tarball bytes ({@code sha512-…})
 * @param sha1 the SHA-1 subresource-integrity value ({@code sha1-…})
 * @param compressedBytes the tarball's size
 * @param uncompressedBytes the tar stream's size after decompression
 * @param entries every entry, in tarball order
 * @param name the manifest's {@code name}, or empty when there is no manifest
 * @param version the manifest's {@code version}, or empty
 * @param scripts the manifest's {@code scripts}
 * @param license the manifest's {@code license}, or empty
 * @param licenseFiles the files that carry license text (LICENSE, COPYING, NOTICE… and files
 *     with an {@code SPDX-License-Identifier}), for the license provider
 * @param findings the findings, sorted
 * @since 0.1
 */
public record PackageInspection(String source, String sha512, String sha1, long compressedBytes,
    long uncompressedBytes, List<TarEntryInfo> entries, String name, String version,
    Map<String, String> scripts, String license, List<TextFile> licenseFiles,
    List<Finding> findings) {

  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public PackageInspection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha512, "sha512");
    Objects.requireNonNull(sha1, "sha1");
    entries = List.copyOf(entries);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    scripts = Collections.unmodifiableMap(new LinkedHashMap<>(scripts));
    Objects.requireNonNull(license, "license");
    licenseFiles = List.copyOf(licenseFiles);
    findings = findings.stream().sorted().toList();
  }

  /**
   * Tells whether the package runs scripts when installed ({@code preinstall}, {@code install},
   * {@code postinstall}, or the implicit {@code node-gyp rebuild} of a {@code binding.gyp}).
   *
   * @return true when installing runs code
   */
  public boolean hasInstallScript() {
    return findings.stream().anyMatch(f -> f.category() == dev.tollgate.api.FindingCategory.INSTALL_SCRIPT);
  }
}
