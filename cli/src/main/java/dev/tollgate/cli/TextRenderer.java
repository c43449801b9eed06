package dev.tollgate.cli;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Edge;
import dev.tollgate.api.GraphStats;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.core.Lockfile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code tollgate graph} as text for people. Untrusted strings (names, versions, reasons)
 * have their control characters escaped so that a hostile lockfile cannot drive the terminal.
 *
 * <p>Stateless and thread-safe.
 */
final class TextRenderer {

  /** How many duplicated names the summary lists. */
  static final int TOP_DUPLICATES = 10;

  private TextRenderer() {
  }

  /**
   * Prints the summary of a lockfile's graph.
   *
   * @param lock the lockfile (its graph already reduced by {@code --omit})
   * @param omitDev whether dev packages were left out
   * @param out where to print
   */
  static void summary(Lockfile lock, boolean omitDev, PrintStream out) {
    DependencyGraph g = lock.graph();
    GraphStats s = g.stats();
    row(out, "lockfile", safe(lock.source()));
    row(out, "format", lock.format().tool() + " " + lock.format().fileName() + ", version "
        + safe(lock.formatVersion()));
    if (omitDev) {
      row(out, "omitted", "dev");
    }
    row(out, "packages", s.packages() + " (prod " + s.prod() + ", dev " + s.dev() + ", optional "
        + s.optional() + ", devOptional " + s.devOptional() + ", peer " + s.peer() + ")");
    row(out, "links", Integer.toString(s.links()));
    row(out, "edges", s.edges() + " (missing " + s.missingEdges() + ")");
    row(out, "max depth", Integer.toString(s.maxDepth()));
    row(out, "unreachable", Integer.toString(s.unreachable()));

    List<Map.Entry<String, List<String>>> dups = topDuplicates(g);
    row(out, "duplicated", s.duplicatedNames() + (s.duplicatedNames() == 1 ? " name" : " names"));
    for (Map.Entry<String, List<String>> e : dups.subList(0, Math.min(TOP_DUPLICATES, dups.size()))) {
      out.println("  " + safe(e.getKey()) + " (" + e.getValue().size() + "): "
          + String.join(", ", e.getValue().stream().map(TextRenderer::safe).toList()));
    }
    if (dups.size() > TOP_DUPLICATES) {
      out.println("  ... and " + (dups.size() - TOP_DUPLICATES) + " more");
    }

    List<Node> scripts = new ArrayList<>();
    List<Node> unscanned = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (n.id() == g.root().id()) {
        continue;
      }
      if (n.has(NodeFlag.HAS_INSTALL_SCRIPT)) {
        scripts.add(n);
      }
      if (n.has(NodeFlag.UNSCANNED)) {
        unscanned.add(n);
      }
    }
    row(out, "install scripts", Integer.toString(scripts.size()));
    for (Node n : scripts) {
      out.println("  " + safe(n.key()) + " " + where(n));
    }
    row(out, "unscanned", Integer.toString(unscanned.size()));
    for (Node n : unscanned) {
      out.println("  " + safe(n.key()) + " " + where(n) + ": "
          + (n.unscannedReason().isEmpty() ? "no reason recorded" : safe(n.unscannedReason())));
    }
    row(out, "warnings", Integer.toString(lock.warnings().size()));
    for (String w : lock.warnings()) {
      out.println("  " + safe(w));
    }
  }

  /**
   * Prints the paths that bring in the packages matching a {@code --why} query.
   *
   * @param lock the lockfile
   * @param why the answer, with at least one match
   * @param out where to print
   */
  static void why(Lockfile lock, Why why, PrintStream out) {
    boolean first = true;
    for (Why.Match m : why.matches()) {
      if (!first) {
        out.println();
      }
      first = false;
      Node n = m.node();
      List<String> flags = flagNames(n);
      out.println(safe(n.key()) + " " + where(n) + (flags.isEmpty() ? "" : " " + String.join(" ",
          flags)));
      if (m.paths().isEmpty()) {
        out.println("  not reachable from the root (extraneous)");
        continue;
      }
      out.println("  " + m.paths().size() + (m.paths().size() == 1 ? " path" : " paths")
          + (m.truncated() ? " shown; there are more (raise --limit, now " + why.limit() + ")"
          : ""));
      for (List<Why.Step> path : m.paths()) {
        StringBuilder sb = new StringBuilder("  ");
        for (Why.Step step : path) {
          if (step.edge().isPresent()) {
            Edge e = step.edge().get();
            sb.append(" -> ").append(safe(step.node().key()))
                .append(" [").append(e.type().npmName()).append(' ')
                .append(safe(e.spec())).append(']');
          } else if (sb.length() > 2) {
            sb.append(" -> ").append(safe(step.node().key())).append(" [link]");
          } else {
            sb.append(safe(step.node().key()));
          }
        }
        out.println(sb);
      }
    }
  }

  /** Duplicated names, most versions first, then by name. */
  static List<Map.Entry<String, List<String>>> topDuplicates(DependencyGraph g) {
    List<Map.Entry<String, List<String>>> dups = new ArrayList<>(g.duplicates().entrySet());
    dups.sort(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
        .thenComparing(Map.Entry::getKey));
    return dups;
  }

  /** The npm-style names of a node's flags, in {@link NodeFlag} order. */
  static List<String> flagNames(Node n) {
    List<String> out = new ArrayList<>();
    for (NodeFlag f : NodeFlag.values()) {
      if (n.has(f)) {
        out.add(flagName(f));
      }
    }
    return out;
  }

  /**
   * Returns a flag's name as the JSON schema and the text output spell it: lower camel case, as
   * npm spells {@code devOptional}.
   */
  static String flagName(NodeFlag f) {
    String[] parts = f.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i], 1, parts[i].length());
    }
    return sb.toString();
  }

  private static String where(Node n) {
    return "(" + (n.location().isEmpty() ? "root" : safe(n.location())) + ")";
  }

  private static void row(PrintStream out, String label, String value) {
    out.println(label + " ".repeat(Math.max(1, 16 - label.length())) + value);
  }

  /** Escapes control characters (including line breaks) as {@code \\uXXXX}. */
  static String safe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028
          || c == 0x2029;
      if (control && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (control) {
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
