package dev.tollgate.core;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.core.internal.advisory.Auditor;
import java.util.List;
import java.util.Objects;

/**
 * Matches a dependency graph against advisories (OSV records, npm advisory ranges), like
 * {@code npm audit} but offline and over any lockfile format.
 *
 * <ul>
 *   <li>Only packages whose contents come from the registry are matched ({@link
 *       dev.tollgate.api.PackageSource#fromRegistry()}); npm aliases by their real name. Git, file,
 *       link and workspace packages that carry an advisory's name are listed in {@link
 *       AuditResult#notApplicable()}, never matched and never reported clean.</li>
 *   <li>Affected ranges are evaluated exactly as the OSV schema says, with npm semver precedence;
 *       npm range strings with npm audit's options. Withdrawn advisories are skipped; invalid
 *       version strings in the data do not match and are counted.</li>
 *   <li>Advisories that alias one another (GHSA, CVE, MAL ids, the same id from several sources)
 *       give one finding per installed {@code name@version}, with id
 *       {@code <advisory id>:<name>@<version>}.</li>
 *   <li>Severity: malicious packages are critical; otherwise the highest CVSS v3.x base score, else
 *       the database's rating (also for CVSS v4.0-only records), else moderate.</li>
 *   <li>Fix: from the {@code fixed} version that ends the affecting range: a refresh when every
 *       range that requires the package allows it, a breaking bump of a direct dependency whose
 *       declared range does not, otherwise none.</li>
 * </ul>
 *
 * <pre>{@code
 * Lockfile lock = Lockfiles.read(Path.of("package-lock.json"));
 * List<Advisory> advisories = source.lookup(versionsByName);  // an AdvisorySource
 * AuditResult result = Audit.audit(lock.graph(), advisories);
 * for (Finding f : result.findings()) {
 *   System.out.println(f.severity().id() + " " + f.id() + " " + f.fix());
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe: calls may run concurrently on shared graphs and advisory lists.
 *
 * @since 0.1
 */
public final class Audit {

  private Audit() {
  }

  /**
   * Matches the graph's registry packages against the advisories.
   *
   * @param graph the dependency graph
   * @param advisories the advisories, in any order (the result does not depend on it, except which
   *     of two records with the same id and modification time supplies the text)
   * @return the findings, the not-applicable packages and counters
   * @throws NullPointerException if an argument or an element is null
   */
  public static AuditResult audit(DependencyGraph graph, List<Advisory> advisories) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(advisories, "advisories");
    return new Auditor(advisories).audit(graph);
  }
}
