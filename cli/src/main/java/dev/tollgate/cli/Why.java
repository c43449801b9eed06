package dev.tollgate.cli;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Edge;
import dev.tollgate.api.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@code --why}: each package matching the query, with the dependency paths that
 * bring it in (like {@code npm explain}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param query the query as given
 * @param limit the most paths kept per match
 * @param matches the matching nodes, in graph (location) order; empty when none
 */
record Why(String query, int limit, List<Match> matches) {

  Why {
    Objects.requireNonNull(query, "query");
    matches = List.copyOf(matches);
  }

  /**
   * One matching package.
   *
   * @param node the node
   * @param paths the paths from the root, at most {@code limit}; empty when unreachable
   * @param truncated whether there were more paths than {@code limit}
   */
  record Match(Node node, List<List<Step>> paths, boolean truncated) {
    Match {
      Objects.requireNonNull(node, "node");
      paths = paths.stream().map(List::copyOf).toList();
    }
  }

  /**
   * One node of a path, with the edge that led to it from the previous node.
   *
   * @param node the node
   * @param edge the edge from the previous node, empty for the root and for a link's target
   */
  record Step(Node node, Optional<Edge> edge) {
    Step {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(edge, "edge");
    }
  }

  /**
   * Finds the packages matching a query and their paths. The query is a location (for example
   * {@code node_modules/a/node_modules/b}), {@code NAME} or {@code NAME@VERSION}; scoped names
   * such as {@code @scope/name@1.0.0} work. A name also matches the real name of an npm alias.
   *
   * @param graph the graph
   * @param query the query
   * @param limit the most paths per match, &gt; 0
   * @return the answer; {@link #matches()} is empty when nothing matches
   */
  static Why compute(DependencyGraph graph, String query, int limit) {
    List<Node> nodes = find(graph, query);
    List<Match> matches = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      List<List<Node>> raw = graph.pathsTo(n.id(), limit == Integer.MAX_VALUE ? limit : limit + 1);
      boolean truncated = raw.size() > limit;
      List<List<Step>> paths = new ArrayList<>(Math.min(raw.size(), limit));
      for (List<Node> p : raw.subList(0, Math.min(raw.size(), limit))) {
        paths.add(steps(graph, p));
      }
      matches.add(new Match(n, paths, truncated));
    }
    return new Why(query, limit, matches);
  }

  private static List<Node> find(DependencyGraph graph, String query) {
    if (query.contains("node_modules/") || query.contains("/node_modules")) {
      Optional<Node> at = graph.nodeAt(query);
      if (at.isPresent()) {
        return List.of(at.get());
      }
    }
    String name = query;
    String version = null;
    int at = query.lastIndexOf('@');
    if (at > 0) {
      name = query.substring(0, at);
      version = query.substring(at + 1);
    }
    List<Node> out = new ArrayList<>();
    for (Node n : graph.nodes()) {
      boolean nameMatches = n.name().equals(name) || n.packageName().equals(name);
      if (nameMatches && (version == null || n.version().equals(version))) {
        out.add(n);
      }
    }
    if (out.isEmpty()) {
      graph.nodeAt(query).ifPresent(out::add);
    }
    return out;
  }

  private static List<Step> steps(DependencyGraph graph, List<Node> path) {
    List<Step> steps = new ArrayList<>(path.size());
    Node prev = null;
    for (Node n : path) {
      Optional<Edge> edge = Optional.empty();
      if (prev != null) {
        for (Edge e : graph.edgesFrom(prev.id())) {
          if (e.to() == n.id()) {
            edge = Optional.of(e);
            break;
          }
        }
      }
      steps.add(new Step(n, edge));
      prev = n;
    }
    return steps;
  }
}
