package dev.tollgate.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One package in a {@link DependencyGraph}: a view of the graph's arrays, created on demand.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the node's index in its graph, from 0
 * @param name the name the package is installed under (for an alias, the alias; see
 *     {@link #packageName()})
 * @param version the version, or the empty string when the lockfile gives none
 * @param location the node's place: npm's install path such as {@code node_modules/a/node_modules/b}
 *     for npm lockfiles ({@code ""} is the root); a format-specific unique key otherwise (see each
 *     reader)
 * @param source where it comes from
 * @param integrity the subresource-integrity value (for example {@code sha512-...}), or empty; for
 *     yarn berry, whose checksums are not SRI, {@code yarn-berry:<cacheKey>/<hex>}
 * @param flags the flags
 * @param license the declared license as recorded, or empty
 * @param engines the {@code engines} map, in lockfile order
 * @param os the {@code os} list
 * @param cpu the {@code cpu} list
 * @param linkTarget for a link, the id of its target node; otherwise -1
 * @param unscannedReason why the node could not be evaluated, or empty
 * @since 0.1
 */
public record Node(int id, String name, String version, String location, PackageSource source,
    String integrity, Set<NodeFlag> flags, String license, Map<String, String> engines,
    List<String> os, List<String> cpu, int linkTarget, String unscannedReason) {

  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public Node {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(integrity, "integrity");
    flags = Set.copyOf(flags);
    Objects.requireNonNull(license, "license");
    engines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(engines));
    os = List.copyOf(os);
    cpu = List.copyOf(cpu);
    Objects.requireNonNull(unscannedReason, "unscannedReason");
  }

  /**
   * Returns the real package name: the alias target for an npm alias, otherwise {@link #name()}.
   *
   * @return the registry name
   */
  public String packageName() {
    return source instanceof PackageSource.Alias a ? a.realName().value() : name;
  }

  /**
   * Tells whether the node has a flag.
   *
   * @param flag the flag
   * @return true if set
   */
  public boolean has(NodeFlag flag) {
    return flags.contains(flag);
  }

  /**
   * Returns {@code name@version}, or the name alone when there is no version.
   *
   * @return the display key
   */
  public String key() {
    return version.isEmpty() ? name : name + "@" + version;
  }
}
