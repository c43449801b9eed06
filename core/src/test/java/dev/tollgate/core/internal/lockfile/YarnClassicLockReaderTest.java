package dev.tollgate.core.internal.lockfile;

import static dev.tollgate.core.internal.lockfile.YarnTestSupport.at;
import static dev.tollgate.core.internal.lockfile.YarnTestSupport.classic;
import static dev.tollgate.core.internal.lockfile.YarnTestSupport.classicText;
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
import dev.tollgate.api.PackageName;
import dev.tollgate.api.PackageSource;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class YarnClassicLockReaderTest {

  @Test
  void readsRootAndWorkspacesFromTheirManifests() throws Exception {
    Lockfile lf = classic("classic-workspaces");
    DependencyGraph g = lf.graph();
    assertEquals(LockfileFormat.YARN_CLASSIC, lf.format());
    assertEquals("1", lf.formatVersion());
    assertEquals("classic-root", g.root().name());
    assertEquals(List.of("packages/a", "packages/b"),
        g.workspaceRoots().stream().map(Node::location).toList());
    Node a = at(g, "packages/a");
    assertEquals(new PackageSource.Workspace("packages/a"), a.source());
    assertEquals(a.id(), edge(g, g.root(), "a").to());
    assertEquals(DependencyType.WORKSPACE, g.edgesFrom(g.root().id()).stream()
        .filter(e -> e.name().equals("b")).findFirst().orElseThrow().type());
    assertEquals(at(g, "packages/b").id(), edge(g, a, "b").to());
    assertEquals(at(g, "ms@npm:2.1.3").id(), edge(g, a, "ms").to());
    assertEquals(List.of(), lf.warnings());
  }

  @Test
  void registryPackagesKeepTheirUrlWithoutTheHashAndTheirIntegrity() throws Exception {
    Node ms = at(classic("classic-workspaces").graph(), "ms@npm:2.1.3");
    PackageSource.Registry r = (PackageSource.Registry) ms.source();
    assertTrue(r.resolved().endsWith("/ms/-/ms-2.1.3.tgz"), r.resolved());
    assertTrue(ms.integrity().startsWith("sha512-6Flz"), ms.integrity());
  }

  @Test
  void anAliasIsInstalledUnderItsOwnNameWithTheRealPackageAsSource() throws Exception {
    DependencyGraph g = classic("classic-workspaces").graph();
    Node str = at(g, "str@string-width@npm:4.2.3");
    assertEquals("str", str.name());
    assertEquals("string-width", str.packageName());
    assertEquals(new PackageName("string-width"),
        ((PackageSource.Alias) str.source()).realName());
    assertEquals(str.id(), edge(g, g.root(), "str").to());
    assertEquals(at(g, "string-width@npm:4.2.3").id(), edge(g, g.root(), "string-width").to());
    assertEquals(3, g.edgesFrom(str.id()).size());
  }

  @Test
  void aFileDependencyIsALocalDirectory() throws Exception {
    DependencyGraph g = classic("classic-workspaces").graph();
    Node local = at(g, "local-dir@file:./local-dir");
    assertEquals(new PackageSource.LocalPath("./local-dir", true), local.source());
    assertEquals(at(g, "is-number@npm:7.0.0").id(), edge(g, local, "is-number").to());
  }

  @Test
  void devFlagsFollowTheManifestsDevDependencies() throws Exception {
    DependencyGraph g = classic("classic-workspaces").graph();
    assertTrue(at(g, "is-odd@npm:3.0.1").has(NodeFlag.DEV));
    assertTrue(at(g, "is-number@npm:6.0.0").has(NodeFlag.DEV));
    assertFalse(at(g, "is-number@npm:7.0.0").has(NodeFlag.DEV));
    assertFalse(at(g, "ms@npm:2.1.2").has(NodeFlag.DEV));
    assertFalse(at(g, "strip-ansi@npm:6.0.1").has(NodeFlag.DEV));
  }

  @Test
  void gitGithubAndTarballSourcesAreClassified() throws Exception {
    DependencyGraph g = classic("classic-handwritten").graph();
    Node git = g.find("tiny-git-lib").get(0);
    assertEquals(new PackageSource.Git("git+https://example.invalid/tiny-git-lib.git",
        "89abcdef0123456789abcdef0123456789abcdef", "v1.0.0"), git.source());
    Node gh = g.find("gh-lib").get(0);
    assertEquals(new PackageSource.Git("github:someone/gh-lib",
        "0123456789abcdef0123456789abcdef01234567", "main"), gh.source());
    Node tar = g.find("tar-lib").get(0);
    assertEquals(new PackageSource.RemoteTarball(
        "https://example.invalid/downloads/tar-lib-1.0.0.tgz"), tar.source());
    assertEquals("sha1-wP/uAMD/7gDA/+4AwP/uAMD/7gA=", tar.integrity());
  }

  @Test
  void aMissingEntryIsAnUnresolvedEdgeWithAWarningUnlessOptional() throws Exception {
    Lockfile lf = classic("classic-handwritten");
    DependencyGraph g = lf.graph();
    assertEquals(-1, edge(g, g.root(), "gone").to());
    assertEquals(-1, edge(g, g.root(), "also-gone").to());
    assertEquals(-1, edge(g, g.find("tiny-git-lib").get(0), "missing-dep").to());
    assertEquals(List.of(
        "dependency gone@^1.0.0 of the project's package.json has no entry in yarn.lock; the "
            + "lockfile is out of date (run yarn install)",
        "dependency missing-dep@^3.0.0 of \"tiny-git-lib@git+https://example.invalid/tiny-git-lib"
            + ".git#v1.0.0\" has no entry in yarn.lock; the lockfile is out of date (run yarn "
            + "install)"), lf.warnings());
  }

  @Test
  void withoutPackageJsonTheRootHasNoEdgesAndAWarning() throws Exception {
    Lockfile lf = classicText("# yarn lockfile v1\n\na@^1.0.0:\n  version \"1.0.0\"\n");
    assertEquals(2, lf.graph().size());
    assertEquals(1, lf.warnings().size());
    assertTrue(lf.warnings().get(0).startsWith("package.json beside yarn.lock is not available"));
  }

  @Test
  void entriesWithSeveralKeysQuotedOrNotAreOneNode() throws Exception {
    DependencyGraph g = classicText("# yarn lockfile v1\n\n"
        + "\"@s/a@^1.0.0\", \"@s/a@^1.1.0\", @s/a@~1.1.0:\n  version \"1.1.2\"\n"
        + "  resolved \"https://example.invalid/@s/a/-/a-1.1.2.tgz#0000000000000000000000000000000000000000\"\n"
        + "  dependencies:\n    b \"^2\"\n  optionalDependencies:\n    c \"^3\"\n"
        + "b@^2:\n  version \"2.0.0\"\n").graph();
    Node a = at(g, "@s/a@npm:1.1.2");
    assertEquals(at(g, "b@npm:2.0.0").id(), edge(g, a, "b").to());
    assertEquals(DependencyType.OPTIONAL, edge(g, a, "c").type());
    assertEquals(-1, edge(g, a, "c").to());
  }

  @Test
  void reportsAnUnterminatedStringWithLineAndColumn() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> classicText("# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\n"));
    assertEquals("yarn.lock:4:11: unterminated string; see docs/errors.md#malformed-lockfile",
        e.getMessage());
  }

  @Test
  void reportsOddIndentationWithLineAndColumn() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> classicText("# yarn lockfile v1\n\na@^1:\n   version \"1.0.0\"\n"));
    assertEquals("yarn.lock:4:4: invalid number of spaces (3); yarn classic indents by two; see "
        + "docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void reportsAnIndentationThatMatchesNoBlock() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> classicText("# yarn lockfile v1\n\na@^1:\n  dependencies:\n      b \"1\"\n"
            + "    c \"1\"\n"));
    assertEquals("yarn.lock:6:1: indentation does not match any enclosing block; see "
        + "docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void reportsAnEntryThatIsNotABlock() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> classicText("# yarn lockfile v1\n\na@^1 \"1.0.0\"\n"));
    assertEquals("yarn.lock:3:1: entry \"a@^1\" must be a block of fields; see "
        + "docs/errors.md#malformed-lockfile", e.getMessage());
  }

  @Test
  void refusesAFileWithoutTheV1Header() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> classicText("a@^1:\n  version \"1.0.0\"\n"));
    assertEquals("yarn.lock:1:1: yarn.lock has neither the '# yarn lockfile v1' header of yarn "
        + "classic nor the __metadata of yarn berry: unsupported yarn lockfile version; see "
        + "docs/errors.md#unsupported-lockfile-version", e.getMessage());
  }

  @Test
  void refusesAnotherClassicVersionNamingIt() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> classicText("# yarn lockfile v2\n\na@^1:\n  version \"1.0.0\"\n"));
    assertEquals("yarn.lock: unsupported yarn classic lockfile version \"2\": expected '# yarn "
        + "lockfile v1'; see docs/errors.md#unsupported-lockfile-version", e.getMessage());
  }

  @Test
  void refusesADescriptorWithoutARange() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> classicText("# yarn lockfile v1\n\nlonely:\n  version \"1.0.0\"\n"));
    assertEquals("yarn.lock:3:1: invalid descriptor \"lonely\": expected name@range; see "
        + "docs/errors.md#malformed-lockfile", e.getMessage());
  }
}
