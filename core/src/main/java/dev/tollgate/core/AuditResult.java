package dev.tollgate.core;

import dev.tollgate.api.Finding;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Audit#audit} found: findings for registry packages, the packages that advisories name
 * but that do not come from the registry (so registry advisories cannot be evaluated for them), and
 * counters about the advisory data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param findings one finding per vulnerability (aliases merged) and installed {@code name@version},
 *     in {@link Finding}'s order
 * @param notApplicable packages whose name an advisory names but whose contents do not come from the
 *     registry (git, file, link, workspace, remote tarball, the project itself), or whose version is
 *     not valid semver; these are neither matched nor clean; ordered by location
 * @param advisoriesUsed advisories evaluated (not withdrawn)
 * @param withdrawnSkipped withdrawn advisories skipped
 * @param invalidVersions version strings (in the data or installed) that are not valid semver; each
 *     made its range or comparison not match
 * @param emptyEvents OSV events with an empty version, treated as absent (an open range)
 * @since 0.1
 */
public record AuditResult(List<Finding> findings, List<NotApplicable> notApplicable,
    int advisoriesUsed, int withdrawnSkipped, int invalidVersions, int emptyEvents) {

  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if a list is null
   * @throws IllegalArgumentException if a counter is negative
   */
  public AuditResult {
    findings = List.copyOf(findings);
    notApplicable = List.copyOf(notApplicable);
    if (advisoriesUsed < 0 || withdrawnSkipped < 0 || invalidVersions < 0 || emptyEvents < 0) {
      throw new IllegalArgumentException("counters must be >= 0");
    }
  }

  /**
   * A package that advisories name but that was not matched.
   *
   * <p>Immutable and thread-safe.
   *
   * @param name the name it is installed under
   * @param version its version, or empty
   * @param location its location in the graph
   * @param reason why it was not matched, for example {@code git source}
   * @param advisoryIds the ids of the advisories that name it, sorted
   * @since 0.1
   */
  public record NotApplicable(String name, String version, String location, String reason,
      List<String> advisoryIds) {
    /**
     * Checks and copies the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public NotApplicable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(reason, "reason");
      advisoryIds = List.copyOf(advisoryIds);
    }
  }
}
