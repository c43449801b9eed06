package dev.tollgate.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * One {@code affected} entry of an advisory: a package, its affected ranges and listed versions.
 * Several entries for one package are OR-ed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ecosystem the ecosystem, {@code npm}
 * @param name the package name
 * @param ranges the affected ranges
 * @param versions explicitly listed affected versions
 * @since 0.1
 */
public record AffectedPackage(String ecosystem, String name, List<AffectedRange> ranges,
    List<String> versions) {
  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public AffectedPackage {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    ranges = List.copyOf(ranges);
    versions = List.copyOf(versions);
  }
}
