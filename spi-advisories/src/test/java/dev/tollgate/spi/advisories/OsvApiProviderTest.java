package dev.tollgate.spi.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.ProviderException;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.ProviderContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OsvApiProviderTest {
  static final String BATCH = "/v1/querybatch";
  LocalServer server;
  final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AdvisorySource source(boolean offline, String... keyValues) {
    ProviderContext.Builder b = ProviderContext.builder()
        .put(OsvApiProvider.KEY_URL, server.url()).put("advisories.osvapi.backoff", "PT0.001S")
        .offline(offline);
    for (int i = 0; i < keyValues.length; i += 2) {
      b.put(keyValues[i], keyValues[i + 1]);
    }
    return new OsvApiProvider(sleeps::add).create(b.build());
  }

  private static String fixture(String relative) throws IOException {
    return Files.readString(TestData.fixtureTree().resolve(relative), StandardCharsets.UTF_8);
  }

  @Test
  void queriesInABatchThenFetchesEachVulnerabilityOnce() throws IOException {
    server.on(BATCH, LocalServer.Answer.json("""
        {"results": [{"vulns": [{"id": "GHSA-3h5v-q93c-6h6q", "modified": "2024-06-17T19:09:12Z"}]},
                     {},
                     {"vulns": [{"id": "GHSA-3h5v-q93c-6h6q", "modified": "2024-06-17T19:09:12Z"},
                                {"id": "MAL-2024-1976", "modified": "2024-04-04T00:00:00Z"}]}]}
        """));
    server.on("/v1/vulns/GHSA-3h5v-q93c-6h6q", LocalServer.Answer.gzipJson(fixture(
        "advisories/github-reviewed/2024/06/GHSA-3h5v-q93c-6h6q/GHSA-3h5v-q93c-6h6q.json")));
    server.on("/v1/vulns/MAL-2024-1976", LocalServer.Answer.json(fixture(
        "osv/malicious/npm/chasqui/MAL-2024-1976.json")));

    List<Advisory> found = source(false).lookup(Map.of("ws", Set.of("8.0.0", "7.4.0"),
        "chasqui", Set.of()));

    assertEquals(List.of("GHSA-3h5v-q93c-6h6q", "MAL-2024-1976"),
        found.stream().map(Advisory::id).toList());
    assertEquals(4, found.get(0).affected().size());
    assertTrue(found.get(1).malicious());
    List<LocalServer.Request> requests = server.requests();
    assertEquals(3, requests.size());
    assertEquals("{\"queries\":[{\"package\":{\"name\":\"chasqui\",\"ecosystem\":\"npm\"}},"
        + "{\"package\":{\"name\":\"ws\",\"ecosystem\":\"npm\"},\"version\":\"7.4.0\"},"
        + "{\"package\":{\"name\":\"ws\",\"ecosystem\":\"npm\"},\"version\":\"8.0.0\"}]}",
        requests.get(0).body());
    assertEquals(Set.of("GET /v1/vulns/GHSA-3h5v-q93c-6h6q", "GET /v1/vulns/MAL-2024-1976"),
        Set.of(requests.get(1).method() + " " + requests.get(1).path(),
            requests.get(2).method() + " " + requests.get(2).path()));
  }

  @Test
  void followsNextPageTokens() throws IOException {
    server.on(BATCH,
        LocalServer.Answer.json("{\"results\": [{\"vulns\": [{\"id\": \"MAL-2024-1976\"}],"
            + " \"next_page_token\": \"page-2\"}]}"),
        LocalServer.Answer.json("{\"results\": [{\"vulns\": [{\"id\": \"MAL-2023-8697\"}]}]}"));
    server.on("/v1/vulns/MAL-2024-1976", LocalServer.Answer.json(fixture(
        "osv/malicious/npm/chasqui/MAL-2024-1976.json")));
    server.on("/v1/vulns/MAL-2023-8697", LocalServer.Answer.json(fixture(
        "osv/malicious/npm/@ledgerhq/connect-kit/MAL-2023-8697.json")));
    List<Advisory> found = source(false).lookup(Map.of("chasqui", Set.of("1.0.0")));
    assertEquals(2, found.size());
    assertTrue(server.requests().get(1).body().contains("\"page_token\":\"page-2\""));
  }

  @Test
  void retriesAfter429ThenSucceeds() throws IOException {
    server.on(BATCH, LocalServer.Answer.status(429, Map.of("Retry-After", "0")),
        LocalServer.Answer.json("{\"results\": [{}]}"));
    assertEquals(List.of(), source(false).lookup(Map.of("a", Set.of("1"))));
    assertEquals(2, server.requests().size());
  }

  @Test
  void givesUpOn503AfterMaxAttempts() {
    server.always(BATCH, LocalServer.Answer.status(503, Map.of("Retry-After", "0")));
    ProviderException e = assertThrows(ProviderException.class,
        () -> source(false, "advisories.osvapi.maxAttempts", "2").lookup(Map.of("a", Set.of("1"))));
    assertEquals("builtin-osv-api", e.providerId());
    assertEquals(2, server.requests().size());
  }

  @Test
  void rejectsAResultCountThatDoesNotMatchTheQueries() {
    server.on(BATCH, LocalServer.Answer.json("{\"results\": []}"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> source(false).lookup(Map.of("a", Set.of("1"))));
    assertTrue(e.getMessage().contains("querybatch answered 0 results for 1 queries"));
  }

  @Test
  void rejectsAVulnIdThatIsNotAnOsvId() {
    server.on(BATCH, LocalServer.Answer.json(
        "{\"results\": [{\"vulns\": [{\"id\": \"../../admin\"}]}]}"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> source(false).lookup(Map.of("a", Set.of("1"))));
    assertTrue(e.getMessage().contains("vuln id \"../../admin\" is missing or not an OSV id"));
  }

  @Test
  void rejectsAMalformedVulnerabilityRecord() {
    server.on(BATCH, LocalServer.Answer.json("{\"results\": [{\"vulns\": [{\"id\": \"X-1\"}]}]}"));
    server.on("/v1/vulns/X-1", LocalServer.Answer.json("{\"id\": \"X-1\", \"affected\": {}}"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> source(false).lookup(Map.of("a", Set.of("1"))));
    assertEquals("builtin-osv-api response to GET " + server.url() + "v1/vulns/X-1", e.source());
    assertEquals(1, e.line());
  }

  @Test
  void rejectsARecordWhoseIdIsNotTheOneAskedFor() {
    server.on(BATCH, LocalServer.Answer.json("{\"results\": [{\"vulns\": [{\"id\": \"X-1\"}]}]}"));
    server.on("/v1/vulns/X-1", LocalServer.Answer.json("{\"id\": \"X-2\"}"));
    assertThrows(InvalidInputException.class,
        () -> source(false).lookup(Map.of("a", Set.of("1"))));
  }

  @Test
  void reportsAMissingVulnerabilityAsAProviderFailure() {
    server.on(BATCH, LocalServer.Answer.json("{\"results\": [{\"vulns\": [{\"id\": \"X-1\"}]}]}"));
    ProviderException e = assertThrows(ProviderException.class,
        () -> source(false).lookup(Map.of("a", Set.of("1"))));
    assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
  }

  @Test
  void fetchesOneAtATimeWhenConcurrencyIsOneAndCachesRecords() throws IOException {
    server.always(BATCH, LocalServer.Answer.json(
        "{\"results\": [{\"vulns\": [{\"id\": \"MAL-2024-1976\", \"modified\":"
            + " \"2024-04-04T00:00:00Z\"}]}]}"));
    server.on("/v1/vulns/MAL-2024-1976", LocalServer.Answer.json(fixture(
        "osv/malicious/npm/chasqui/MAL-2024-1976.json")));
    AdvisorySource source = source(false, "advisories.osvapi.concurrency", "1");
    List<Advisory> first = source.lookup(Map.of("chasqui", Set.of("26.0.1")));
    List<Advisory> second = source.lookup(Map.of("chasqui", Set.of("26.0.1")));
    assertEquals(first, second);
    assertEquals(3, server.requests().size(), "the record is fetched once, then cached");
  }

  @Test
  void refusesToGoOnlineInOfflineMode() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> source(true).lookup(Map.of("a", Set.of("1"))));
    assertTrue(e.getMessage().contains("offline mode is on, so the OSV API is not contacted"));
    assertTrue(server.requests().isEmpty());
  }
}
