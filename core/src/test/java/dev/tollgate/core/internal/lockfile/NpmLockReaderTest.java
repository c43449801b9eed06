package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.Edge;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.api.PackageName;
import dev.tollgate.api.PackageSource;
import dev.tollgate.core.Lockfile;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NpmLockReaderTest {

  private static final String SHA = "3b02f089951e3c2eb558659b146cc860ef5767ef";

  private static DependencyGraph graph(String json) throws IOException {
    return NpmFixtures.read(json).graph();
  }

  private static String v3(String packages) {
    return "{\"name\":\"app\",\"version\":\"1.0.0\",\"lockfileVersion\":3,\"requires\":true,"
        + "\"packages\":{" + packages + "}}";
  }

  private static Node at(DependencyGraph g, String loc) {
    return g.nodeAt(loc).orElseThrow(() -> new AssertionError("no node at " + loc));
  }

  private static Edge edge(DependencyGraph g, String fromLoc, String name) {
    return g.edgesFrom(at(g, fromLoc).id()).stream().filter(e -> e.name().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no edge " + fromLoc + " -> " + name));
  }

  @Test
  void readsRootAndRegistryPackagesOfV3() throws IOException {
    DependencyGraph g = graph(v3("""
        "": {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0"}},
        "node_modules/a": {"version": "1.2.0",
          "resolved": "https://registry.example/a/-/a-1.2.0.tgz",
          "integrity": "sha512-abc", "license": "MIT", "engines": {"node": ">=14"},
          "os": ["linux"], "cpu": ["x64"], "hasInstallScript": true}
        """));
    Node root = g.root();
    assertEquals("app", root.name());
    assertEquals("1.0.0", root.version());
    assertEquals(new PackageSource.Project(), root.source());
    Node a = at(g, "node_modules/a");
    assertEquals("1.2.0", a.version());
    assertEquals(new PackageSource.Registry("https://registry.example/a/-/a-1.2.0.tgz"),
        a.source());
    assertEquals("sha512-abc", a.integrity());
    assertEquals("MIT", a.license());
    assertEquals(Map.of("node", ">=14"), a.engines());
    assertEquals(List.of("linux"), a.os());
    assertEquals(List.of("x64"), a.cpu());
    assertTrue(a.has(NodeFlag.HAS_INSTALL_SCRIPT));
    Edge e = edge(g, "", "a");
    assertEquals(a.id(), e.to());
    assertEquals("^1.0.0", e.spec());
    assertEquals(DependencyType.PROD, e.type());
  }

  @Test
  void takesTheRootNameAndVersionFromTheDocumentWhenTheRootEntryLacksThem() throws IOException {
    DependencyGraph g = graph(v3("\"\": {\"dependencies\": {}}"));
    assertEquals("app", g.root().name());
    assertEquals("1.0.0", g.root().version());
  }

  @Test
  void readsRegistryPackageWithoutResolved() throws IOException {
    DependencyGraph g = graph(v3("\"node_modules/a\": {\"version\": \"1.0.0\"}"));
    assertEquals(new PackageSource.Registry(""), at(g, "node_modules/a").source());
  }

  @Test
  void readsAnAliasWhenTheEntryNameDiffersFromItsLocation() throws IOException {
    DependencyGraph g = graph(v3("""
        "": {"dependencies": {"str": "npm:string-width@^4.2.0"}},
        "node_modules/str": {"name": "string-width", "version": "4.2.3",
          "resolved": "https://registry.example/string-width/-/string-width-4.2.3.tgz"}
        """));
    Node n = at(g, "node_modules/str");
    assertEquals("str", n.name());
    assertEquals("string-width", n.packageName());
    assertEquals(new PackageSource.Alias(PackageName.parse("string-width"),
        "https://registry.example/string-width/-/string-width-4.2.3.tgz"), n.source());
    assertEquals(n.id(), edge(g, "", "str").to());
  }

  @Test
  void readsGitSources() throws IOException {
    DependencyGraph g = graph(v3("""
        "": {"dependencies": {"g": "github:user/g#v1.0.0", "h": "git+https://host.example/h.git"}},
        "node_modules/g": {"version": "1.0.0",
          "resolved": "git+ssh://git@github.com/user/g.git#%s"},
        "node_modules/h": {"version": "2.0.0", "resolved": "git+https://host.example/h.git#main"}
        """.formatted(SHA)));
    assertEquals(new PackageSource.Git("git+ssh://git@github.com/user/g.git", SHA, "v1.0.0"),
        at(g, "node_modules/g").source());
    assertEquals(new PackageSource.Git("git+https://host.example/h.git", "", "main"),
        at(g, "node_modules/h").source());
  }

  @Test
  void readsRemoteAndLocalTarballs() throws IOException {
    DependencyGraph g = graph(v3("""
        "node_modules/r": {"version": "1.0.0", "resolved": "https://cdn.example/files/r.tgz"},
        "node_modules/t": {"version": "1.0.0", "resolved": "file:vendor/t-1.0.0.tgz"}
        """));
    assertEquals(new PackageSource.RemoteTarball("https://cdn.example/files/r.tgz"),
        at(g, "node_modules/r").source());
    assertEquals(new PackageSource.LocalPath("vendor/t-1.0.0.tgz", false),
        at(g, "node_modules/t").source());
  }

  @Test
  void readsLinksToLocalDirectories() throws IOException {
    DependencyGraph g = graph(v3("""
        "": {"dependencies": {"lib": "file:libs/lib"}},
        "libs/lib": {"name": "lib", "version": "0.1.0", "dependencies": {"ms": "^2"},
          "devDependencies": {"x": "1"}},
        "node_modules/lib": {"resolved": "libs/lib", "link": true},
        "node_modules/ms": {"version": "2.1.3"}
        """));
    Node link = at(g, "node_modules/lib");
    Node target = at(g, "libs/lib");
    assertEquals(new PackageSource.Link("libs/lib"), link.source());
    assertEquals(target.id(), link.linkTarget());
    assertEquals("0.1.0", link.version());
    assertEquals(new PackageSource.LocalPath("libs/lib", true), target.source());
    assertEquals(at(g, "node_modules/ms").id(), edge(g, "libs/lib", "ms").to());
    assertEquals(-1, edge(g, "libs/lib", "x").to(), "dev edges of link targets are kept");
    assertTrue(g.edgesFrom(link.id()).isEmpty());
  }

  @Test
  void readsWorkspacesWithWorkspaceEdgesFromTheRoot() throws IOException {
    DependencyGraph g = graph(v3("""
        "": {"workspaces": ["packages/*"], "devDependencies": {"t": "1"}},
        "node_modules/@w/a": {"resolved": "packages/a", "link": true},
        "node_modules/t": {"version": "1.0.0", "dev": true},
        "packages/a": {"name": "@w/a", "version": "2.0.0", "dependencies": {"t": "1"},
          "devDependencies": {"u": "1"}}
        """));
    Node ws = at(g, "packages/a");
    assertEquals("@w/a", ws.name());
    assertEquals(new PackageSource.Workspace("packages/a"), ws.source());
    assertEquals(List.of(ws), g.workspaceRoots());
    Edge e = edge(g, "", "@w/a");
    assertEquals(DependencyType.WORKSPACE, e.type());
    assertEquals("file:packages/a", e.spec());
    assertEquals(at(g, "node_modules/@w/a").id(), e.to());
    assertEquals(at(g, "node_modules/t").id(), edge(g, "packages/a", "t").to(),
        "a workspace folder's parent is the root");
    assertEquals(DependencyType.DEV, edge(g, "packages/a", "u").type());
  }

  @Test
  void resolvesThroughNodeModulesParentsAndRecordsMissingEdges() throws IOException {
    DependencyGraph g = graph(v3("""
        "": {"dependencies": {"a": "1", "gone": "1"}},
        "node_modules/a": {"version": "1.0.0", "dependencies": {"b": "2", "c": "1"},
          "peerDependencies": {"p": "1", "q": "1"}, "peerDependenciesMeta": {"q": {"optional": true}},
          "optionalDependencies": {"o": "1"}, "devDependencies": {"d": "1"}},
        "node_modules/a/node_modules/b": {"version": "2.0.0", "dependencies": {"c": "1"}},
        "node_modules/b": {"version": "1.0.0", "extraneous": true},
        "node_modules/c": {"version": "1.0.0"}
        """));
    assertEquals(at(g, "node_modules/a/node_modules/b").id(), edge(g, "node_modules/a", "b").to());
    assertEquals(at(g, "node_modules/c").id(),
        edge(g, "node_modules/a/node_modules/b", "c").to());
    assertEquals(-1, edge(g, "", "gone").to());
    assertEquals(DependencyType.PEER, edge(g, "node_modules/a", "p").type());
    assertEquals(DependencyType.PEER_OPTIONAL, edge(g, "node_modules/a", "q").type());
    assertEquals(DependencyType.OPTIONAL, edge(g, "node_modules/a", "o").type());
    assertTrue(g.edgesFrom(at(g, "node_modules/a").id()).stream()
        .noneMatch(e -> e.name().equals("d")), "dev deps of installed packages are not edges");
    assertTrue(at(g, "node_modules/b").has(NodeFlag.EXTRANEOUS));
  }

  @Test
  void readsFlagsAsRecorded() throws IOException {
    DependencyGraph g = graph(v3("""
        "node_modules/d": {"version": "1.0.0", "dev": true},
        "node_modules/o": {"version": "1.0.0", "optional": true},
        "node_modules/x": {"version": "1.0.0", "devOptional": true},
        "node_modules/p": {"version": "1.0.0", "peer": true},
        "node_modules/b": {"version": "1.0.0", "bundleDependencies": ["c"],
          "dependencies": {"c": "1"}},
        "node_modules/b/node_modules/c": {"version": "1.0.0", "inBundle": true}
        """));
    assertTrue(at(g, "node_modules/d").has(NodeFlag.DEV));
    assertFalse(at(g, "node_modules/d").has(NodeFlag.DEV_OPTIONAL));
    assertTrue(at(g, "node_modules/o").has(NodeFlag.OPTIONAL));
    assertTrue(at(g, "node_modules/x").has(NodeFlag.DEV_OPTIONAL));
    assertTrue(at(g, "node_modules/p").has(NodeFlag.PEER));
    assertTrue(at(g, "node_modules/b/node_modules/c").has(NodeFlag.BUNDLED));
    assertFalse(at(g, "node_modules/b").has(NodeFlag.BUNDLED));
  }

  @Test
  void marksUnclassifiableSourcesUnscanned() throws IOException {
    DependencyGraph g = graph(v3("""
        "node_modules/w": {"version": "1.0.0", "resolved": "weird:thing"},
        "node_modules/v": {}
        """));
    Node w = at(g, "node_modules/w");
    assertEquals(new PackageSource.Unknown("weird:thing"), w.source());
    assertTrue(w.has(NodeFlag.UNSCANNED));
    assertFalse(w.unscannedReason().isEmpty());
    assertTrue(at(g, "node_modules/v").has(NodeFlag.UNSCANNED));
  }

  @Test
  void readsV1TreesAsArboristConvertsThem() throws IOException {
    String json = """
        {"name": "app", "version": "1.0.0", "lockfileVersion": 1, "requires": true,
         "dependencies": {
           "a": {"version": "1.0.0", "resolved": "https://registry.example/a/-/a-1.0.0.tgz",
             "integrity": "sha512-a", "requires": {"b": "^2.0.0", "o": "1"},
             "dependencies": {"b": {"version": "2.0.0", "integrity": "sha512-b"}}},
           "b": {"version": "1.0.0", "integrity": "sha512-b1", "dev": true},
           "o": {"version": "1.0.0", "integrity": "sha512-o", "optional": true},
           "al": {"version": "npm:real@3.0.0", "integrity": "sha512-r",
             "resolved": "https://registry.example/real/-/real-3.0.0.tgz"},
           "g": {"version": "git+ssh://git@host.example/u/g.git#%s", "from": "g@git+ssh://git@host.example/u/g.git#v1"},
           "t": {"version": "file:vendor/t-1.2.3.tgz", "integrity": "sha512-t"},
           "l": {"version": "file:libs/l", "requires": {"a": "1"}},
           "bun": {"version": "1.0.0", "integrity": "sha512-x", "requires": {"in": "1"},
             "dependencies": {"in": {"version": "1.0.0", "bundled": true}}}
         }}
        """.formatted(SHA);
    ProjectFiles project = (dir, limits) -> dir.isEmpty()
        ? Optional.of(new PackageJson("app", "1.0.0", Map.of("a", "1", "al", "npm:real@3",
            "g", "git+ssh://git@host.example/u/g.git#v1", "t", "file:vendor/t-1.2.3.tgz",
            "l", "file:libs/l", "bun", "1"), Map.of("b", "1"), Map.of("o", "1"), Map.of(),
            List.of(), List.of(), List.of(), "MIT", Map.of()))
        : Optional.empty();
    Lockfile lock = NpmFixtures.read(json, project, Limits.defaults());
    assertEquals("1", lock.formatVersion());
    DependencyGraph g = lock.graph();
    assertEquals(at(g, "node_modules/a/node_modules/b").id(), edge(g, "node_modules/a", "b").to());
    assertEquals(DependencyType.OPTIONAL, edge(g, "node_modules/a", "o").type());
    assertEquals(DependencyType.DEV, edge(g, "", "b").type());
    assertTrue(at(g, "node_modules/b").has(NodeFlag.DEV));
    Node al = at(g, "node_modules/al");
    assertEquals("3.0.0", al.version());
    assertEquals("real", al.packageName());
    Node git = at(g, "node_modules/g");
    assertEquals("", git.version());
    assertEquals(new PackageSource.Git("git+ssh://git@host.example/u/g.git", SHA, "v1"),
        git.source());
    Node t = at(g, "node_modules/t");
    assertEquals("1.2.3", t.version());
    assertEquals(new PackageSource.LocalPath("vendor/t-1.2.3.tgz", false), t.source());
    Node l = at(g, "node_modules/l");
    assertEquals(at(g, "libs/l").id(), l.linkTarget());
    assertEquals(at(g, "node_modules/a").id(), edge(g, "libs/l", "a").to());
    assertTrue(at(g, "node_modules/bun/node_modules/in").has(NodeFlag.BUNDLED));
  }

  @Test
  void readsV1RootEdgesOnlyFromThePackageJson() throws IOException {
    DependencyGraph g = graph("""
        {"name": "app", "lockfileVersion": 1, "dependencies": {"a": {"version": "1.0.0"}}}
        """);
    assertTrue(g.edgesFrom(g.root().id()).isEmpty());
    assertEquals("app", g.root().name());
  }

  @Test
  void prefersPackagesOverDependenciesInV2() throws IOException {
    DependencyGraph g = graph("""
        {"lockfileVersion": 2, "dependencies": {"old": {"version": "1.0.0"}},
         "packages": {"": {"name": "x"}, "node_modules/new": {"version": "1.0.0"}}}
        """);
    assertTrue(g.nodeAt("node_modules/new").isPresent());
    assertFalse(g.nodeAt("node_modules/old").isPresent());
  }

  @Test
  void refusesUnsupportedLockfileVersionsNamingFormatAndVersion() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> graph("{\n  \"lockfileVersion\": 4,\n  \"packages\": {}\n}"));
    assertEquals("package-lock.json:2:22: package-lock.json lockfileVersion \"4\" is not"
        + " supported: expected 1, 2 or 3; regenerate the lockfile with npm 7 or later; see"
        + " docs/errors.md#unsupported-lockfile", e.getMessage());
    assertEquals(2, e.line());
  }

  @Test
  void refusesMalformedJsonNamingFileLineAndColumn() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> graph("{\n  \"lockfileVersion\": 3,\n  \"packages\": {,}\n}"));
    assertTrue(e.getMessage().startsWith("package-lock.json:3:16: malformed JSON: "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("see docs/errors.md#malformed-lockfile"), e.getMessage());
    assertEquals(3, e.line());
  }

  @Test
  void refusesDocumentsThatAreNotObjects() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> graph("[1]"));
    assertEquals("package-lock.json:1:1: a package-lock must hold a JSON object; see"
        + " docs/errors.md#malformed-lockfile", e.getMessage());
    assertThrows(InvalidInputException.class, () -> graph(""));
    assertThrows(InvalidInputException.class, () -> graph("{} {}"));
  }

  @Test
  void refusesLinksToMissingTargets() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> graph(v3("\"node_modules/x\": {\"link\": true, \"resolved\": \"nowhere\"}")));
    assertTrue(e.getMessage().contains("\"node_modules/x\" points at \"nowhere\""),
        e.getMessage());
  }

  @Test
  void lastDuplicateEntryWinsAsInJavaScript() throws IOException {
    DependencyGraph g = graph(v3("""
        "node_modules/a": {"version": "1.0.0"},
        "node_modules/./a": {"version": "2.0.0"}
        """));
    assertEquals("2.0.0", at(g, "node_modules/a").version());
    assertEquals(2, g.size());
  }
}
