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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PnpmLockReaderTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures/pnpm");

  static Lockfile read(String yaml) throws IOException {
    return new PnpmLockReader().read("pnpm-lock.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), ProjectFiles.none(),
        Limits.defaults());
  }

  static Lockfile fixture(String name) throws IOException {
    Path f = FIXTURES.resolve(name).resolve("pnpm-lock.yaml");
    try (InputStream in = Files.newInputStream(f)) {
      return new PnpmLockReader().read("pnpm-lock.yaml", in, ProjectFiles.none(),
          Limits.defaults());
    }
  }

  static Node at(DependencyGraph g, String location) {
    return g.nodeAt(location).orElseThrow(() -> new AssertionError("no node at " + location
        + " in " + g.nodes().stream().map(Node::location).toList()));
  }

  static Edge edge(DependencyGraph g, int from, String name) {
    return g.edgesFrom(from).stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no edge " + name));
  }

  static InvalidInputException invalid(String yaml) {
    return assertThrows(InvalidInputException.class, () -> read(yaml));
  }

  // ---- shapes ----

  @Test
  void readsRootLevelSectionsOfLockfile5() throws IOException {
    Lockfile lock = read("""
        lockfileVersion: 5.4

        specifiers:
          a: ^1.0.0
          d: ~2.0.0

        dependencies:
          a: 1.0.1

        devDependencies:
          d: 2.0.3

        packages:

          /a/1.0.1:
            resolution: {integrity: sha512-aaa}
            engines: {node: '>=8'}
            dependencies:
              b: 3.0.0
            dev: false

          /b/3.0.0:
            resolution: {integrity: sha512-bbb}
            requiresBuild: true
            os: [darwin, linux]
            cpu: [x64]
            dev: false

          /d/2.0.3:
            resolution: {integrity: sha512-ddd}
            dev: true
        """);
    assertEquals("5.4", lock.formatVersion());
    assertEquals(List.of(), lock.warnings());
    DependencyGraph g = lock.graph();
    assertEquals(4, g.size());
    Node root = g.root();
    assertEquals("", root.location());
    assertEquals(new PackageSource.Project(), root.source());
    Edge a = edge(g, root.id(), "a");
    assertEquals("^1.0.0", a.spec());
    assertEquals(DependencyType.PROD, a.type());
    assertEquals("node_modules/.pnpm/a@1.0.1/node_modules/a", g.node(a.to()).location());
    assertEquals(DependencyType.DEV, edge(g, root.id(), "d").type());
    Node b = at(g, "node_modules/.pnpm/b@3.0.0/node_modules/b");
    assertEquals("3.0.0", b.version());
    assertEquals("sha512-bbb", b.integrity());
    assertEquals(new PackageSource.Registry(""), b.source());
    assertTrue(b.flags().contains(NodeFlag.HAS_INSTALL_SCRIPT));
    assertEquals(List.of("darwin", "linux"), b.os());
    assertEquals(List.of("x64"), b.cpu());
    assertEquals(Map.of("node", ">=8"), at(g, "node_modules/.pnpm/a@1.0.1/node_modules/a")
        .engines());
    assertEquals("3.0.0", edge(g, g.node(a.to()).id(), "b").spec());
    assertTrue(at(g, "node_modules/.pnpm/d@2.0.3/node_modules/d").flags()
        .contains(NodeFlag.DEV));
    assertFalse(b.flags().contains(NodeFlag.DEV));
  }

  @Test
  void readsInlineSpecifiersAndScopedNamesOfLockfile6() throws IOException {
    Lockfile lock = read("""
        lockfileVersion: '6.0'

        dependencies:
          '@s/x':
            specifier: ^1.2.0
            version: 1.2.3

        optionalDependencies:
          o:
            specifier: '*'
            version: 0.1.0

        packages:

          /@s/x@1.2.3:
            resolution: {integrity: sha512-x}
            dependencies:
              o: 0.1.0
            dev: false

          /o@0.1.0:
            resolution: {integrity: sha512-o, tarball: https://example.test/o/-/o-0.1.0.tgz}
            dev: false
        """);
    DependencyGraph g = lock.graph();
    Node x = at(g, "node_modules/.pnpm/@s+x@1.2.3/node_modules/@s/x");
    assertEquals("@s/x", x.name());
    assertEquals("^1.2.0", edge(g, g.root().id(), "@s/x").spec());
    Node o = at(g, "node_modules/.pnpm/o@0.1.0/node_modules/o");
    assertEquals(new PackageSource.Registry("https://example.test/o/-/o-0.1.0.tgz"), o.source());
    assertEquals(DependencyType.OPTIONAL, edge(g, g.root().id(), "o").type());
    // optional from the root, but a prod dependency of @s/x too
    assertFalse(o.flags().contains(NodeFlag.OPTIONAL));
  }

  @Test
  void readsSnapshotsWithPackageMetadataOfLockfile9() throws IOException {
    Lockfile lock = read("""
        lockfileVersion: '9.0'

        importers:

          .:
            dependencies:
              a:
                specifier: ^1.0.0
                version: 1.0.0
            devDependencies:
              t:
                specifier: ^5
                version: 5.0.0

        packages:

          a@1.0.0:
            resolution: {integrity: sha512-a}
            engines: {node: '>=18'}
            os: [linux]

          t@5.0.0:
            resolution: {integrity: sha512-t}
            hasBin: true

          u@1.0.0:
            resolution: {integrity: sha512-u}

        snapshots:

          a@1.0.0:
            dependencies:
              u: 1.0.0

          t@5.0.0:
            dependencies:
              u: 1.0.0

          u@1.0.0: {}
        """);
    DependencyGraph g = lock.graph();
    assertEquals(4, g.size());
    Node a = at(g, "node_modules/.pnpm/a@1.0.0/node_modules/a");
    assertEquals("sha512-a", a.integrity());
    assertEquals(List.of("linux"), a.os());
    assertTrue(at(g, "node_modules/.pnpm/t@5.0.0/node_modules/t").flags()
        .contains(NodeFlag.DEV));
    assertFalse(at(g, "node_modules/.pnpm/u@1.0.0/node_modules/u").flags()
        .contains(NodeFlag.DEV));
    assertTrue(g.nodes().stream().noneMatch(n -> n.flags().contains(NodeFlag.HAS_INSTALL_SCRIPT)));
  }

  @Test
  void keepsPeerVariantsAsSeparateNodesWithPeerEdges() throws IOException {
    Lockfile lock = read("""
        lockfileVersion: '9.0'

        importers:

          .:
            dependencies:
              dom:
                specifier: ^1
                version: 1.0.0(r@1.0.0)
              dom2:
                specifier: npm:dom@^1
                version: dom@1.0.0(r@2.0.0)
              r:
                specifier: ^1
                version: 1.0.0

        packages:

          dom@1.0.0:
            resolution: {integrity: sha512-d}
            peerDependencies:
              r: '>=1'
              s: '*'
            peerDependenciesMeta:
              s:
                optional: true

          r@1.0.0:
            resolution: {integrity: sha512-r1}

          r@2.0.0:
            resolution: {integrity: sha512-r2}

        snapshots:

          dom@1.0.0(r@1.0.0):
            dependencies:
              r: 1.0.0

          dom@1.0.0(r@2.0.0):
            dependencies:
              r: 2.0.0

          r@1.0.0: {}

          r@2.0.0: {}
        """);
    assertEquals(List.of(), lock.warnings());
    DependencyGraph g = lock.graph();
    Node d1 = at(g, "node_modules/.pnpm/dom@1.0.0_r@1.0.0/node_modules/dom");
    Node d2 = at(g, "node_modules/.pnpm/dom@1.0.0_r@2.0.0/node_modules/dom");
    assertEquals("sha512-d", d2.integrity());
    Edge peer = edge(g, d2.id(), "r");
    assertEquals(DependencyType.PEER, peer.type());
    assertEquals(">=1", peer.spec());
    assertEquals("2.0.0", g.node(peer.to()).version());
    Edge optionalPeer = edge(g, d1.id(), "s");
    assertEquals(DependencyType.PEER_OPTIONAL, optionalPeer.type());
    assertEquals(-1, optionalPeer.to());
    assertEquals(d2.id(), edge(g, g.root().id(), "dom2").to());
    assertEquals("npm:dom@^1", edge(g, g.root().id(), "dom2").spec());
  }

  @Test
  void escapesLockfile5PeerSuffixesAndScopes() {
    assertEquals("@babel+core@7.0.0_react@18.2.0",
        PnpmLockReader.escape("/@babel/core/7.0.0_react@18.2.0", 5));
    assertEquals("a@1.0.0_b@1.0.0_@c+d@2.0.0",
        PnpmLockReader.escape("/a@1.0.0(b@1.0.0)(@c/d@2.0.0)", 6));
    assertEquals("a@1.0.0_b@1.0.0", PnpmLockReader.escape("a@1.0.0(b@1.0.0)", 9));
    assertEquals("file+local-dir", PnpmLockReader.escape("file:local-dir", 6));
    assertEquals("x@git+file++++tmp+r#abc", PnpmLockReader.escape("x@git+file:///tmp/r#abc", 9));
  }

  // ---- aliases, links, workspaces, sources ----

  @ParameterizedTest
  @ValueSource(strings = {"mixed-sources-v5", "mixed-sources-v6", "mixed-sources-v9"})
  void namesAliasedPackagesByTheirRealName(String fixture) throws IOException {
    DependencyGraph g = fixture(fixture).graph();
    Edge str = edge(g, g.root().id(), "str");
    Node target = g.node(str.to());
    assertEquals("string-width", target.name());
    assertEquals("4.2.3", target.version());
    assertEquals("npm:string-width@4.2.3", str.spec());
    assertTrue(target.source().fromRegistry());
    assertTrue(PackageName.isValid(target.name()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed-sources-v5", "mixed-sources-v6", "mixed-sources-v9"})
  void linksWorkspacesAndLocalFolders(String fixture) throws IOException {
    Lockfile lock = fixture(fixture);
    DependencyGraph g = lock.graph();
    Node a = at(g, "packages/a");
    Node b = at(g, "packages/b");
    assertEquals(new PackageSource.Workspace("packages/a"), a.source());
    assertEquals(Set.of(a, b), Set.copyOf(g.workspaceRoots()));
    assertEquals(a.id(), edge(g, g.root().id(), "a").to());
    assertEquals(b.id(), edge(g, a.id(), "b").to());
    assertEquals(DependencyType.WORKSPACE, g.edgesFrom(g.root().id()).stream()
        .filter(e -> e.to() == b.id()).findFirst().orElseThrow().type());
    Node linked = g.node(edge(g, g.root().id(), "linked").to());
    assertEquals(new PackageSource.Link("local-dir"), linked.source());
    assertTrue(linked.flags().contains(NodeFlag.UNSCANNED));
    // workspace dev dependencies are dev
    Node ms2 = g.node(edge(g, a.id(), "ms").to());
    assertEquals("2.0.0", ms2.version());
    assertTrue(ms2.flags().contains(NodeFlag.DEV));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed-sources-v5", "mixed-sources-v6", "mixed-sources-v9"})
  void classifiesFileAndRegistryTarballSources(String fixture) throws IOException {
    DependencyGraph g = fixture(fixture).graph();
    Node dir = g.node(edge(g, g.root().id(), "local-dir").to());
    assertEquals(new PackageSource.LocalPath("local-dir", true), dir.source());
    assertEquals("local-dir", dir.name());
    Node tgz = g.node(edge(g, g.root().id(), "is-even").to());
    assertEquals(new PackageSource.LocalPath("tb/is-even-1.0.0.tgz", false), tgz.source());
    assertEquals("1.0.0", tgz.version());
    assertEquals("is-even", tgz.name());
    Node positive = g.node(edge(g, g.root().id(), "is-positive").to());
    assertEquals(new PackageSource.Registry(""), positive.source());
    assertEquals(fixture.endsWith("v9")
        ? "node_modules/.pnpm/is-even@file+tb+is-even-1.0.0.tgz/node_modules/is-even"
        : "node_modules/.pnpm/file+tb+is-even-1.0.0.tgz/node_modules/is-even", tgz.location());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed-sources-v5", "mixed-sources-v9"})
  void readsGitDependencies(String fixture) throws IOException {
    DependencyGraph g = fixture(fixture).graph();
    Node git = g.node(edge(g, g.root().id(), "tiny-git").to());
    assertEquals(new PackageSource.Git("file:///tmp/proj/gitrepo",
        "30d0f521b7865a55fbfd5715374562409244abe7", ""), git.source());
    // 5.x records no name for git entries: it comes from the dependency's name
    assertEquals("tiny-git", git.name());
    assertEquals("2.1.3", g.node(edge(g, git.id(), "ms").to()).version());
  }

  @Test
  void readsHostedGitAndRemoteTarballsOfLockfile6() throws IOException {
    Lockfile lock = read("""
        lockfileVersion: '6.0'

        dependencies:
          g:
            specifier: github:u/g
            version: github.com/u/g/0123456789abcdef0123456789abcdef01234567
          t:
            specifier: https://example.test/t.tgz
            version: '@example.test/t.tgz'

        packages:

          github.com/u/g/0123456789abcdef0123456789abcdef01234567:
            resolution: {tarball: https://codeload.github.com/u/g/tar.gz/0123456789abcdef0123456789abcdef01234567}
            name: g
            version: 1.0.0
            dev: false

          '@example.test/t.tgz':
            resolution: {integrity: sha512-t, tarball: https://example.test/t.tgz}
            name: t
            version: 2.0.0
            dev: false
        """);
    assertEquals(List.of(), lock.warnings());
    DependencyGraph g = lock.graph();
    Node git = g.node(edge(g, g.root().id(), "g").to());
    assertEquals(new PackageSource.Git("github:u/g", "0123456789abcdef0123456789abcdef01234567",
        ""), git.source());
    assertEquals("node_modules/.pnpm/github.com+u+g+0123456789abcdef0123456789abcdef01234567"
        + "/node_modules/g", git.location());
    Node t = g.node(edge(g, g.root().id(), "t").to());
    assertEquals(new PackageSource.RemoteTarball("https://example.test/t.tgz"), t.source());
    assertEquals("2.0.0", t.version());
  }

  @Test
  void marksUnknownResolutionsUnscanned() throws IOException {
    DependencyGraph g = read("""
        lockfileVersion: '9.0'
        importers:
          .:
            dependencies:
              node:
                specifier: runtime:22
                version: runtime:22.0.0
              bare:
                specifier: ^1
                version: 1.0.0
        packages:
          node@runtime:22.0.0:
            resolution: {type: variations, variants: [{targets: [{os: linux}]}]}
          bare@1.0.0: {}
        snapshots:
          node@runtime:22.0.0: {}
          bare@1.0.0: {}
        """).graph();
    Node runtime = g.node(edge(g, g.root().id(), "node").to());
    assertEquals(new PackageSource.Unknown("variations"), runtime.source());
    assertTrue(runtime.flags().contains(NodeFlag.UNSCANNED));
    Node bare = g.node(edge(g, g.root().id(), "bare").to());
    assertEquals(new PackageSource.Unknown(""), bare.source());
    assertEquals("the lockfile records no resolution for this package", bare.unscannedReason());
  }

  @Test
  void warnsAboutMissingEntriesAndUnmetPeers() throws IOException {
    Lockfile lock = read("""
        lockfileVersion: 5.4
        specifiers:
          a: ^1
          gone: ^2
        dependencies:
          a: 1.0.0
          gone: 2.0.0
        packages:
          /a/1.0.0:
            resolution: {integrity: sha512-a}
            peerDependencies:
              p: ^3
            dependencies:
              missing: 9.9.9
        """);
    DependencyGraph g = lock.graph();
    assertEquals(-1, edge(g, g.root().id(), "gone").to());
    Node a = at(g, "node_modules/.pnpm/a@1.0.0/node_modules/a");
    assertEquals(-1, edge(g, a.id(), "missing").to());
    assertEquals(DependencyType.PEER, edge(g, a.id(), "p").type());
    assertEquals(List.of(
        "pnpm-lock.yaml:2:1: importer \".\" depends on gone \"2.0.0\", which is not in the "
            + "lockfile",
        "pnpm-lock.yaml:9:3: \"/a/1.0.0\" depends on missing \"9.9.9\", which is not in the "
            + "lockfile",
        "pnpm-lock.yaml:9:3: \"/a/1.0.0\" has an unresolved peer p \"^3\""), lock.warnings());
  }

  @Test
  void readsTheLastDocumentAfterAnEnvironmentDocument() throws IOException {
    Lockfile lock = read("""
        ---
        lockfileVersion: '9.0'
        importers:
          .:
            configDependencies: {}
            packageManagerDependencies:
              pnpm:
                specifier: 10.0.0
                version: 10.0.0
        packages:
          pnpm@10.0.0:
            resolution: {integrity: sha512-p}
        snapshots:
          pnpm@10.0.0: {}
        ---
        lockfileVersion: '9.0'
        importers:
          .:
            dependencies:
              a:
                specifier: ^1
                version: 1.0.0
        packages:
          a@1.0.0:
            resolution: {integrity: sha512-a}
        snapshots:
          a@1.0.0: {}
        """);
    assertEquals(List.of("", "node_modules/.pnpm/a@1.0.0/node_modules/a"),
        lock.graph().nodes().stream().map(Node::location).toList());
  }

  @Test
  void usesManifestNamesForTheRootAndWorkspaces(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("package.json"), "{\"name\":\"top\",\"version\":\"1.2.3\"}");
    Files.createDirectories(dir.resolve("packages/w"));
    Files.writeString(dir.resolve("packages/w/package.json"), "{\"name\":\"@s/w\"}");
    String yaml = """
        lockfileVersion: '9.0'
        importers:
          .: {}
          packages/w: {}
        """;
    Lockfile lock = new PnpmLockReader().read("pnpm-lock.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        ProjectFiles.directory(dir), Limits.defaults());
    DependencyGraph g = lock.graph();
    assertEquals("top", g.root().name());
    assertEquals("1.2.3", g.root().version());
    assertEquals("@s/w", at(g, "packages/w").name());
    assertFalse(at(g, "packages/w").flags().contains(NodeFlag.EXTRANEOUS));
  }

  @Test
  void acceptsAByteOrderMarkAndWindowsLineEnds() throws IOException {
    Lockfile lock = read("\uFEFFlockfileVersion: '9.0'\r\nimporters:\r\n  .:\r\n"
        + "    dependencies:\r\n      a: {specifier: ^1, version: 1.0.0}\r\npackages:\r\n"
        + "  a@1.0.0: {resolution: {integrity: sha512-a}}\r\nsnapshots:\r\n  a@1.0.0: {}\r\n");
    assertEquals("9.0", lock.formatVersion());
    assertEquals(2, lock.graph().size());
  }

  @Test
  void acceptsMinorVersionsOfSupportedMajors() throws IOException {
    for (String v : List.of("5.3", "5.4", "'6.1'", "'9.1'")) {
      assertEquals(v.replace("'", ""), read("lockfileVersion: " + v + "\n").formatVersion());
    }
  }

  @Test
  void isReachedThroughTheLockfilesEntryPoint() throws IOException {
    Lockfile lock = dev.tollgate.core.Lockfiles.read(
        FIXTURES.resolve("mixed-sources-v9/pnpm-lock.yaml"), Limits.defaults());
    assertEquals(dev.tollgate.core.LockfileFormat.PNPM, lock.format());
    assertEquals("9.0", lock.formatVersion());
    assertEquals(41, lock.graph().size());
  }

  // ---- errors ----

  @ParameterizedTest
  @ValueSource(strings = {"4", "'4.0'", "'10.0'", "7.0", "'abc'", "''"})
  void refusesUnsupportedVersions(String version) {
    InvalidInputException e = invalid("# pnpm\nlockfileVersion: " + version + "\n");
    String shown = version.replace("'", "");
    assertEquals("pnpm-lock.yaml:2:1: unsupported pnpm-lock.yaml lockfileVersion \"" + shown
        + "\": supported are 5.x, 6.x and 9.x; regenerate the lockfile with pnpm 7 or later; "
        + "see docs/errors.md#unsupported-lockfile-version", e.getMessage());
    assertEquals(2, e.line());
  }

  @Test
  void refusesAMissingVersion() {
    assertEquals("pnpm-lock.yaml:1:1: malformed pnpm lockfile: lockfileVersion is missing; "
        + "regenerate the lockfile with pnpm; see docs/errors.md#malformed-lockfile",
        invalid("packages: {}\n").getMessage());
  }

  @Test
  void refusesAnEmptyDocument() {
    assertEquals("pnpm-lock.yaml:1:1: malformed pnpm lockfile: the document is empty, expected "
        + "lockfileVersion, importers and packages; see docs/errors.md#malformed-lockfile",
        invalid("# nothing\n").getMessage());
  }

  @Test
  void refusesYamlAliases() {
    assertEquals("pnpm-lock.yaml:5:6: malformed pnpm lockfile: YAML alias \"*a\" is not allowed "
        + "(pnpm never writes aliases); regenerate the lockfile with pnpm; "
        + "see docs/errors.md#malformed-lockfile", invalid("""
        lockfileVersion: 5.4
        specifiers:
          x: &a 1.0.0
        dependencies:
          x: *a
        """).getMessage());
  }

  @Test
  void refusesMalformedYamlWithItsPosition() {
    InvalidInputException e = invalid("lockfileVersion: '9.0'\npackages:\n  a: 'open\n");
    assertEquals("pnpm-lock.yaml:4:1: malformed YAML: \"while scanning a quoted scalar: found "
        + "unexpected end of stream\"; fix or regenerate the lockfile with pnpm; "
        + "see docs/errors.md#malformed-lockfile", e.getMessage());
    assertEquals(4, e.line());
    assertEquals(1, e.column());
  }

  @Test
  void refusesDuplicateKeys() {
    assertEquals("pnpm-lock.yaml:5:11: malformed YAML: \"Duplicate field '/a/1.0.0'\"; fix or "
        + "regenerate the lockfile with pnpm; see docs/errors.md#malformed-lockfile", invalid("""
        lockfileVersion: 5.4
        packages:
          /a/1.0.0:
            resolution: {integrity: x}
          /a/1.0.0:
            resolution: {integrity: y}
        """).getMessage());
  }

  @Test
  void refusesWrongShapes() {
    assertEquals("pnpm-lock.yaml:2:11: malformed pnpm lockfile: expected a mapping for "
        + "packages, found a sequence; see docs/errors.md#malformed-lockfile",
        invalid("lockfileVersion: 5.4\npackages: [a, b]\n").getMessage());
    assertEquals("pnpm-lock.yaml:4:23: malformed pnpm lockfile: expected a scalar for "
        + "dependencies \"b\", found a sequence; see docs/errors.md#malformed-lockfile",
        invalid("lockfileVersion: 5.4\npackages:\n  /a/1.0.0:\n    dependencies: {b: [1]}\n")
            .getMessage());
    assertEquals("pnpm-lock.yaml:1:1: malformed pnpm lockfile: expected a mapping at the top "
        + "of the document, found a scalar; see docs/errors.md#malformed-lockfile",
        invalid("just text\n").getMessage());
    assertEquals("pnpm-lock.yaml:5:7: malformed pnpm lockfile: dependency \"a\" in "
        + "dependencies has no version; see docs/errors.md#malformed-lockfile",
        invalid("lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a: "
            + "{specifier: ^1}\n").getMessage());
  }

  @Test
  void summaryOfTheFixturesIsStable() throws IOException {
    for (String f : List.of("mixed-sources-v5", "mixed-sources-v6", "mixed-sources-v9")) {
      Lockfile lock = fixture(f);
      String sources = lock.graph().nodes().stream()
          .map(n -> n.source().getClass().getSimpleName())
          .collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting()))
          .toString();
      System.out.printf("%s: %d nodes, %d edges, sources %s, warnings %s%n", f,
          lock.graph().size(), lock.graph().edgeCount(), sources, lock.warnings());
      assertTrue(lock.graph().size() > 30);
    }
  }
}
