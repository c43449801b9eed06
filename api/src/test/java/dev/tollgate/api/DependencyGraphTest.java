package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  private static final PackageSource REG = new PackageSource.Registry("");

  /** root -> a -> c@1, root -(dev)-> b -> c@2 (nested), b -> a. */
  private static DependencyGraph sample() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    int c2 = b.addNode("c", "2.0.0", "node_modules/b/node_modules/c", REG);
    int root = b.addNode("app", "1.0.0", "", new PackageSource.Project());
    int a = b.addNode("a", "1.0.0", "node_modules/a", REG);
    int bb = b.addNode("b", "1.0.0", "node_modules/b", REG);
    int c1 = b.addNode("c", "1.0.0", "node_modules/c", REG);
    b.flag(bb, NodeFlag.DEV, true).flag(c2, NodeFlag.DEV, true);
    b.addEdge(root, a, "a", "^1.0.0", DependencyType.PROD);
    b.addEdge(root, bb, "b", "^1.0.0", DependencyType.DEV);
    b.addEdge(a, c1, "c", "^1.0.0", DependencyType.PROD);
    b.addEdge(bb, c2, "c", "^2.0.0", DependencyType.PROD);
    b.addEdge(bb, a, "a", "*", DependencyType.PROD);
    b.addEdge(bb, -1, "d", "^1.0.0", DependencyType.PROD);
    return b.build();
  }

  @Test
  void ordersNodesByLocationWithRootFirst() {
    DependencyGraph g = sample();
    assertEquals(List.of("", "node_modules/a", "node_modules/b", "node_modules/b/node_modules/c",
        "node_modules/c"), g.nodes().stream().map(Node::location).toList());
    assertEquals("app", g.root().name());
  }

  @Test
  void findsEveryPathFromTheRootLikeNpmExplain() {
    DependencyGraph g = sample();
    Node c1 = g.find("c", "1.0.0").get(0);
    List<String> paths = g.pathsTo(c1.id(), 10).stream()
        .map(p -> p.stream().map(Node::key).collect(Collectors.joining(" > "))).toList();
    assertEquals(List.of("app@1.0.0 > a@1.0.0 > c@1.0.0", "app@1.0.0 > b@1.0.0 > a@1.0.0 > c@1.0.0"),
        paths);
    assertEquals(1, g.pathsTo(c1.id(), 1).size());
  }

  @Test
  void prodViewDropsDevNodesAndTheirEdges() {
    DependencyGraph prod = sample().prodOnly();
    assertEquals(List.of("app", "a", "c"), prod.nodes().stream().map(Node::name).toList());
    assertEquals(2, prod.edgeCount());
    DependencyGraph dev = sample().devOnly();
    assertEquals(List.of("app", "b", "c"), dev.nodes().stream().map(Node::name).toList());
  }

  @Test
  void reportsDuplicatesAndStatistics() {
    DependencyGraph g = sample();
    assertEquals(Map.of("c", List.of("1.0.0", "2.0.0")), g.duplicates());
    GraphStats s = g.stats();
    assertEquals(4, s.packages());
    assertEquals(2, s.dev());
    assertEquals(2, s.prod());
    assertEquals(1, s.missingEdges());
    assertEquals(2, s.maxDepth());
    assertEquals(1, s.duplicatedNames());
  }

  @Test
  void buildsTheSameGraphWhateverTheInsertionOrder() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    int a = b.addNode("a", "1.0.0", "node_modules/a", REG);
    int root = b.addNode("app", "1.0.0", "", new PackageSource.Project());
    b.addEdge(root, a, "a", "1", DependencyType.PROD);
    DependencyGraph g1 = b.build();
    DependencyGraph.Builder b2 = DependencyGraph.builder();
    int root2 = b2.addNode("app", "1.0.0", "", new PackageSource.Project());
    int a2 = b2.addNode("a", "1.0.0", "node_modules/a", REG);
    b2.addEdge(root2, a2, "a", "1", DependencyType.PROD);
    DependencyGraph g2 = b2.build();
    assertEquals(g1.nodes(), g2.nodes());
    assertEquals(g1.edges(), g2.edges());
  }

  @Test
  void rejectsDuplicateLocations() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    b.addNode("a", "1.0.0", "node_modules/a", REG);
    assertThrows(IllegalArgumentException.class,
        () -> b.addNode("a", "2.0.0", "node_modules/a", REG));
  }

  @Test
  void followsLinksToTheirTargetsWhenExplaining() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    int root = b.addNode("app", "", "", new PackageSource.Project());
    int link = b.addNode("ws", "", "node_modules/ws", new PackageSource.Link("packages/ws"));
    int ws = b.addNode("ws", "1.0.0", "packages/ws", new PackageSource.Workspace("packages/ws"));
    int dep = b.addNode("dep", "1.0.0", "node_modules/dep", REG);
    b.linkTarget(link, ws).workspaceRoot(ws);
    b.addEdge(root, link, "ws", "packages/ws", DependencyType.WORKSPACE);
    b.addEdge(ws, dep, "dep", "^1", DependencyType.PROD);
    DependencyGraph g = b.build();
    List<List<Node>> paths = g.pathsTo(g.find("dep").get(0).id(), 5);
    assertEquals(List.of("", "node_modules/ws", "packages/ws", "node_modules/dep"),
        paths.get(0).stream().map(Node::location).toList());
    assertEquals(1, g.linksTo(g.nodeAt("packages/ws").orElseThrow().id()).size());
  }

  @Test
  void explainsAMillionDeepChainWithoutRecursion() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    int prev = b.addNode("app", "", "", new PackageSource.Project());
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      int next = b.addNode("p" + i, "1.0.0", "node_modules/p" + i, REG);
      b.addEdge(prev, next, "p" + i, "1", DependencyType.PROD);
      prev = next;
    }
    DependencyGraph g = b.build();
    List<List<Node>> paths = g.pathsTo(g.find("p" + (n - 1)).get(0).id(), 3);
    assertEquals(1, paths.size());
    assertEquals(n + 1, paths.get(0).size());
    assertEquals(n, g.stats().maxDepth());
  }
}
