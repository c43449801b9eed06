package dev.tollgate.api;

import java.util.Objects;

/**
 * A dependency edge of a {@link DependencyGraph}: node {@code from} declares a dependency on
 * {@code name} with {@code spec}, resolved to node {@code to}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the declaring node's id
 * @param to the resolved node's id, or -1 when nothing in the graph satisfies it (missing)
 * @param name the dependency name as declared
 * @param spec the spec as written, for example {@code ^1.2.0}, {@code npm:b@2} or {@code workspace:*}
 * @param type the kind of dependency
 * @since 0.1
 */
public record Edge(int from, int to, String name, String spec, DependencyType type) {

  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code from} &lt; 0 or {@code to} &lt; -1
   */
  public Edge {
    if (from < 0 || to < -1) {
      throw new IllegalArgumentException("bad edge ids: " + from + " -> " + to);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Tells whether the edge resolves to no node.
   *
   * @return true if missing
   */
  public boolean missing() {
    return to < 0;
  }
}
