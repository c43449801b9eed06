package dev.tollgate.spi.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.ProviderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCacheTest {
  @TempDir
  Path tmp;

  private static AdvisorySource create(Path data, Path cache) {
    return new OsvFilesProvider().create(ProviderContext.builder()
        .put(OsvFilesProvider.KEY_PATH, data.toString())
        .put(OsvFilesProvider.KEY_CACHE, cache.toString()).build());
  }

  private static List<Advisory> all(AdvisorySource s, String... names) throws IOException {
    Map<String, Set<String>> q = new java.util.HashMap<>();
    for (String n : names) {
      q.put(n, Set.of());
    }
    return s.lookup(q);
  }

  private static final String[] GHSA_NAMES = {"ws", "request", "@cypress/request",
      "@babel/traverse", "babel-traverse", "cal_rd", "wenluhong1", "ua-parser-js", "jquery",
      "semver", "json5", "@hapi/hoek", "node-ipc"};

  @Test
  void writesTheIndexOnFirstLoadAndReadsItBackEqual() throws IOException {
    Path cache = tmp.resolve("idx/ghsa.idx");
    AdvisorySource first = create(TestData.ghsaZip(), cache);
    assertTrue(Files.isRegularFile(cache));
    assertFalse(first.info().source().contains("from the index cache"));
    AdvisorySource second = create(TestData.ghsaZip(), cache);
    assertTrue(second.info().source().endsWith(", from the index cache)"),
        second.info().source());
    assertEquals(first.info().records(), second.info().records());
    assertEquals(first.info().asOf(), second.info().asOf());
    assertEquals(all(first, GHSA_NAMES), all(second, GHSA_NAMES));
    assertEquals(11, all(second, GHSA_NAMES).size());
  }

  @Test
  void reloadsTheWholeMaliciousPackagesExportFromTheIndex() throws IOException {
    Path cache = tmp.resolve("ossf.idx");
    long t0 = System.nanoTime();
    AdvisorySource json = create(TestData.ossfZip(), cache);
    long t1 = System.nanoTime();
    AdvisorySource fromIndex = create(TestData.ossfZip(), cache);
    long t2 = System.nanoTime();
    System.out.printf("OSSF export: JSON load + index write %d ms; index reload %d ms;"
        + " index size %d KiB%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
        Files.size(cache) >> 10);
    assertTrue(fromIndex.info().source().contains("from the index cache"));
    assertEquals(22_241, fromIndex.info().records());
    assertEquals(json.lookup(Map.of("@ledgerhq/connect-kit", Set.of(), "chasqui", Set.of())),
        fromIndex.lookup(Map.of("@ledgerhq/connect-kit", Set.of(), "chasqui", Set.of())));
  }

  @Test
  void ignoresACorruptedIndexAndRewritesIt() throws IOException {
    Path cache = tmp.resolve("ghsa.idx");
    create(TestData.ghsaZip(), cache);
    byte[] bytes = Files.readAllBytes(cache);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(cache, bytes);
    AdvisorySource s = create(TestData.ghsaZip(), cache);
    assertFalse(s.info().source().contains("from the index cache"));
    assertEquals(11, s.info().records());
    assertTrue(create(TestData.ghsaZip(), cache).info().source().contains("from the index cache"));
  }

  @Test
  void ignoresATruncatedOrForeignFile() throws IOException {
    Path cache = tmp.resolve("ghsa.idx");
    create(TestData.ghsaZip(), cache);
    byte[] bytes = Files.readAllBytes(cache);
    Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertFalse(create(TestData.ghsaZip(), cache).info().source().contains("index cache"));
    Files.writeString(cache, "not an index at all, just text");
    assertFalse(create(TestData.ghsaZip(), cache).info().source().contains("index cache"));
  }

  @Test
  void rejectsAnIndexOfAnotherFormatVersion() throws IOException {
    Path cache = tmp.resolve("ghsa.idx");
    create(TestData.ghsaZip(), cache);
    byte[] bytes = Files.readAllBytes(cache);
    bytes[11] = 99; // last byte of the big-endian version after the 8-byte magic
    Files.write(cache, bytes);
    String fp = IndexCache.fingerprint(TestData.ghsaZip(), "x");
    IndexCache.Unusable e = assertThrows(IndexCache.Unusable.class,
        () -> IndexCache.read(cache, fp, 1 << 30));
    assertEquals("format version 99, expected 1", e.getMessage());
  }

  @Test
  void reloadsWhenTheSourceChanges() throws IOException {
    Path data = tmp.resolve("data.zip");
    Files.copy(TestData.ghsaZip(), data);
    Path cache = tmp.resolve("data.idx");
    create(data, cache);
    Files.copy(TestData.fixtureTree().resolve("osv/malicious/npm/chasqui/MAL-2024-1976.json"),
        tmp.resolve("data.zip"), StandardCopyOption.REPLACE_EXISTING);
    // Not a zip any more: the fingerprint changed, so the JSON path is taken and fails loudly.
    Files.setLastModifiedTime(data, FileTime.fromMillis(1_000));
    assertThrows(dev.tollgate.api.ProviderException.class, () -> create(data, cache));
  }

  @Test
  void survivesRandomByteFlipsWithoutUsingABadIndex() throws IOException {
    Path cache = tmp.resolve("ghsa.idx");
    AdvisorySource good = create(TestData.ghsaZip(), cache);
    byte[] original = Files.readAllBytes(cache);
    Random r = new Random(42);
    for (int i = 0; i < 20; i++) {
      byte[] bytes = original.clone();
      bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
      Files.write(cache, bytes);
      AdvisorySource s = create(TestData.ghsaZip(), cache);
      assertEquals(all(good, GHSA_NAMES), all(s, GHSA_NAMES), "flip " + i);
    }
  }
}
