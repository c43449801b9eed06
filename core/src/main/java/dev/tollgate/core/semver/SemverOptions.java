package dev.tollgate.core.semver;

/**
 * node-semver's options: {@code loose} (accept forms such as {@code =1.2.3}, {@code 1.2.3beta} and
 * leading zeros) and {@code includePrerelease} (let ranges match prerelease versions of any
 * tuple).
 *
 * <p>Example: {@code Range.parse("^1.2", SemverOptions.of(false, true))}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param loose accept node-semver's loose syntax
 * @param includePrerelease let prerelease versions satisfy ranges without a prerelease on the same
 *     tuple
 * @since 0.1
 */
public record SemverOptions(boolean loose, boolean includePrerelease) {

  /** Strict parsing, prereleases excluded: node-semver's default. */
  public static final SemverOptions DEFAULT = new SemverOptions(false, false);

  /** Loose parsing, prereleases excluded. */
  public static final SemverOptions LOOSE = new SemverOptions(true, false);

  /**
   * Returns the options with these flags.
   *
   * @param loose accept loose syntax
   * @param includePrerelease include prereleases
   * @return the options
   */
  public static SemverOptions of(boolean loose, boolean includePrerelease) {
    if (!loose && !includePrerelease) {
      return DEFAULT;
    }
    if (loose && !includePrerelease) {
      return LOOSE;
    }
    return new SemverOptions(loose, includePrerelease);
  }

  int flags() {
    return (loose ? 2 : 0) | (includePrerelease ? 1 : 0);
  }
}
