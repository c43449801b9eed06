package dev.tollgate.api;

import java.util.Locale;

/**
 * What kind of problem a {@link Finding} reports.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum FindingCategory {
  /** A known vulnerability. */
  VULNERABILITY,
  /** A known malicious package. */
  MALICIOUS,
  /** A license that is restricted, unknown, missing or in conflict. */
  LICENSE,
  /** Install-time scripts. */
  INSTALL_SCRIPT,
  /** A secret or token inside a package. */
  SECRET,
  /** Code that behaves like malware. */
  SUSPICIOUS_CODE,
  /** Native binaries. */
  NATIVE_CODE,
  /** A name that imitates a popular package. */
  TYPOSQUAT,
  /** A name that could be taken from the wrong registry. */
  CONFUSION,
  /** Integrity missing or mismatched. */
  INTEGRITY,
  /** A package from an unapproved registry or source. */
  REGISTRY,
  /** An unsafe path or link in a tarball. */
  PATH_SAFETY,
  /** The tarball's manifest differs from the claimed metadata. */
  MANIFEST,
  /** Lockfile missing, out of sync or not reproducible. */
  REPRODUCIBILITY,
  /** Something that could not be evaluated. */
  UNSCANNED,
  /**
   * A file a package is about to publish that it probably should not (a large file, tests,
   * editor or CI folders, archives, key or environment files), or a {@code files} entry of
   * package.json that matches nothing.
   *
   * @since 0.1
   */
  PUBLISH_CONTENT;

  /**
   * Returns the kebab-case id used in JSON output.
   *
   * @return for example {@code install-script}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
