package dev.tollgate.core.internal.tarball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Finding;
import dev.tollgate.api.FindingCategory;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Severity;
import dev.tollgate.core.PackageInspection;
import dev.tollgate.core.PackageInspector;
import dev.tollgate.core.TarEntryInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class TarballScannerTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  private static PackageInspection inspect(byte[] tgz) throws IOException {
    return inspect(tgz, Limits.defaults(), "");
  }

  private static PackageInspection inspect(byte[] tgz, Limits limits, String sri)
      throws IOException {
    return PackageInspector.inspectTarball("test.tgz", new ByteArrayInputStream(tgz), limits, sri);
  }

  private static List<String> ids(PackageInspection p) {
    return p.findings().stream().map(Finding::id).toList();
  }

  private static Finding only(PackageInspection p, FindingCategory c) {
    List<Finding> fs = p.findings().stream().filter(f -> f.category() == c).toList();
    assertEquals(1, fs.size(), fs.toString());
    return fs.get(0);
  }

  @Test
  void readsManifestAndReportsInstallScripts() throws IOException {
    byte[] tgz = new Tarballs()
        .file("package/package.json", Tarballs.manifest("demo", "1.0.0",
            "{\"postinstall\":\"node setup.js\",\"test\":\"jest\"}"))
        .file("package/index.js", "module.exports = 1;\n")
        .build();
    PackageInspection p = inspect(tgz);
    assertEquals("demo", p.name());
    assertEquals("1.0.0", p.version());
    assertEquals("MIT", p.license());
    assertEquals(2, p.entries().size());
    assertTrue(p.hasInstallScript());
    Finding f = only(p, FindingCategory.INSTALL_SCRIPT);
    assertEquals("install-script:demo@1.0.0:install-script:postinstall", f.id());
    assertEquals("node setup.js", f.evidence().get(0).excerpt());
    assertEquals(ids(p), ids(inspect(tgz)), "deterministic");
  }

  @Test
  void bindingGypWithoutInstallScriptMeansNodeGypRebuild() throws IOException {
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("native", "2.0.0", null))
        .file("package/binding.gyp", "{}")
        .build());
    assertEquals("binding.gyp makes npm run node-gyp rebuild on install",
        only(p, FindingCategory.INSTALL_SCRIPT).title());
  }

  @Test
  void computesSubresourceIntegrityOfTheTarballBytes() throws Exception {
    byte[] tgz = new Tarballs().file("package/package.json", Tarballs.manifest("a", "1.0.0", null))
        .build();
    String sha512 = "sha512-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-512").digest(tgz));
    PackageInspection ok = inspect(tgz, Limits.defaults(), sha512);
    assertEquals(sha512, ok.sha512());
    assertEquals(tgz.length, ok.compressedBytes());
    assertTrue(ok.findings().isEmpty(), ok.findings().toString());
    String sha1 = "sha1-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-1").digest(tgz));
    assertTrue(inspect(tgz, Limits.defaults(), sha1).findings().isEmpty());
  }

  @Test
  void reportsIntegrityMismatchAsCritical() throws IOException {
    byte[] tgz = new Tarballs().file("package/package.json", Tarballs.manifest("a", "1.0.0", null))
        .build();
    String wrong = "sha512-" + Base64.getEncoder().encodeToString(new byte[64]);
    Finding f = only(inspect(tgz, Limits.defaults(), wrong), FindingCategory.INTEGRITY);
    assertEquals(Severity.CRITICAL, f.severity());
    assertEquals("integrity:a@1.0.0:integrity-mismatch", f.id());
  }

  @Test
  void flagsTraversalAbsoluteBackslashAndNulPaths() throws IOException {
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("evil", "1.0.0", null))
        .file("package/../../etc/cron.d/x", "boom")
        .file("/etc/passwd", "root")
        .file("package\\win.js", "x")
        .build());
    List<String> ids = ids(p);
    assertTrue(ids.contains("path-safety:evil@1.0.0:traversal:package/../../etc/cron.d/x"), ids.toString());
    assertTrue(ids.contains("path-safety:evil@1.0.0:absolute:/etc/passwd"), ids.toString());
    assertTrue(ids.contains("path-safety:evil@1.0.0:backslash:package\\\\win.js"), ids.toString());
    assertTrue(ids.contains("path-safety:evil@1.0.0:multiple-roots"), ids.toString());
  }

  @Test
  void symlinkEscapingThePackageIsHighAndOneInsideIsLow() throws IOException {
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("links", "1.0.0", null))
        .symlink("package/lib/out", "../../../home/user/.ssh/id_rsa")
        .symlink("package/lib/in", "../index.js")
        .hardlink("package/hard", "/etc/shadow")
        .hardlink("package/hard2", "package/index.js")
        .build());
    List<Finding> links = p.findings().stream()
        .filter(f -> f.category() == FindingCategory.PATH_SAFETY).toList();
    assertEquals(4, links.size(), links.toString());
    assertEquals(Severity.HIGH, severityOf(p, "symlink:package/lib/out"));
    assertEquals(Severity.LOW, severityOf(p, "symlink:package/lib/in"));
    assertEquals(Severity.HIGH, severityOf(p, "hardlink:package/hard"));
    assertEquals(Severity.LOW, severityOf(p, "hardlink:package/hard2"));
  }

  private static Severity severityOf(PackageInspection p, String key) {
    return p.findings().stream().filter(f -> f.id().endsWith(":" + key)).findFirst().orElseThrow()
        .severity();
  }

  @Test
  void devicesAndFifosAreFindings() throws IOException {
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("dev", "1.0.0", null))
        .entry("package/null", TarConstants.LF_CHR, null)
        .entry("package/disk", TarConstants.LF_BLK, null)
        .entry("package/pipe", TarConstants.LF_FIFO, null)
        .build());
    assertEquals(List.of(TarEntryInfo.Type.FILE, TarEntryInfo.Type.CHARACTER_DEVICE,
        TarEntryInfo.Type.BLOCK_DEVICE, TarEntryInfo.Type.FIFO),
        p.entries().stream().map(TarEntryInfo::type).toList());
    assertEquals(3, p.findings().stream().filter(f -> f.id().contains(":device:")).count());
  }

  @Test
  void duplicatePathsAreFindings() throws IOException {
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("dup", "1.0.0", null))
        .file("package/index.js", "a")
        .file("package/index.js", "b")
        .build());
    assertTrue(ids(p).contains("path-safety:dup@1.0.0:duplicate:package/index.js"));
  }

  @Test
  void readsGnuAndPaxLongNames() throws IOException {
    String longPath = "package/" + "deep/".repeat(40) + "file.js";
    for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_GNU,
        TarArchiveOutputStream.LONGFILE_POSIX}) {
      PackageInspection p = inspect(new Tarballs().longNames(mode)
          .file("package/package.json", Tarballs.manifest("long", "1.0.0", null))
          .file(longPath, "x")
          .build());
      assertEquals(longPath, p.entries().get(1).path());
      assertTrue(p.findings().isEmpty(), p.findings().toString());
    }
  }

  @Test
  void detectsNativeBinaries() throws IOException {
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    byte[] pe = {'M', 'Z', (byte) 0x90, 0};
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("bin", "1.0.0", null))
        .file("package/build/Release/addon.node", elf)
        .file("package/bin/tool", elf)
        .file("package/bin/tool.exe", pe)
        .build());
    assertEquals(List.of("native-code:bin@1.0.0:binary:bin/tool",
        "native-code:bin@1.0.0:binary:bin/tool.exe",
        "native-code:bin@1.0.0:native-addon:build/Release/addon.node"), ids(p));
  }

  @Test
  void reportsSecretsWithFileLineAndRedactedExcerpt() throws IOException {
    String token = "npm_" + "Ab12".repeat(9);
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("leaky", "1.0.0", null))
        .file("package/.npmrc", "//registry.example.test/:_authToken=" + token + "\n")
        .build());
    List<Finding> secrets = p.findings().stream()
        .filter(f -> f.category() == FindingCategory.SECRET).toList();
    assertEquals(2, secrets.size(), secrets.toString());
    for (Finding f : secrets) {
      assertEquals(".npmrc", f.evidence().get(0).file().replace("package/", ""));
      assertEquals(1, f.evidence().get(0).line());
      assertTrue(!f.evidence().get(0).excerpt().contains(token), f.toString());
      assertTrue(!f.toString().contains(token), f.toString());
    }
  }

  @Test
  void collectsLicenseBearingFilesForTheLicenseProvider() throws IOException {
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("lic", "1.0.0", null))
        .file("package/LICENSE.md", "MIT License\n\nCopyright (c) 2024 Someone\n")
        .file("package/lib/a.js", "// SPDX-License-Identifier: Apache-2.0\nexport {};\n")
        .file("package/lib/b.js", "export {};\n")
        .build());
    assertEquals(List.of("LICENSE.md", "lib/a.js"),
        p.licenseFiles().stream().map(dev.tollgate.core.TextFile::path).toList());
    assertTrue(p.licenseFiles().get(0).text().startsWith("MIT License"));
  }

  @Test
  void missingManifestIsAFinding() throws IOException {
    PackageInspection p = inspect(new Tarballs().file("package/index.js", "x").build());
    assertEquals("manifest:manifest-missing", only(p, FindingCategory.MANIFEST).id());
  }

  @Test
  void refusesMoreEntriesThanTheLimitInBoundedTime() {
    assertTimeoutPreemptively(BOUND, () -> {
      Tarballs t = new Tarballs().file("package/package.json", Tarballs.manifest("n", "1.0.0", null));
      for (int i = 0; i < 100_000; i++) {
        t.file("package/f" + Integer.toString(i * 7919, 36) + ".js", Integer.toString(i, 36));
      }
      byte[] tgz = t.build();
      LimitExceededException e = assertThrows(LimitExceededException.class, () -> inspect(tgz));
      assertEquals("maxTarEntries", e.limitName());
      assertEquals(50_000, e.limit());
    });
  }

  @Test
  void refusesAnEntryLargerThanTheLimitFromItsHeader() {
    Limits small = Limits.builder().maxTarEntryBytes(1024).build();
    byte[] tgz = new Tarballs().file("package/package.json", Tarballs.manifest("n", "1.0.0", null))
        .file("package/big.bin", new byte[4096]).build();
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> inspect(tgz, small, ""));
    assertEquals("maxTarEntryBytes", e.limitName());
    assertEquals(4096, e.observed());
  }

  @Test
  void refusesAGigabyteOfCompressedZerosByItsRatio() {
    assertTimeoutPreemptively(BOUND, () -> {
      LimitExceededException e = assertThrows(LimitExceededException.class,
          () -> PackageInspector.inspectTarball("zeros.tgz", gzipOfZeros(1L << 30),
              Limits.defaults(), ""));
      assertEquals("maxCompressionRatio", e.limitName());
    });
  }

  @Test
  void refusesARatioBombInsideAnEntry() {
    assertTimeoutPreemptively(BOUND, () -> {
      byte[] bomb = new byte[64 << 20];
      Arrays.fill(bomb, (byte) 'a');
      byte[] tgz = new Tarballs().file("package/package.json", Tarballs.manifest("b", "1.0.0", null))
          .file("package/bomb.txt", bomb).build();
      LimitExceededException e = assertThrows(LimitExceededException.class, () -> inspect(tgz));
      assertEquals("maxCompressionRatio", e.limitName());
    });
  }

  @Test
  void refusesTotalBytesAboveTheLimit() {
    Limits small = Limits.builder().maxTarTotalBytes(64 * 1024).build();
    byte[] noise = new byte[100 * 1024];
    new java.util.Random(7).nextBytes(noise);
    byte[] tgz = new Tarballs().file("package/package.json", Tarballs.manifest("t", "1.0.0", null))
        .file("package/noise.bin", noise).build();
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> inspect(tgz, small, ""));
    assertEquals("maxTarTotalBytes", e.limitName());
  }

  @Test
  void refusesLongPaths() {
    Limits small = Limits.builder().maxPathLength(50).build();
    byte[] tgz = new Tarballs().file("package/" + "x".repeat(60), "x").build();
    assertEquals("maxPathLength", assertThrows(LimitExceededException.class,
        () -> inspect(tgz, small, "")).limitName());
  }

  @Test
  void truncatedGzipIsInvalidInput() {
    byte[] tgz = new Tarballs().file("package/package.json", Tarballs.manifest("t", "1.0.0", null))
        .file("package/index.js", "x".repeat(5000)).build();
    byte[] cut = Arrays.copyOf(tgz, tgz.length / 2);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> inspect(cut));
    assertTrue(e.getMessage().startsWith("test.tgz: truncated gzip or tar stream after entry"),
        e.getMessage());
  }

  @Test
  void notGzipIsInvalidInput() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> inspect("just text".getBytes()));
    assertTrue(e.getMessage().startsWith("test.tgz: not a gzip stream or corrupt"), e.getMessage());
  }

  @Test
  void badTarChecksumIsInvalidInput() throws IOException {
    byte[] tar = new byte[1024 + 512];
    byte[] name = "package/package.json".getBytes();
    System.arraycopy(name, 0, tar, 0, name.length);
    byte[] size = "00000000000\0".getBytes();
    System.arraycopy(size, 0, tar, 124, size.length);
    byte[] checksum = "0000001\0".getBytes();
    System.arraycopy(checksum, 0, tar, 148, checksum.length);
    tar[156] = '0';
    System.arraycopy("ustar\0".getBytes(), 0, tar, 257, 6);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(tar);
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> inspect(out.toByteArray()));
    assertTrue(e.getMessage().startsWith("test.tgz: corrupt tar header at byte 0: checksum 1 does not match"),
        e.getMessage());
  }

  @Test
  void sparseEntriesAreReportedUnscanned() throws IOException {
    PackageInspection p = inspect(new Tarballs()
        .file("package/package.json", Tarballs.manifest("s", "1.0.0", null))
        .entry("package/sparse.bin", TarConstants.LF_GNUTYPE_SPARSE, null)
        .build());
    assertEquals(FindingCategory.UNSCANNED, only(p, FindingCategory.UNSCANNED).category());
  }

  /** Streams a gzip of n zero bytes without holding them. */
  private static InputStream gzipOfZeros(long n) throws IOException {
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream out = new PipedOutputStream(in);
    Thread t = new Thread(() -> {
      try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
        byte[] zeros = new byte[1 << 20];
        for (long done = 0; done < n; done += zeros.length) {
          gz.write(zeros);
        }
      } catch (IOException e) {
        // the reader stopped early, as it should
      }
    });
    t.setDaemon(true);
    t.start();
    return in;
  }
}
