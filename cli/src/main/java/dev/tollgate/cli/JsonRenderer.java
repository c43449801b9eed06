package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Edge;
import dev.tollgate.api.GraphStats;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.api.PackageSource;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders {@code tollgate graph --format json}: the schema documented field by field in
 * {@code docs/cli-graph-json.md}. Written with Jackson's streaming generator, pretty printed with
 * {@code \n} line ends and two-space indents, fields in a fixed order, so that the same lockfile
 * gives the same bytes.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonRenderer {

  /** The schema version; bump it on any incompatible change to the output. */
  static final int SCHEMA_VERSION = 1;


  private JsonRenderer() {
  }

  /**
   * Writes the document. Without {@code why}, the full node and edge lists follow the summary;
   * with it, the paths do.
   *
   * @param lock the lockfile (its graph already reduced by {@code --omit})
   * @param omitDev whether dev packages were left out
   * @param why the {@code --why} answer, if asked
   * @param out where to write; flushed, not closed
   * @throws IOException if writing fails
   */
  static void render(Lockfile lock, boolean omitDev, Optional<Why> why, OutputStream out)
      throws IOException {
    try (JsonGenerator g = Json.open(out)) {
      DependencyGraph graph = lock.graph();
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      writeLockfile(g, lock);
      g.writeArrayFieldStart("omit");
      if (omitDev) {
        g.writeString("dev");
      }
      g.writeEndArray();
      writeSummary(g, graph);
      g.writeArrayFieldStart("warnings");
      for (String w : lock.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();
      if (why.isPresent()) {
        writeWhy(g, graph, why.get());
      } else {
        g.writeArrayFieldStart("nodes");
        for (Node n : graph.nodes()) {
          writeNode(g, graph, n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("edges");
        for (Edge e : graph.edges()) {
          writeEdge(g, graph, e);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
  }

  private static void writeLockfile(JsonGenerator g, Lockfile lock) throws IOException {
    g.writeObjectFieldStart("lockfile");
    g.writeStringField("path", lock.source());
    g.writeStringField("format", formatId(lock.format()));
    g.writeStringField("tool", lock.format().tool());
    g.writeStringField("fileName", lock.format().fileName());
    g.writeStringField("formatVersion", lock.formatVersion());
    g.writeEndObject();
  }

  /** The format's id in the schema: the enum name in lower case with hyphens. */
  static String formatId(LockfileFormat f) {
    return f.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static void writeSummary(JsonGenerator g, DependencyGraph graph) throws IOException {
    GraphStats s = graph.stats();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("packages", s.packages());
    g.writeNumberField("prod", s.prod());
    g.writeNumberField("dev", s.dev());
    g.writeNumberField("optional", s.optional());
    g.writeNumberField("devOptional", s.devOptional());
    g.writeNumberField("peer", s.peer());
    g.writeNumberField("links", s.links());
    g.writeNumberField("edges", s.edges());
    g.writeNumberField("missingEdges", s.missingEdges());
    g.writeNumberField("maxDepth", s.maxDepth());
    g.writeNumberField("unreachable", s.unreachable());
    g.writeNumberField("duplicatedNames", s.duplicatedNames());
    g.writeNumberField("installScripts", s.installScripts());
    g.writeNumberField("unscanned", s.unscanned());
    g.writeEndObject();
    g.writeArrayFieldStart("duplicates");
    for (Map.Entry<String, List<String>> e : TextRenderer.topDuplicates(graph)) {
      g.writeStartObject();
      g.writeStringField("name", e.getKey());
      g.writeArrayFieldStart("versions");
      for (String v : e.getValue()) {
        g.writeString(v);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("installScripts");
    int root = graph.root().id();
    for (Node n : graph.nodes()) {
      if (n.id() != root && n.has(NodeFlag.HAS_INSTALL_SCRIPT)) {
        writeRef(g, n);
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("unscanned");
    for (Node n : graph.nodes()) {
      if (n.id() != root && n.has(NodeFlag.UNSCANNED)) {
        g.writeStartObject();
        writeRefFields(g, n);
        g.writeStringField("reason", n.unscannedReason());
        g.writeEndObject();
      }
    }
    g.writeEndArray();
  }

  private static void writeWhy(JsonGenerator g, DependencyGraph graph, Why why) throws IOException {
    g.writeObjectFieldStart("why");
    g.writeStringField("query", why.query());
    g.writeNumberField("limit", why.limit());
    g.writeArrayFieldStart("matches");
    for (Why.Match m : why.matches()) {
      g.writeStartObject();
      g.writeFieldName("node");
      writeRef(g, m.node());
      g.writeBooleanField("truncated", m.truncated());
      g.writeArrayFieldStart("paths");
      for (List<Why.Step> path : m.paths()) {
        g.writeStartArray();
        for (Why.Step step : path) {
          g.writeStartObject();
          writeRefFields(g, step.node());
          if (step.edge().isPresent()) {
            Edge e = step.edge().get();
            g.writeObjectFieldStart("via");
            g.writeStringField("type", e.type().npmName());
            g.writeStringField("spec", e.spec());
            g.writeEndObject();
          } else {
            g.writeNullField("via");
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeRef(JsonGenerator g, Node n) throws IOException {
    g.writeStartObject();
    writeRefFields(g, n);
    g.writeEndObject();
  }

  private static void writeRefFields(JsonGenerator g, Node n) throws IOException {
    g.writeStringField("location", n.location());
    g.writeStringField("name", n.name());
    g.writeStringField("version", n.version());
  }

  private static void writeNode(JsonGenerator g, DependencyGraph graph, Node n)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("location", n.location());
    g.writeStringField("name", n.name());
    g.writeStringField("version", n.version());
    g.writeStringField("packageName", n.packageName());
    writeSource(g, n.source());
    g.writeStringField("integrity", n.integrity());
    g.writeArrayFieldStart("flags");
    for (String f : TextRenderer.flagNames(n)) {
      g.writeString(f);
    }
    g.writeEndArray();
    g.writeStringField("license", n.license());
    if (n.linkTarget() >= 0) {
      g.writeStringField("linkTarget", graph.node(n.linkTarget()).location());
    } else {
      g.writeNullField("linkTarget");
    }
    g.writeStringField("unscannedReason", n.unscannedReason());
    g.writeEndObject();
  }

  private static void writeSource(JsonGenerator g, PackageSource source) throws IOException {
    g.writeObjectFieldStart("source");
    if (source instanceof PackageSource.Registry r) {
      g.writeStringField("type", "registry");
      g.writeStringField("resolved", r.resolved());
    } else if (source instanceof PackageSource.Git git) {
      g.writeStringField("type", "git");
      g.writeStringField("repository", git.repository());
      g.writeStringField("commit", git.commit());
      g.writeStringField("committish", git.committish());
    } else if (source instanceof PackageSource.RemoteTarball t) {
      g.writeStringField("type", "remoteTarball");
      g.writeStringField("url", t.url());
    } else if (source instanceof PackageSource.LocalPath p) {
      g.writeStringField("type", "localPath");
      g.writeStringField("path", p.path());
      g.writeBooleanField("directory", p.directory());
    } else if (source instanceof PackageSource.Link l) {
      g.writeStringField("type", "link");
      g.writeStringField("target", l.target());
    } else if (source instanceof PackageSource.Workspace w) {
      g.writeStringField("type", "workspace");
      g.writeStringField("path", w.path());
    } else if (source instanceof PackageSource.Alias a) {
      g.writeStringField("type", "alias");
      g.writeStringField("realName", a.realName().value());
      g.writeStringField("resolved", a.resolved());
    } else if (source instanceof PackageSource.Project) {
      g.writeStringField("type", "project");
    } else if (source instanceof PackageSource.Unknown u) {
      g.writeStringField("type", "unknown");
      g.writeStringField("raw", u.raw());
    } else {
      throw new IllegalStateException("unhandled source " + source.getClass().getName());
    }
    g.writeEndObject();
  }

  private static void writeEdge(JsonGenerator g, DependencyGraph graph, Edge e)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("from", graph.node(e.from()).location());
    if (e.missing()) {
      g.writeNullField("to");
    } else {
      g.writeStringField("to", graph.node(e.to()).location());
    }
    g.writeStringField("name", e.name());
    g.writeStringField("spec", e.spec());
    g.writeStringField("type", e.type().npmName());
    g.writeEndObject();
  }
}
