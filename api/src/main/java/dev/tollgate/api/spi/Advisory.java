package dev.tollgate.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * An advisory as a source returns it: the OSV schema's fields that matter for npm.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the advisory id, for example {@code GHSA-xxxx-xxxx-xxxx} or {@code MAL-2024-1}
 * @param aliases other ids of the same vulnerability
 * @param summary the one-line summary, or empty
 * @param details the details, or empty
 * @param published the RFC 3339 publication time, or empty
 * @param modified the RFC 3339 modification time, or empty
 * @param withdrawn the RFC 3339 withdrawal time, or empty when not withdrawn
 * @param affected the affected packages
 * @param severity the severity scores (CVSS vectors and their type)
 * @param databaseSeverity the database's own rating such as {@code HIGH}, or empty
 * @param references reference URLs
 * @param malicious whether the advisory reports a malicious package
 * @since 0.1
 */
public record Advisory(String id, List<String> aliases, String summary, String details,
    String published, String modified, String withdrawn, List<AffectedPackage> affected,
    List<SeverityScore> severity, String databaseSeverity, List<String> references,
    boolean malicious) {

  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public Advisory {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(withdrawn, "withdrawn");
    affected = List.copyOf(affected);
    severity = List.copyOf(severity);
    Objects.requireNonNull(databaseSeverity, "databaseSeverity");
    references = List.copyOf(references);
  }

  /**
   * A severity score of an advisory.
   *
   * @param type the OSV type, for example {@code CVSS_V3} or {@code CVSS_V4}
   * @param score the vector or score as given
   * @since 0.1
   */
  public record SeverityScore(String type, String score) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public SeverityScore {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(score, "score");
    }
  }
}
