package dev.tollgate.cli;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.Edge;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import java.io.PrintStream;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Renders {@code tollgate graph --format dot}: a Graphviz digraph. Nodes are {@code n<id>} with the
 * package's {@code name@version} as label; dev edges are dashed, optional and peerOptional edges
 * dotted, peer edges grey, a link is a bold edge to its target, and a missing dependency points at
 * a red dashed placeholder node {@code m<edge index>}. Labels are quoted and escaped. With
 * {@code --why}, only the nodes and edges on the paths are drawn.
 *
 * <p>Stateless and thread-safe.
 */
final class DotRenderer {

  private DotRenderer() {
  }

  /**
   * Prints the digraph.
   *
   * @param graph the graph (already reduced by {@code --omit})
   * @param why the {@code --why} answer, to draw only its paths
   * @param out where to print
   */
  static void render(DependencyGraph graph, Optional<Why> why, PrintStream out) {
    int n = graph.size();
    BitSet keepNode = new BitSet(n);
    // edges on a path, as "from,to" pairs; links as "from,to,link"
    TreeSet<String> keepPair = new TreeSet<>();
    if (why.isPresent()) {
      for (Why.Match m : why.get().matches()) {
        keepNode.set(m.node().id());
        for (List<Why.Step> path : m.paths()) {
          Why.Step prev = null;
          for (Why.Step s : path) {
            keepNode.set(s.node().id());
            if (prev != null) {
              keepPair.add(prev.node().id() + "," + s.node().id());
            }
            prev = s;
          }
        }
      }
    } else {
      keepNode.set(0, n);
    }
    out.print("digraph \"tollgate\" {\n");
    out.print("  rankdir=LR;\n");
    out.print("  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n");
    out.print("  edge [fontname=\"Helvetica\", fontsize=8];\n");
    int root = graph.root().id();
    for (Node node : graph.nodes()) {
      if (!keepNode.get(node.id())) {
        continue;
      }
      StringBuilder attrs = new StringBuilder("label=").append(quote(node.key()));
      if (node.id() == root) {
        attrs.append(", shape=doubleoctagon");
      } else if (node.linkTarget() >= 0) {
        attrs.append(", shape=cds");
      }
      if (node.has(NodeFlag.DEV)) {
        attrs.append(", style=dashed");
      } else if (node.has(NodeFlag.OPTIONAL) || node.has(NodeFlag.DEV_OPTIONAL)) {
        attrs.append(", style=dotted");
      }
      if (node.has(NodeFlag.HAS_INSTALL_SCRIPT)) {
        attrs.append(", color=\"darkorange\"");
      }
      if (node.has(NodeFlag.UNSCANNED)) {
        attrs.append(", color=\"red\"");
      }
      attrs.append(", tooltip=").append(quote(node.location().isEmpty() ? "(root)"
          : node.location()));
      out.print("  n" + node.id() + " [" + attrs + "];\n");
    }
    List<Edge> edges = graph.edges();
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      if (!keepNode.get(e.from())) {
        continue;
      }
      if (e.missing()) {
        if (why.isPresent()) {
          continue;
        }
        out.print("  m" + i + " [label=" + quote(e.name() + "@" + e.spec() + " (missing)")
            + ", shape=box, style=dashed, color=\"red\"];\n");
        out.print("  n" + e.from() + " -> m" + i + " [" + edgeAttrs(e) + ", color=\"red\"];\n");
        continue;
      }
      if (!keepNode.get(e.to())
          || (why.isPresent() && !keepPair.contains(e.from() + "," + e.to()))) {
        continue;
      }
      out.print("  n" + e.from() + " -> n" + e.to() + " [" + edgeAttrs(e) + "];\n");
    }
    for (Node node : graph.nodes()) {
      int t = node.linkTarget();
      if (t < 0 || !keepNode.get(node.id()) || !keepNode.get(t)
          || (why.isPresent() && !keepPair.contains(node.id() + "," + t))) {
        continue;
      }
      out.print("  n" + node.id() + " -> n" + t + " [label=\"link\", style=bold];\n");
    }
    out.print("}\n");
  }

  private static String edgeAttrs(Edge e) {
    StringBuilder sb = new StringBuilder("label=").append(quote(e.spec()));
    DependencyType t = e.type();
    if (t == DependencyType.DEV) {
      sb.append(", style=dashed");
    } else if (t == DependencyType.OPTIONAL || t == DependencyType.PEER_OPTIONAL) {
      sb.append(", style=dotted");
    }
    if (t.isPeer()) {
      sb.append(", color=\"gray50\"");
    }
    return sb.toString();
  }

  /**
   * Quotes a DOT string: backslashes and double quotes are escaped, line breaks become
   * {@code \n}, other control characters {@code \\uXXXX} text, so that the statement stays on one
   * line and its quotes balance.
   *
   * @param s the raw text
   * @return the quoted string
   */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(Locale.ROOT, "\\\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
