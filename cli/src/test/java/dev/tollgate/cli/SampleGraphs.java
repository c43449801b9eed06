package dev.tollgate.cli;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.api.PackageName;
import dev.tollgate.api.PackageSource;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import java.util.List;

/** Hand-made graphs for renderer tests, independent of the lockfile readers. */
final class SampleGraphs {

  static final String REG = "https://registry.example/";

  private SampleGraphs() {
  }

  /**
   * A small app with a prod chain, a dev dependency, a nested duplicate with an install script, an
   * optional package, a git package that is unscanned, a workspace link, an alias, a missing edge
   * and a package reached by two paths.
   *
   * @param reversed add nodes and edges in reverse order (the graph must come out the same)
   */
  static Lockfile sample(boolean reversed) {
    DependencyGraph.Builder b = DependencyGraph.builder();
    String[][] nodes = {
        {"", "my-app", "1.0.0"},
        {"node_modules/a", "a", "1.0.0"},
        {"node_modules/b", "b", "2.0.0"},
        {"node_modules/a/node_modules/b", "b", "1.0.0"},
        {"node_modules/c", "c", "0.1.0"},
        {"node_modules/opt", "opt", "3.1.4"},
        {"node_modules/shared", "shared", "1.2.3"},
        {"node_modules/str", "str", "4.2.3"},
        {"node_modules/ws", "ws", ""},
        {"packages/ws", "ws", "0.0.1"},
    };
    int[] id = new int[nodes.length];
    for (int k = 0; k < nodes.length; k++) {
      int i = reversed ? nodes.length - 1 - k : k;
      String[] n = nodes[i];
      PackageSource src = switch (n[1]) {
        case "my-app" -> new PackageSource.Project();
        case "c" -> new PackageSource.Git("git+ssh://git@example.com/x/c.git", "", "main");
        case "str" -> new PackageSource.Alias(PackageName.parse("string-width"),
            REG + "string-width/-/string-width-4.2.3.tgz");
        case "ws" -> n[0].startsWith("packages/") ? new PackageSource.Workspace("packages/ws")
            : new PackageSource.Link("packages/ws");
        default -> new PackageSource.Registry(REG + n[1] + "/-/" + n[1] + "-" + n[2] + ".tgz");
      };
      id[i] = b.addNode(n[1], n[2], n[0], src);
    }
    b.integrity(id[1], "sha512-aaaa");
    b.license(id[1], "MIT");
    b.flag(id[2], NodeFlag.DEV, true);
    b.flag(id[3], NodeFlag.HAS_INSTALL_SCRIPT, true);
    b.unscanned(id[4], "git dependency without a pinned commit");
    b.flag(id[5], NodeFlag.OPTIONAL, true);
    b.linkTarget(id[8], id[9]);
    b.workspaceRoot(id[9]);
    Object[][] edges = {
        {0, 1, "a", "^1.0.0", DependencyType.PROD},
        {0, 2, "b", "^2.0.0", DependencyType.DEV},
        {0, 5, "opt", "^3.0.0", DependencyType.OPTIONAL},
        {0, 8, "ws", "file:packages/ws", DependencyType.PROD},
        {0, -1, "ghost", "^9.9.9", DependencyType.PROD},
        {0, 7, "str", "npm:string-width@^4.2.0", DependencyType.PROD},
        {1, 3, "b", "^1.0.0", DependencyType.PROD},
        {1, 4, "c", "github:x/c#main", DependencyType.PROD},
        {1, 6, "shared", "^1.2.0", DependencyType.PROD},
        {9, 6, "shared", "~1.2.3", DependencyType.PROD},
        {3, -1, "fsevents", "^2", DependencyType.OPTIONAL},
    };
    for (int k = 0; k < edges.length; k++) {
      Object[] e = edges[reversed ? edges.length - 1 - k : k];
      int to = (Integer) e[1];
      b.addEdge(id[(Integer) e[0]], to < 0 ? -1 : id[to], (String) e[2], (String) e[3],
          (DependencyType) e[4]);
    }
    return new Lockfile("fixtures/my-app/package-lock.json", LockfileFormat.NPM_PACKAGE_LOCK, "3",
        b.build(), List.of("node_modules/c: git dependency without a pinned commit"));
  }

  /** A graph whose package name carries characters that need escaping in every format. */
  static Lockfile hostile() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    int root = b.addNode("root", "1.0.0", "", new PackageSource.Project());
    int evil = b.addNode("evil\"na\\me\n\u001b[31m", "1.0.0", "node_modules/evil",
        new PackageSource.Registry(""));
    b.addEdge(root, evil, "evil\"na\\me\n\u001b[31m", "^1 \"x\"", DependencyType.PROD);
    return new Lockfile("hostile/package-lock.json", LockfileFormat.NPM_PACKAGE_LOCK, "3",
        b.build(), List.of());
  }
}
