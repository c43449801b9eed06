package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Edge;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.api.PackageSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the graph of every npm fixture variant with what Arborist 9's {@code loadVirtual()}
 * dumped for the same lockfile (see the fixtures' READMEs).
 */
class NpmLockReaderArboristTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<NpmFixtures.Variant> variants() {
    return NpmFixtures.variants();
  }

  @Test
  void findsFixturesWithArboristDumps() {
    assertFalse(variants().isEmpty(), "no npm fixture with an arborist dump found under "
        + NpmFixtures.roots());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void graphEqualsArboristsView(NpmFixtures.Variant v) throws IOException {
    DependencyGraph g = NpmFixtures.read(v).graph();
    JsonNode dump = MAPPER.readTree(v.dump().toFile());
    List<String> diffs = new ArrayList<>();
    int nodes = compareNodes(g, dump.get("nodes"), diffs);
    int edges = compareEdges(g, dump.get("edges"), diffs);
    System.out.printf("arborist agreement %s: %d nodes, %d edges compared, %d differences%n", v,
        nodes, edges, diffs.size());
    assertTrue(diffs.isEmpty(), v + ": " + diffs.size() + " differences:\n"
        + String.join("\n", diffs.subList(0, Math.min(60, diffs.size()))));
  }

  private static String str(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static boolean bool(JsonNode n, String f) {
    return n.path(f).asBoolean(false);
  }

  private static int compareNodes(DependencyGraph g, JsonNode nodes, List<String> diffs) {
    Map<String, JsonNode> want = new TreeMap<>();
    for (JsonNode n : nodes) {
      want.put(n.get("location").asText(), n);
    }
    TreeSet<String> have = new TreeSet<>();
    for (Node n : g.nodes()) {
      have.add(n.location());
    }
    if (!have.equals(want.keySet())) {
      TreeSet<String> missing = new TreeSet<>(want.keySet());
      missing.removeAll(have);
      TreeSet<String> extra = new TreeSet<>(have);
      extra.removeAll(want.keySet());
      diffs.add("locations: missing " + missing + ", extra " + extra);
    }
    List<Integer> wsRoots = g.workspaceRoots().stream().map(Node::id).toList();
    int compared = 0;
    for (Map.Entry<String, JsonNode> e : want.entrySet()) {
      Node n = g.nodeAt(e.getKey()).orElse(null);
      if (n == null) {
        continue;
      }
      compared++;
      JsonNode w = e.getValue();
      String at = "'" + e.getKey() + "' ";
      boolean link = bool(w, "isLink");
      boolean folder = !e.getKey().contains("node_modules");
      String wantName = folder && !link && str(w, "packageName") != null ? str(w, "packageName")
          : str(w, "name");
      check(diffs, at + "name", wantName, n.name());
      if (!link) {
        check(diffs, at + "packageName", str(w, "packageName"), n.packageName());
      }
      check(diffs, at + "version", orEmpty(str(w, "version")), n.version());
      if (!link) {
        String r = str(w, "resolved");
        String ours = resolved(n.source());
        if (r != null && r.startsWith("file:/") && ours != null && ours.startsWith("file:")) {
          if (!r.endsWith("/" + ours.substring(5))) {
            check(diffs, at + "resolved", r, ours);
          }
        } else {
          check(diffs, at + "resolved", r, ours);
        }
      }
      check(diffs, at + "integrity", orEmpty(str(w, "integrity")), n.integrity());
      check(diffs, at + "dev", bool(w, "dev"), n.has(NodeFlag.DEV));
      check(diffs, at + "optional", bool(w, "optional"), n.has(NodeFlag.OPTIONAL));
      check(diffs, at + "devOptional",
          bool(w, "devOptional") && !bool(w, "dev") && !bool(w, "optional"),
          n.has(NodeFlag.DEV_OPTIONAL));
      check(diffs, at + "peer", bool(w, "peer"), n.has(NodeFlag.PEER));
      check(diffs, at + "extraneous", bool(w, "extraneous"), n.has(NodeFlag.EXTRANEOUS));
      check(diffs, at + "inBundle", bool(w, "inBundle"), n.has(NodeFlag.BUNDLED));
      check(diffs, at + "hasInstallScript", bool(w, "hasInstallScript"),
          n.has(NodeFlag.HAS_INSTALL_SCRIPT));
      check(diffs, at + "isLink", link, n.linkTarget() >= 0);
      if (link) {
        check(diffs, at + "target", str(w, "target"),
            n.linkTarget() < 0 ? null : g.node(n.linkTarget()).location());
        check(diffs, at + "source", new PackageSource.Link(str(w, "target")), n.source());
      } else {
        check(diffs, at + "isWorkspace", bool(w, "isWorkspace"), wsRoots.contains(n.id()));
      }
      if (!link) {
        check(diffs, at + "license", orEmpty(str(w, "license")), n.license());
      }
    }
    return compared;
  }

  private static String resolved(PackageSource s) {
    if (s instanceof PackageSource.Registry r) {
      return r.resolved().isEmpty() ? null : r.resolved();
    }
    if (s instanceof PackageSource.Alias a) {
      return a.resolved().isEmpty() ? null : a.resolved();
    }
    if (s instanceof PackageSource.Git git) {
      return git.repository() + "#" + (git.commit().isEmpty() ? git.committish() : git.commit());
    }
    if (s instanceof PackageSource.RemoteTarball t) {
      return t.url();
    }
    if (s instanceof PackageSource.LocalPath p) {
      return p.directory() ? null : "file:" + p.path();
    }
    if (s instanceof PackageSource.Unknown u) {
      return u.raw().isEmpty() ? null : u.raw();
    }
    return null;
  }

  private static int compareEdges(DependencyGraph g, JsonNode edges, List<String> diffs) {
    Map<String, JsonNode> want = new TreeMap<>();
    for (JsonNode e : edges) {
      want.put(e.get("from").asText() + " -> " + e.get("name").asText(), e);
    }
    Map<String, Edge> have = new TreeMap<>();
    for (Edge e : g.edges()) {
      String key = g.node(e.from()).location() + " -> " + e.name();
      if (have.put(key, e) != null) {
        diffs.add("duplicate edge " + key);
      }
    }
    if (!have.keySet().equals(want.keySet())) {
      TreeSet<String> missing = new TreeSet<>(want.keySet());
      missing.removeAll(have.keySet());
      TreeSet<String> extra = new TreeSet<>(have.keySet());
      extra.removeAll(want.keySet());
      diffs.add("edges: missing " + missing + ", extra " + extra);
    }
    int compared = 0;
    for (Map.Entry<String, JsonNode> e : want.entrySet()) {
      Edge ours = have.get(e.getKey());
      if (ours == null) {
        continue;
      }
      compared++;
      JsonNode w = e.getValue();
      String at = "edge '" + e.getKey() + "' ";
      check(diffs, at + "type", w.get("type").asText(), ours.type().npmName());
      String spec = str(w, "spec");
      if (ours.type().npmName().equals("workspace") && spec != null
          && spec.startsWith("file:/")) {
        if (!spec.endsWith("/" + ours.spec().substring(5))) {
          check(diffs, at + "spec", spec, ours.spec());
        }
      } else {
        check(diffs, at + "spec", orEmpty(spec), ours.spec());
      }
      check(diffs, at + "to", str(w, "to"), ours.to() < 0 ? null : g.node(ours.to()).location());
    }
    return compared;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void check(List<String> diffs, String what, Object want, Object have) {
    if (!java.util.Objects.equals(want, have)) {
      diffs.add(what + ": arborist " + want + ", ours " + have);
    }
  }

  @Test
  void reportsAgreementNumbers() {
    assertEquals(variants().size(), variants().stream().map(Object::toString).distinct().count());
  }
}
