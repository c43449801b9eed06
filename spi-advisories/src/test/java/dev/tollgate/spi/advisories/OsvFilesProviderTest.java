package dev.tollgate.spi.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.ProviderException;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import dev.tollgate.api.spi.AffectedRange.Event;
import dev.tollgate.api.spi.AffectedRange.EventKind;
import dev.tollgate.api.spi.ProviderContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvFilesProviderTest {

  @TempDir
  Path tmp;

  private static AdvisorySource create(Path path, String... keyValues) {
    ProviderContext.Builder b = ProviderContext.builder()
        .put(OsvFilesProvider.KEY_PATH, path.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      b.put(keyValues[i], keyValues[i + 1]);
    }
    return new OsvFilesProvider().create(b.build());
  }

  private static Advisory one(AdvisorySource source, String name, String id) throws IOException {
    return source.lookup(Map.of(name, Set.of())).stream().filter(a -> a.id().equals(id))
        .findFirst().orElseThrow(() -> new AssertionError(id + " not found for " + name));
  }

  private static AffectedRange.Osv osv(String type, Event... events) {
    return new AffectedRange.Osv(type, List.of(events));
  }

  private static Event ev(EventKind kind, String version) {
    return new Event(kind, version);
  }

  @Test
  void loadsEveryRecordOfTheMaliciousPackagesExport() throws IOException {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    AdvisorySource source = create(TestData.ossfZip());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf("OSSF export: %d records loaded in %d ms, retained heap about %d MiB%n",
        source.info().records(), ms, (after - before) >> 20);

    assertEquals(22_241, source.info().records());
    assertEquals(Instant.parse("2025-06-04T01:35:01Z"), source.info().asOf());
    assertTrue(source.info().source().contains("22241 npm advisories, 0 not npm, 0 duplicate ids,"
        + " 0 rejected as invalid"), source.info().source());
    Advisory kit = one(source, "@ledgerhq/connect-kit", "MAL-2023-8697");
    assertTrue(kit.malicious());
    assertEquals(List.of("GHSA-g9hp-hq3h-h6hx"), kit.aliases());
    assertEquals(List.of(new AffectedPackage("npm", "@ledgerhq/connect-kit",
        List.of(osv("SEMVER", ev(EventKind.INTRODUCED, "1.1.5"),
            ev(EventKind.LAST_AFFECTED, "1.1.7"))), List.of())), kit.affected());
    List<Advisory> all = source.lookup(Map.of("wdio-api-client", Set.of("1.0.0"),
        "chasqui", Set.of(), "no-such-package-here", Set.of("1.0.0")));
    assertEquals(List.of("MAL-2024-1402", "MAL-2024-1976"),
        all.stream().map(Advisory::id).toList());
    assertTrue(all.stream().allMatch(Advisory::malicious));
  }

  @Test
  void representsEveryTrickyEncodingOfTheGhsaSampleFaithfully() throws IOException {
    AdvisorySource source = create(TestData.ghsaZip());
    assertEquals(11, source.info().records());

    // Several affected entries for one package, kept apart and in order.
    Advisory ws = one(source, "ws", "GHSA-3h5v-q93c-6h6q");
    assertEquals(List.of("2.1.0/5.2.4", "6.0.0/6.2.3", "7.0.0/7.5.10", "8.0.0/8.17.1"),
        ws.affected().stream().map(p -> {
          var r = (AffectedRange.Osv) p.ranges().get(0);
          return r.events().get(0).version() + "/" + r.events().get(1).version();
        }).toList());
    assertEquals("HIGH", ws.databaseSeverity());
    assertFalse(ws.malicious());
    assertEquals("CVSS_V3", ws.severity().get(0).type());
    assertTrue(ws.severity().get(0).score().startsWith("CVSS:3.1/AV:N"));

    // last_affected is its own event kind.
    Advisory request = one(source, "request", "GHSA-p8p7-x288-28g6");
    assertEquals(List.of(
        new AffectedPackage("npm", "request", List.of(osv("ECOSYSTEM",
            ev(EventKind.INTRODUCED, "0"), ev(EventKind.LAST_AFFECTED, "2.88.2"))), List.of()),
        new AffectedPackage("npm", "@cypress/request", List.of(osv("ECOSYSTEM",
            ev(EventKind.INTRODUCED, "0"), ev(EventKind.LAST_AFFECTED, "2.88.11"))), List.of())),
        request.affected());
    assertEquals(request, one(source, "@cypress/request", "GHSA-p8p7-x288-28g6"));

    // Prerelease bounds, and an open range with no upper bound.
    Advisory babel = one(source, "@babel/traverse", "GHSA-67hx-6x53-jw92");
    assertEquals(osv("ECOSYSTEM", ev(EventKind.INTRODUCED, "8.0.0-alpha.0"),
        ev(EventKind.FIXED, "8.0.0-alpha.4")), babel.affected().get(1).ranges().get(0));
    assertEquals(new AffectedPackage("npm", "babel-traverse",
        List.of(osv("ECOSYSTEM", ev(EventKind.INTRODUCED, "0"))), List.of()),
        babel.affected().get(2));
    assertEquals(List.of("CVE-2023-45133"), babel.aliases());
    assertEquals("2023-10-16T13:55:36Z", babel.published());
    assertEquals("2023-12-08T19:11:42Z", babel.modified());
    assertEquals("", babel.withdrawn());
    assertEquals(10, babel.references().size());
    assertTrue(babel.summary().startsWith("Babel vulnerable to arbitrary code execution"));
    assertTrue(babel.details().startsWith("### Impact\n\nUsing Babel"));

    // An empty fixed is kept verbatim (core treats it as absent); the record is malware (CWE-506).
    Advisory cal = one(source, "cal_rd", "GHSA-226w-6hhj-69hp");
    assertEquals(List.of(osv("ECOSYSTEM", ev(EventKind.INTRODUCED, "0.0.0"),
        ev(EventKind.FIXED, ""))), cal.affected().get(0).ranges());
    assertTrue(cal.malicious());
    assertEquals(List.of(), cal.aliases());

    // introduced 0.0.0 with no upper bound is not rewritten to 0.
    Advisory wen = one(source, "wenluhong1", "GHSA-224h-p7p5-rh85");
    assertEquals(List.of(osv("ECOSYSTEM", ev(EventKind.INTRODUCED, "0.0.0"))),
        wen.affected().get(0).ranges());

    // Ranges and a versions list in the same entry.
    Advisory ua = one(source, "ua-parser-js", "GHSA-pjwm-rvh2-c87w");
    assertEquals(3, ua.affected().size());
    assertEquals(List.of("0.7.29"), ua.affected().get(0).versions());
    assertEquals(osv("ECOSYSTEM", ev(EventKind.INTRODUCED, "0.7.29"),
        ev(EventKind.FIXED, "0.7.30")), ua.affected().get(0).ranges().get(0));

    // Only npm entries: jQuery's Maven and NuGet entries are dropped.
    Advisory jq = one(source, "jquery", "GHSA-2pqj-h3vj-pqgw");
    assertEquals(List.of("jquery"), jq.affected().stream().map(AffectedPackage::name).toList());
    assertTrue(source.lookup(Map.of("jQuery", Set.of(), "org.webjars.npm:jquery", Set.of()))
        .isEmpty());

    assertEquals(Set.of("CRITICAL", "HIGH", "MODERATE", "LOW"), source.lookup(Map.of(
        "ws", Set.of(), "semver", Set.of(), "@hapi/hoek", Set.of(), "json5", Set.of(),
        "node-ipc", Set.of())).stream().map(Advisory::databaseSeverity)
        .collect(Collectors.toSet()));
  }

  @Test
  void readsADirectoryTreeAndIgnoresFilesThatAreNotJson() throws IOException {
    AdvisorySource source = create(TestData.fixtureTree());
    assertEquals(6, source.info().records());
    Advisory vite = one(source, "aspirejavascript-vite", "MAL-2025-4551");
    assertEquals(List.of(osv("SEMVER", ev(EventKind.INTRODUCED, "100.101.1337")),
        osv("SEMVER", ev(EventKind.INTRODUCED, "0"))), vite.affected().get(0).ranges());
    Advisory chasqui = one(source, "chasqui", "MAL-2024-1976");
    assertEquals(List.of("26.0.1", "29.0.1-ep.2", "27.0.1"), chasqui.affected().get(0).versions());
    assertEquals(List.of(), chasqui.affected().get(0).ranges());
  }

  @Test
  void readsASingleJsonFile() throws IOException {
    AdvisorySource source = create(TestData.fixtureTree()
        .resolve("osv/malicious/npm/chasqui/MAL-2024-1976.json"));
    assertEquals(1, source.info().records());
  }

  @Test
  void lookupReturnsEachAdvisoryOnceSortedByIdWhateverTheVersions() throws IOException {
    AdvisorySource source = create(TestData.ghsaZip());
    List<Advisory> found = source.lookup(Map.of("request", Set.of("9.9.9"),
        "@cypress/request", Set.of("1.0.0"), "ws", Set.of("0.0.1")));
    assertEquals(List.of("GHSA-3h5v-q93c-6h6q", "GHSA-p8p7-x288-28g6"),
        found.stream().map(Advisory::id).toList());
    assertTrue(source.lookup(Map.of()).isEmpty());
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path z = tmp.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return z;
  }

  private static String record(String id, String name, String modified) {
    return "{\"id\": \"" + id + "\", \"modified\": \"" + modified + "\",\n"
        + " \"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\": \"" + name + "\"},"
        + " \"versions\": [\"1.0.0\"]}]}";
  }

  @Test
  void failsTheLoadOnAMalformedRecordNamingEntryLineAndColumn() throws IOException {
    Path z = zip("bad.zip", Map.of(
        "a/GOOD-1.json", record("GOOD-1", "left-pad", "2024-01-01T00:00:00Z"),
        "b/BAD-1.json", "{\"id\": \"BAD-1\",\n  \"affected\": [{\"package\": {\"ecosystem\": \"npm\","
            + " \"name\": \"x\"},\n  \"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"fixd\":"
            + " \"1\"}]}]}]}"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> create(z));
    assertEquals(z + "!b/BAD-1.json", e.source());
    assertEquals(3, e.line());
    assertTrue(e.column() > 0);
    assertEquals(z + "!b/BAD-1.json:3:" + e.column() + ": unknown event kind \"fixd\"; expected"
        + " introduced, fixed, last_affected or limit; see docs/errors.md#advisory-data-invalid",
        e.getMessage());
  }

  @Test
  void skipModeLoadsTheRestAndCountsTheRejectedRecord() throws IOException {
    Path z = zip("mixed.zip", Map.of(
        "GOOD-1.json", record("GOOD-1", "left-pad", "2024-01-01T00:00:00Z"),
        "BAD-1.json", "{\"id\": 7}",
        "NOTES.txt", "not json, not read"));
    AdvisorySource source = create(z, OsvFilesProvider.KEY_ON_INVALID, "skip");
    assertEquals(1, source.info().records());
    assertTrue(source.info().source().endsWith("(2 files, 1 npm advisories, 0 not npm,"
        + " 0 duplicate ids, 1 rejected as invalid)"), source.info().source());
  }

  @Test
  void keepsTheNewerRecordWhenTwoShareAnId() throws IOException {
    Path z = zip("dup.zip", Map.of(
        "1.json", record("DUP-1", "old-name", "2024-01-01T00:00:00Z"),
        "2.json", record("DUP-1", "new-name", "2024-02-01T00:00:00Z"),
        "3.json", record("DUP-1", "older-name", "2023-02-01T00:00:00Z")));
    AdvisorySource source = create(z);
    assertEquals(1, source.info().records());
    assertEquals(1, source.lookup(Map.of("new-name", Set.of())).size());
    assertTrue(source.lookup(Map.of("old-name", Set.of(), "older-name", Set.of())).isEmpty());
  }

  @Test
  void dropsRecordsWithoutAnNpmEntry() throws IOException {
    Path z = zip("pypi.zip", Map.of("PYSEC-1.json", "{\"id\": \"PYSEC-1\", \"affected\": [{"
        + "\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"requests\"}}]}"));
    AdvisorySource source = create(z);
    assertEquals(0, source.info().records());
    assertTrue(source.info().source().contains("1 not npm"));
  }

  @Test
  void rejectsARecordOverTheRecordSizeLimit() throws IOException {
    Path z = zip("big.zip", Map.of("BIG-1.json", record("BIG-1", "x", "")
        .replace("\"id\"", "\"details\": \"" + "a".repeat(5000) + "\", \"id\"")));
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> create(z, OsvFilesProvider.KEY_MAX_RECORD_BYTES, "4096"));
    assertEquals(z + "!BIG-1.json", e.source());
    assertEquals("advisories.osv.maxRecordBytes", e.limitName());
  }

  @Test
  void rejectsMoreRecordsThanMaxEntries() throws IOException {
    Path z = zip("many.zip", Map.of("1.json", record("A-1", "a", ""),
        "2.json", record("A-2", "b", ""), "3.json", record("A-3", "c", "")));
    ProviderContext ctx = ProviderContext.builder().put(OsvFilesProvider.KEY_PATH, z.toString())
        .limits(Limits.builder().maxEntries(2).build()).build();
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> new OsvFilesProvider().create(ctx));
    assertEquals("maxEntries", e.limitName());
    assertEquals(3, e.observed());
  }

  @Test
  void needsAPathAndSaysWhichKey() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> new OsvFilesProvider().create(ProviderContext.builder().build()));
    assertTrue(e.getMessage().contains("advisories.osv.path"));
    assertTrue(e.getMessage().endsWith("see docs/errors.md#advisories-osv-path"));
  }

  @Test
  void reportsAMissingPathAsAProviderFailure() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> create(tmp.resolve("nowhere.zip")));
    assertEquals("builtin-osv-files", e.providerId());
  }

  @Test
  void reportsAFileThatIsNotAZipAsAProviderFailure() throws IOException {
    Path notZip = tmp.resolve("data.zip");
    try (OutputStream out = Files.newOutputStream(notZip)) {
      out.write("not a zip".getBytes(StandardCharsets.UTF_8));
    }
    assertThrows(ProviderException.class, () -> create(notZip));
  }

  @Test
  void rejectsAnUnknownOnInvalidValue() {
    assertThrows(ConfigurationException.class,
        () -> create(TestData.ghsaZip(), OsvFilesProvider.KEY_ON_INVALID, "ignore"));
  }
}
