package dev.tollgate.core.internal.lockfile;

import static dev.tollgate.core.internal.lockfile.YarnTestSupport.at;
import static dev.tollgate.core.internal.lockfile.YarnTestSupport.berry;
import static dev.tollgate.core.internal.lockfile.YarnTestSupport.berryText;
import static dev.tollgate.core.internal.lockfile.YarnTestSupport.berryWithoutManifests;
import static dev.tollgate.core.internal.lockfile.YarnTestSupport.edge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.api.PackageSource;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class YarnBerryLockReaderTest {

  private static final String HEADER = "__metadata:\n  version: 8\n  cacheKey: 10c0\n\n";

  @Test
  void workspacesAreNodesAtTheirFoldersAndTheRootIsTheProject() throws Exception {
    Lockfile lf = berry("berry-protocols");
    DependencyGraph g = lf.graph();
    assertEquals(LockfileFormat.YARN_BERRY, lf.format());
    assertEquals("10", lf.formatVersion());
    assertEquals("proto-root", g.root().name());
    assertEquals("", g.root().location());
    assertEquals(new PackageSource.Project(), g.root().source());
    assertEquals("1.0.0", g.root().version());
    Node a = at(g, "packages/a");
    Node b = at(g, "packages/b");
    assertEquals(new PackageSource.Workspace("packages/a"), a.source());
    assertEquals("2.0.0", b.version());
    assertEquals(List.of(a, b), g.workspaceRoots());
    assertEquals(a.id(), edge(g, g.root(), "a").to());
    assertEquals(b.id(), edge(g, a, "b").to());
    assertEquals(List.of(), lf.warnings());
  }

  @Test
  void registryPackagesAreKeyedByResolutionWithPrefixedChecksums() throws Exception {
    DependencyGraph g = berry("berry-protocols").graph();
    Node ms = at(g, "ms@npm:2.1.3");
    assertEquals(new PackageSource.Registry(""), ms.source());
    assertEquals("2.1.3", ms.version());
    assertTrue(ms.integrity().startsWith("yarn-berry:10c0/"), ms.integrity());
    assertEquals(ms.id(), edge(g, at(g, "portal-lib@portal:./ext/portal-lib::locator="
        + "proto-root%40workspace%3A."), "ms").to());
  }

  @Test
  void anAliasIsInstalledUnderItsOwnName() throws Exception {
    DependencyGraph g = berry("berry-protocols").graph();
    Node str = at(g, "str@string-width@npm:4.2.3");
    assertEquals("string-width", str.packageName());
    assertTrue(str.source() instanceof PackageSource.Alias);
    assertEquals(str.id(), edge(g, g.root(), "str").to());
    assertEquals(at(g, "string-width@npm:4.2.3").id(), edge(g, g.root(), "string-width").to());
  }

  @Test
  void portalLinkAndFileAreLocalDirectories() throws Exception {
    DependencyGraph g = berry("berry-protocols").graph();
    assertEquals(new PackageSource.LocalPath("./ext/portal-lib", true),
        g.node(edge(g, g.root(), "portal-lib").to()).source());
    assertEquals(new PackageSource.LocalPath("./ext/link-lib", true),
        g.node(edge(g, g.root(), "link-lib").to()).source());
    Node local = g.node(edge(g, g.root(), "local-dir").to());
    assertEquals(new PackageSource.LocalPath("./local-dir", true), local.source());
    assertEquals("0.2.0", local.version());
  }

  @Test
  void builtinPatchesKeepTheRegistrySourceAndReceiveTheEdges() throws Exception {
    DependencyGraph g = berry("berry-protocols").graph();
    Node resolve = g.node(edge(g, g.root(), "resolve").to());
    assertTrue(resolve.location().startsWith("resolve@patch:resolve@npm%3A1.22.14#"));
    assertEquals(new PackageSource.Registry(""), resolve.source());
    assertFalse(resolve.has(NodeFlag.UNSCANNED));
    assertTrue(at(g, "resolve@npm:1.22.14").has(NodeFlag.EXTRANEOUS));
  }

  @Test
  void conditionsBecomeOsAndCpu() throws Exception {
    Node n = at(berry("berry-protocols").graph(), "@esbuild/darwin-arm64@npm:0.21.5");
    assertEquals(List.of("darwin"), n.os());
    assertEquals(List.of("arm64"), n.cpu());
  }

  @Test
  void dependenciesMetaAndPeerMetaMakeOptionalEdges() throws Exception {
    DependencyGraph g = berry("berry-protocols").graph();
    assertEquals(DependencyType.OPTIONAL, edge(g, at(g, "esbuild@npm:0.21.5"),
        "@esbuild/linux-x64").type());
    assertEquals(DependencyType.OPTIONAL, edge(g, g.root(), "is-number").type());
    assertEquals(DependencyType.PEER_OPTIONAL, edge(g, at(g, "packages/a"), "react").type());
    assertEquals(-1, edge(g, at(g, "packages/a"), "react").to());
  }

  @Test
  void workspaceManifestsSplitDevFromProdDependencies() throws Exception {
    DependencyGraph g = berry("berry-protocols").graph();
    assertEquals(DependencyType.DEV, edge(g, g.root(), "typescript").type());
    assertEquals(DependencyType.DEV, edge(g, at(g, "packages/a"), "is-odd").type());
    assertTrue(at(g, "is-odd@npm:3.0.1").has(NodeFlag.DEV));
    assertTrue(at(g, "esbuild@npm:0.21.5").has(NodeFlag.DEV));
    assertFalse(at(g, "ms@npm:2.1.3").has(NodeFlag.DEV));
  }

  @Test
  void withoutManifestsWorkspaceDependenciesAreProdWithAWarning() throws Exception {
    Lockfile lf = berryWithoutManifests("berry-protocols");
    DependencyGraph g = lf.graph();
    assertEquals(DependencyType.PROD, edge(g, g.root(), "typescript").type());
    assertFalse(at(g, "is-odd@npm:3.0.1").has(NodeFlag.DEV));
    assertEquals(List.of(
        "workspace \".\": package.json not available, so its devDependencies cannot be told apart "
            + "and all its dependencies are counted as production",
        "workspace \"packages/a\": package.json not available, so its devDependencies cannot be "
            + "told apart and all its dependencies are counted as production",
        "workspace \"packages/b\": package.json not available, so its devDependencies cannot be "
            + "told apart and all its dependencies are counted as production"), lf.warnings());
  }

  @Test
  void gitTarballPatchExecAndFileTarballSourcesAreClassified() throws Exception {
    Lockfile lf = berry("berry-handwritten");
    DependencyGraph g = lf.graph();
    assertEquals("6", lf.formatVersion());
    assertEquals(new PackageSource.Git("git+https://example.invalid/tiny-git-lib.git",
        "89abcdef0123456789abcdef0123456789abcdef", "89abcdef0123456789abcdef0123456789abcdef"),
        g.node(edge(g, g.root(), "tiny-git-lib").to()).source());
    Node gh = g.node(edge(g, g.root(), "gh-lib").to());
    assertEquals(new PackageSource.Git("https://github.com/someone/gh-lib.git",
        "0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567"),
        gh.source());
    assertEquals("yarn-berry:8/5f3c", gh.integrity());
    assertEquals(new PackageSource.RemoteTarball(
        "https://example.invalid/downloads/tar-lib-1.0.0.tgz"),
        g.node(edge(g, g.root(), "tar-lib").to()).source());
    Node leftPad = g.node(edge(g, g.root(), "left-pad").to());
    assertEquals(new PackageSource.Registry(""), leftPad.source());
    assertEquals("patched by ~/.yarn/patches/left-pad-npm-1.3.0-abc.patch: contents differ from "
        + "the original package", leftPad.unscannedReason());
    Node tool = g.node(edge(g, g.root(), "tool").to());
    assertTrue(tool.source() instanceof PackageSource.Unknown);
    assertTrue(tool.has(NodeFlag.UNSCANNED));
    assertEquals(new PackageSource.LocalPath("./vendor/local-tgz-1.0.0.tgz", false),
        g.node(edge(g, g.root(), "local-tgz").to()).source());
    assertEquals(List.of("dependency missing-dep@^3.0.0 of \"tiny-git-lib@git+https://example.invalid/"
        + "tiny-git-lib.git#v1.0.0\" has no entry in yarn.lock; the lockfile is out of date (run yarn install)"), lf.warnings());
  }

  @Test
  void rangesWithoutProtocolGetTheDefaultNpmProtocol() throws Exception {
    DependencyGraph g = berryText("__metadata:\n  version: 4\n\n"
        + "\"a@npm:^1.0.0\":\n  version: 1.2.0\n  resolution: \"a@npm:1.2.0\"\n"
        + "  dependencies:\n    b: ^2.0.0\n\n"
        + "\"b@npm:^2.0.0\":\n  version: 2.1.0\n  resolution: \"b@npm:2.1.0\"\n").graph();
    assertEquals(at(g, "b@npm:2.1.0").id(), edge(g, at(g, "a@npm:1.2.0"), "b").to());
  }

  @Test
  void severalDescriptorsShareOneEntry() throws Exception {
    DependencyGraph g = berryText(HEADER
        + "\"r@workspace:.\":\n  version: 0.0.0-use.local\n  resolution: \"r@workspace:.\"\n"
        + "  dependencies:\n    a: \"npm:^1.1.0\"\n    c: \"npm:1.0.0\"\n\n"
        + "\"a@npm:^1.0.0, a@npm:^1.1.0\":\n  version: 1.2.0\n  resolution: \"a@npm:1.2.0\"\n\n"
        + "\"c@npm:1.0.0\":\n  version: 1.0.0\n  resolution: \"c@npm:1.0.0\"\n  dependencies:\n"
        + "    a: \"npm:^1.0.0\"\n").graph();
    Node a = at(g, "a@npm:1.2.0");
    assertEquals(a.id(), edge(g, g.root(), "a").to());
    assertEquals(a.id(), edge(g, at(g, "c@npm:1.0.0"), "a").to());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "11", "x"})
  void refusesUnsupportedMetadataVersionsNamingThem(String v) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> berryText("__metadata:\n  version: " + v + "\n  cacheKey: 8\n"));
    assertEquals("yarn.lock:1:1: unsupported yarn berry lockfile __metadata version \"" + v
        + "\": expected 4 to 10 (yarn 2 to 4); see docs/errors.md#unsupported-lockfile-version",
        e.getMessage());
  }

  @Test
  void refusesAFileWithoutMetadata() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> berryText("\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n"));
    assertEquals("yarn.lock:1:1: entry before __metadata: a yarn berry lockfile starts with "
        + "__metadata (version, cacheKey); see docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void yamlThatYarnDoesNotWriteIsReadWithTheGeneralParser() throws Exception {
    String block = HEADER + "\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n"
        + "  dependencies:\n    b: \"npm:^2\"\n\n"
        + "\"b@npm:^2\":\n  version: 2.0.0\n  resolution: \"b@npm:2.0.0\"\n";
    String flow = HEADER + "\"a@npm:1\": {version: 1.0.0, resolution: &r \"a@npm:1.0.0\",\n"
        + "  dependencies: {b: \"npm:^2\"}}\n"
        + "\"b@npm:^2\":\n  version: >-\n    2.0.0\n  resolution: \"b@npm:2.0.0\"\n";
    DependencyGraph a = berryText(block).graph();
    DependencyGraph b = berryText(flow).graph();
    assertEquals(a.nodes(), b.nodes());
    assertEquals(a.edges(), b.edges());
    assertEquals(a.nodeAt("b@npm:2.0.0").orElseThrow().id(),
        edge(a, a.nodeAt("a@npm:1.0.0").orElseThrow(), "b").to());
  }

  @Test
  void refusesSequencesWithTheirPosition() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> berryText(HEADER + "\"a@npm:1\":\n  version: 1.0.0\n  dependencies: [b]\n"));
    assertEquals("yarn.lock:7:17: sequences are not part of a yarn.lock; see "
        + "docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void refusesMalformedYamlInTheGeneralParserWithItsPosition() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> berryText(HEADER + "\"a@npm:1\":\n  version: 1.0.0\n  dependencies: {b: 1\n"));
    assertEquals("yarn.lock:8:1: malformed YAML: while parsing a flow mapping: expected ',' or '}', "
        + "but got <stream end>; see docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void refusesADuplicateKey() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> berryText(HEADER + "\"a@npm:1\":\n  version: 1.0.0\n  version: 1.0.1\n"));
    assertEquals("yarn.lock:7:3: duplicate key \"version\"; see docs/errors.md#malformed-lockfile",
        e.getMessage());
  }

  @Test
  void refusesAnEntryWithoutResolution() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> berryText(HEADER + "\"a@npm:1\":\n  version: 1.0.0\n"));
    assertEquals("yarn.lock:5:1: entry \"a@npm:1\" has no resolution; see "
        + "docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void refusesAKeyWithoutColon() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> berryText(HEADER + "\"a@npm:1\":\n  version 1.0.0\n"));
    assertEquals("yarn.lock:6:16: expected ':' after the key; see "
        + "docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void refusesTheSameDescriptorInTwoEntries() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> berryText(HEADER + "\"a@npm:1\":\n  resolution: \"a@npm:1.0.0\"\n\n"
            + "\"a@npm:1, a@npm:2\":\n  resolution: \"a@npm:1.0.1\"\n"));
    assertEquals("yarn.lock:8:1: descriptor \"a@npm:1\" also appears in the entry at line 5; see "
        + "docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void withoutARootWorkspaceEntryTheRootComesFromTheManifest() throws Exception {
    Lockfile lf = berryText(HEADER + "\"a@npm:1\":\n  version: 1.0.0\n"
        + "  resolution: \"a@npm:1.0.0\"\n");
    assertEquals("", lf.graph().root().location());
    assertEquals(List.of("yarn.lock has no root workspace entry (name@workspace:.); the root is "
        + "taken from package.json"), lf.warnings());
  }
}
