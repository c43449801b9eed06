package dev.tollgate.api;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a project or package.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a stable id: the same problem in the same package gives the same id across runs (for
 *     example {@code GHSA-xxxx:minimist@1.2.5})
 * @param category the kind of problem
 * @param severity how bad it is
 * @param packageName the package's name, or empty for project-level findings
 * @param version the package's version, or empty
 * @param title a one-line summary
 * @param detail a longer explanation, or empty
 * @param paths dependency paths that bring the package in, each a list of {@code name@version}
 *     from the root
 * @param evidence where it was seen
 * @param references URLs and ids for more information
 * @param fix how to fix it
 * @since 0.1
 */
public record Finding(String id, FindingCategory category, Severity severity, String packageName,
    String version, String title, String detail, List<List<String>> paths, List<Evidence> evidence,
    List<String> references, Fix fix) implements Comparable<Finding> {

  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code id} is empty
   */
  public Finding {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("id must not be empty");
    }
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    paths = paths.stream().map(List::copyOf).toList();
    evidence = List.copyOf(evidence);
    references = List.copyOf(references);
    Objects.requireNonNull(fix, "fix");
  }

  /** Orders by package name, version, then id: the output order. */
  @Override
  public int compareTo(Finding o) {
    int c = packageName.compareTo(o.packageName);
    if (c == 0) {
      c = version.compareTo(o.version);
    }
    return c != 0 ? c : id.compareTo(o.id);
  }
}
