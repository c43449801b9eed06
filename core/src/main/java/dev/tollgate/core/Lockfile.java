package dev.tollgate.core;

import dev.tollgate.api.DependencyGraph;
import java.util.List;
import java.util.Objects;

/**
 * A lockfile read into a graph.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file read (its path as given, or a caller's name for a stream)
 * @param format the format
 * @param formatVersion the format's own version: npm's {@code lockfileVersion} ({@code 1}, {@code
 *     2}, {@code 3}), berry's {@code __metadata.version} ({@code 8}), pnpm's {@code lockfileVersion}
 *     ({@code 9.0}), or {@code 1} for yarn classic
 * @param graph the dependency graph
 * @param warnings what the reader noticed but could not fully use (a dependency with no matching
 *     entry, an unmet peer, a workspace split that needed the missing package.json); entries it
 *     could not classify are marked unscanned on their nodes instead
 * @since 0.1
 */
public record Lockfile(String source, LockfileFormat format, String formatVersion,
    DependencyGraph graph, List<String> warnings) {
  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public Lockfile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(formatVersion, "formatVersion");
    Objects.requireNonNull(graph, "graph");
    warnings = List.copyOf(warnings);
  }
}
