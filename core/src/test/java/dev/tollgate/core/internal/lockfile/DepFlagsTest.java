package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.Edge;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.api.PackageSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks {@link DepFlags} against the flags npm recorded in v2/v3 lockfiles, and small cases. */
class DepFlagsTest {

  static List<NpmFixtures.Variant> modernVariants() {
    return NpmFixtures.variants().stream().filter(v -> !v.variant().equals("npm-v1")).toList();
  }

  @Test
  void findsModernFixtures() {
    assertFalse(modernVariants().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modernVariants")
  void recomputedFlagsEqualTheFlagsNpmRecorded(NpmFixtures.Variant v) throws IOException {
    DependencyGraph g = NpmFixtures.read(v).graph();
    DependencyGraph.Builder b = DependencyGraph.builder();
    Map<String, Integer> byLoc = new HashMap<>();
    for (Node n : g.nodes()) {
      b.addNode(n.name(), n.version(), n.location(), n.source());
      byLoc.put(n.location(), n.id());
    }
    for (Node n : g.nodes()) {
      if (n.linkTarget() >= 0) {
        b.linkTarget(n.id(), n.linkTarget());
      }
    }
    for (Edge e : g.edges()) {
      b.addEdge(e.from(), e.to(), e.name(), e.spec(), e.type());
    }
    int[] parent = new int[g.size()];
    for (Node n : g.nodes()) {
      parent[n.id()] = resolveParent(n.location(), byLoc, g);
    }
    DepFlags.compute(b, g.root().id(), parent);
    DependencyGraph computed = b.build();
    List<String> diffs = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (n.id() == g.root().id()) {
        continue;
      }
      Node c = computed.nodeAt(n.location()).orElseThrow();
      if (n.has(NodeFlag.EXTRANEOUS) || c.has(NodeFlag.EXTRANEOUS)) {
        if (n.has(NodeFlag.EXTRANEOUS) != c.has(NodeFlag.EXTRANEOUS)) {
          diffs.add(n.location() + " extraneous: lock " + n.has(NodeFlag.EXTRANEOUS));
        }
        continue;
      }
      for (NodeFlag f : new NodeFlag[] {NodeFlag.DEV, NodeFlag.OPTIONAL, NodeFlag.DEV_OPTIONAL,
          NodeFlag.PEER}) {
        if (n.has(f) != c.has(f)) {
          diffs.add(n.location() + " " + f + ": lock " + n.has(f) + ", computed " + c.has(f));
        }
      }
    }
    System.out.printf("depflags agreement %s: %d nodes, %d differences%n", v, g.size() - 1,
        diffs.size());
    assertTrue(diffs.isEmpty(), String.join("\n", diffs));
  }

  /** The nearest ancestor folder that is a non-link node (Arborist's parent or fsParent). */
  private static int resolveParent(String loc, Map<String, Integer> byLoc, DependencyGraph g) {
    if (loc.isEmpty()) {
      return -1;
    }
    String dir = loc;
    while (!dir.isEmpty()) {
      int s = dir.lastIndexOf('/');
      dir = s < 0 ? "" : dir.substring(0, s);
      Integer a = byLoc.get(dir);
      if (a != null && g.node(a).linkTarget() < 0) {
        return a;
      }
    }
    return -1;
  }

  private static DependencyGraph.Builder chain() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    b.addNode("root", "1.0.0", "", new PackageSource.Project());
    b.addNode("a", "1.0.0", "node_modules/a", new PackageSource.Registry(""));
    b.addNode("b", "1.0.0", "node_modules/b", new PackageSource.Registry(""));
    b.addNode("c", "1.0.0", "node_modules/c", new PackageSource.Registry(""));
    b.addNode("d", "1.0.0", "node_modules/d", new PackageSource.Registry(""));
    return b;
  }

  @Test
  void marksDevOnlyOptionalOnlyAndBothPaths() {
    DependencyGraph.Builder b = chain();
    b.addEdge(0, 1, "a", "1", DependencyType.DEV);
    b.addEdge(0, 2, "b", "1", DependencyType.OPTIONAL);
    b.addEdge(1, 3, "c", "1", DependencyType.PROD);
    b.addEdge(2, 3, "c", "1", DependencyType.PROD);
    DepFlags.compute(b, 0, new int[] {-1, 0, 0, 0, 0});
    DependencyGraph g = b.build();
    Node a = g.nodeAt("node_modules/a").orElseThrow();
    Node bb = g.nodeAt("node_modules/b").orElseThrow();
    Node c = g.nodeAt("node_modules/c").orElseThrow();
    Node d = g.nodeAt("node_modules/d").orElseThrow();
    assertTrue(a.has(NodeFlag.DEV) && !a.has(NodeFlag.OPTIONAL));
    assertTrue(bb.has(NodeFlag.OPTIONAL) && !bb.has(NodeFlag.DEV));
    assertEquals(List.of(false, false, true), List.of(c.has(NodeFlag.DEV),
        c.has(NodeFlag.OPTIONAL), c.has(NodeFlag.DEV_OPTIONAL)));
    assertTrue(d.has(NodeFlag.EXTRANEOUS));
  }

  @Test
  void keepsPeerOnlyThroughPeerEdgesAndClearsItThroughProd() {
    DependencyGraph.Builder b = chain();
    b.addEdge(0, 1, "a", "1", DependencyType.PROD);
    b.addEdge(1, 2, "b", "1", DependencyType.PEER);
    b.addEdge(1, 3, "c", "1", DependencyType.PEER_OPTIONAL);
    b.addEdge(0, 4, "d", "1", DependencyType.PROD);
    b.addEdge(4, 2, "b", "1", DependencyType.PROD);
    DepFlags.compute(b, 0, null);
    DependencyGraph g = b.build();
    assertFalse(g.nodeAt("node_modules/b").orElseThrow().has(NodeFlag.PEER));
    Node c = g.nodeAt("node_modules/c").orElseThrow();
    assertTrue(c.has(NodeFlag.PEER) && c.has(NodeFlag.OPTIONAL));
    assertTrue(c.has(NodeFlag.EXTRANEOUS), "only reached through a peerOptional edge");
  }

  @Test
  void passesFlagsThroughLinksToTheirTargets() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    b.addNode("root", "1.0.0", "", new PackageSource.Project());
    b.addNode("w", "1.0.0", "node_modules/w", new PackageSource.Link("packages/w"));
    b.addNode("w", "1.0.0", "packages/w", new PackageSource.Workspace("packages/w"));
    b.addNode("x", "1.0.0", "node_modules/x", new PackageSource.Registry(""));
    b.linkTarget(1, 2);
    b.addEdge(0, 1, "w", "file:packages/w", DependencyType.WORKSPACE);
    b.addEdge(2, 3, "x", "1", DependencyType.DEV);
    DepFlags.compute(b, 0, new int[] {-1, 0, 0, 0});
    DependencyGraph g = b.build();
    assertFalse(g.nodeAt("packages/w").orElseThrow().has(NodeFlag.EXTRANEOUS));
    assertTrue(g.nodeAt("node_modules/x").orElseThrow().has(NodeFlag.DEV));
    assertFalse(g.nodeAt("node_modules/x").orElseThrow().has(NodeFlag.EXTRANEOUS));
  }
}
