package dev.tollgate.core.internal.tarball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Finding;
import dev.tollgate.api.FindingCategory;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Severity;
import dev.tollgate.core.PackCheck;
import dev.tollgate.core.PackageInspector;
import dev.tollgate.core.PackedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCheckerTest {

  private static final String TOKEN = "npm_" + "aB3d".repeat(9);

  @TempDir
  Path dir;

  private void write(String path, String content) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static Optional<Finding> find(PackCheck c, String idPart) {
    return c.findings().stream().filter(f -> f.id().contains(idPart)).findFirst();
  }

  @Test
  void listsPublishedFilesWithSizesAndTotal() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\",\"files\":[\"lib\"]}");
    write("lib/a.js", "12345");
    write("other.js", "x");
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    assertEquals("p", c.name());
    assertEquals("1.0.0", c.version());
    assertEquals(List.of("lib/a.js", "package.json"),
        c.files().stream().map(PackedFile::path).toList());
    long pj = Files.size(dir.resolve("package.json"));
    assertEquals(5 + pj, c.totalBytes());
    assertFalse(c.hasFindingAtLeast(Severity.LOW), c.findings().toString());
  }

  @Test
  void reportsSecretInPublishedFileWithRedactedEvidence() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    write("config.js", "module.exports = { token: '" + TOKEN + "' }\n");
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    Finding f = c.findings().stream().filter(x -> x.category() == FindingCategory.SECRET)
        .findFirst().orElseThrow();
    assertTrue(f.severity().compareTo(Severity.HIGH) >= 0);
    assertEquals("package/config.js", f.evidence().get(0).file());
    assertFalse(f.toString().contains(TOKEN), f.toString());
    assertTrue(c.hasFindingAtLeast(Severity.HIGH));
  }

  @Test
  void ignoresSecretsInFilesNpmWouldNotPublish() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    write(".npmignore", "secrets/\n.env\n");
    write("secrets/token.txt", TOKEN);
    write(".env", "TOKEN=" + TOKEN);
    write("index.js", "ok");
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    assertEquals(List.of("index.js", "package.json"),
        c.files().stream().map(PackedFile::path).sorted().toList());
    assertFalse(c.hasFindingAtLeast(Severity.LOW), c.findings().toString());
  }

  @Test
  void reportsKeyAndEnvironmentFilesAsHigh() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    write(".env.production", "A=1");
    write("keys/id_rsa", "not really a key");
    write(".env.example", "A=");
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    assertEquals(Severity.HIGH, find(c, "env-file:.env.production").orElseThrow().severity());
    assertEquals(Severity.HIGH, find(c, "key-file:keys/id_rsa").orElseThrow().severity());
    assertEquals(Severity.LOW, find(c, "env-file:.env.example").orElseThrow().severity());
  }

  @Test
  void reportsTestsCoverageEditorAndCiFoldersOncePerFolder() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    write("test/a.js", "x");
    write("test/b.js", "x");
    write("coverage/lcov.info", "x");
    write(".vscode/settings.json", "{}");
    write(".github/workflows/ci.yml", "x");
    write("dist/app.js.map", "{}");
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    Finding tests = find(c, "tests:test/").orElseThrow();
    assertTrue(tests.title().contains("2 file(s)"), tests.title());
    assertTrue(find(c, "coverage:coverage/").isPresent());
    assertTrue(find(c, "editor-folder:.vscode/").isPresent());
    assertTrue(find(c, "ci-folder:.github/").isPresent());
    assertEquals(Severity.INFO, find(c, "source-maps").orElseThrow().severity());
    assertFalse(c.hasFindingAtLeast(Severity.MODERATE), c.findings().toString());
  }

  @Test
  void reportsArchivesAndLeftovers() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    write("p-1.0.0.tgz", "x");
    write("src/a.js.rej", "x");
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    assertEquals(Severity.MODERATE, find(c, "archive:p-1.0.0.tgz").orElseThrow().severity());
    assertEquals(Severity.LOW, find(c, "leftover:src/a.js.rej").orElseThrow().severity());
  }

  @Test
  void reportsLargeFilesAndALargePackageByThreshold() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    write("big.bin", "x".repeat(2000));
    write("small.js", "x".repeat(10));
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults(), 1000, 1500);
    assertTrue(find(c, "large-file:big.bin").isPresent());
    assertFalse(find(c, "large-file:small.js").isPresent());
    assertTrue(find(c, "large-package").isPresent());
  }

  @Test
  void reportsFilesEntriesThatMatchNothing() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\","
        + "\"files\":[\"dist\",\"lib/*.js\",\"types/\",\"!lib/x.js\",\"index.js\"]}");
    write("lib/a.js", "x");
    write("index.js", "x");
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    Finding f = find(c, "files-unmatched:dist").orElseThrow();
    assertEquals(Severity.MODERATE, f.severity());
    assertTrue(find(c, "files-unmatched:types/").isPresent());
    assertFalse(find(c, "files-unmatched:lib/*.js").isPresent());
    assertFalse(find(c, "files-unmatched:index.js").isPresent());
    assertFalse(find(c, "files-unmatched:!lib").isPresent());
  }

  @Test
  void reportsAMissingManifest() throws IOException {
    write("index.js", "x");
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    assertEquals(List.of("index.js"), c.files().stream().map(PackedFile::path).toList());
    assertTrue(c.hasFindingAtLeast(Severity.HIGH));
  }

  @Test
  void rejectsAMalformedManifest() throws IOException {
    write("package.json", "{\"name\":");
    assertThrows(InvalidInputException.class,
        () -> PackageInspector.packCheck(dir, Limits.defaults()));
  }

  @Test
  void refusesIgnorePatternsLongerThanThePathLimit() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    write(".npmignore", "a".repeat(300) + "\n");
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> PackageInspector.packCheck(dir, Limits.builder().maxPathLength(256).build()));
    assertEquals("maxPathLength", e.limitName());
  }

  @Test
  void refusesMoreFilesThanTheEntryLimit() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    for (int i = 0; i < 5; i++) {
      write("f" + i + ".js", "x");
    }
    assertThrows(LimitExceededException.class,
        () -> PackageInspector.packCheck(dir, Limits.builder().maxTarEntries(3).build()));
  }

  @Test
  void neverFollowsSymbolicLinks() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    Path outside = Files.createTempDirectory("outside");
    Files.writeString(outside.resolve("secret.txt"), TOKEN);
    Files.createSymbolicLink(dir.resolve("linked"), outside);
    Files.createSymbolicLink(dir.resolve("s.txt"), outside.resolve("secret.txt"));
    PackCheck c = PackageInspector.packCheck(dir, Limits.defaults());
    assertEquals(List.of("package.json"), c.files().stream().map(PackedFile::path).toList());
    Files.delete(outside.resolve("secret.txt"));
    Files.delete(outside);
  }

  @Test
  void refusesIgnoreFilesThatWouldTakeTooLongToApply() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      rules.append("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}{s,t}").append(i).append('\n');
    }
    write(".npmignore", rules.toString());
    for (int i = 0; i < 20; i++) {
      write("d" + i + "/x.js", "x");
    }
    LimitExceededException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> assertThrows(LimitExceededException.class,
            () -> PackageInspector.packCheck(dir, Limits.builder().maxTarEntries(30).build())));
    assertEquals("maxIgnoreWork", e.limitName());
  }

  @Test
  void refusesIgnoreFilesWithTooManyRules() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}");
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      rules.append("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}{s,t}").append(i).append('\n');
    }
    write(".npmignore", rules.toString());
    LimitExceededException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> assertThrows(LimitExceededException.class,
            () -> PackageInspector.packCheck(dir, Limits.defaults())));
    assertEquals("maxIgnoreRules", e.limitName());
  }
}
