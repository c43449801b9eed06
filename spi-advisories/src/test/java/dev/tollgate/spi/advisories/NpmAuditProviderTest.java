package dev.tollgate.spi.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.ProviderException;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
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
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmAuditProviderTest {
  static final String TOKEN = "npm_TESTtoken0123456789abcdefSECRET";
  static final String BULK = "/-/npm/v1/security/advisories/bulk";
  static final String ANSWER = """
      {"minimist": [{"id": 1097678, "url": "https://github.com/advisories/GHSA-xvch-5gv4-984h",
        "title": "Prototype Pollution in minimist", "severity": "critical",
        "vulnerable_versions": "<0.2.4", "cwe": ["CWE-1321"],
        "cvss": {"score": 9.8, "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}},
        {"id": 1097677, "url": "https://github.com/advisories/GHSA-vh95-rmgr-6w4m",
        "title": "Prototype Pollution in minimist", "severity": "moderate",
        "vulnerable_versions": ">=1.0.0 <1.2.3", "cwe": ["CWE-1321"],
        "cvss": {"score": 5.6, "vectorString": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L"}}],
       "evil-pkg": [{"id": 42, "url": "https://example.invalid/advisories/42",
        "title": "Malware in evil-pkg", "severity": "critical", "vulnerable_versions": ">=0.0.0",
        "cwe": ["CWE-506"], "cvss": {"score": 0, "vectorString": null}}]}
      """;

  @TempDir
  Path tmp;
  LocalServer server;
  final List<Duration> sleeps = new ArrayList<>();
  final Map<String, String> env = new TreeMap<>();

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AdvisorySource source(String... keyValues) {
    return source(false, keyValues);
  }

  private AdvisorySource source(boolean offline, String... keyValues) {
    ProviderContext.Builder b = ProviderContext.builder()
        .put(NpmAuditProvider.KEY_REGISTRY, server.url())
        .put("advisories.npm.backoff", "PT0.001S")
        .offline(offline);
    for (int i = 0; i < keyValues.length; i += 2) {
      b.put(keyValues[i], keyValues[i + 1]);
    }
    return new NpmAuditProvider(env::get, sleeps::add).create(b.build());
  }

  /** Asserts that no message, toString or cause of the throwable shows the token. */
  static void assertNoToken(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertFalse(String.valueOf(c.getMessage()).contains(TOKEN), c.toString());
      assertFalse(c.toString().contains(TOKEN), c.toString());
      assertFalse(String.valueOf(c.getMessage()).contains("TESTtoken"), c.toString());
    }
  }

  @Test
  void postsAGzippedBodyWithTheBearerTokenAndMapsTheAnswer() throws IOException {
    server.on(BULK, LocalServer.Answer.json(ANSWER));
    env.put("MY_NPM_TOKEN", TOKEN);
    AdvisorySource source = source(NpmAuditProvider.KEY_TOKEN_ENV, "MY_NPM_TOKEN");

    List<Advisory> found = source.lookup(Map.of("minimist", Set.of("1.2.0", "0.0.8"),
        "evil-pkg", Set.of("1.0.0")));

    LocalServer.Request r = server.requests().get(0);
    assertEquals("POST", r.method());
    assertEquals("gzip", r.header("Content-Encoding"));
    assertEquals("application/json", r.header("Content-Type"));
    assertEquals("Bearer " + TOKEN, r.header("Authorization"));
    assertEquals("{\"evil-pkg\":[\"1.0.0\"],\"minimist\":[\"0.0.8\",\"1.2.0\"]}", r.body());

    assertEquals(List.of("GHSA-vh95-rmgr-6w4m", "GHSA-xvch-5gv4-984h", "NPM-42"),
        found.stream().map(Advisory::id).toList());
    Advisory m = found.get(1);
    assertEquals(List.of("NPM-1097678"), m.aliases());
    assertEquals("Prototype Pollution in minimist", m.summary());
    assertEquals("CRITICAL", m.databaseSeverity());
    assertEquals("CWE: CWE-1321", m.details());
    assertEquals(List.of(new Advisory.SeverityScore("CVSS_V3",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")), m.severity());
    assertEquals(List.of(new AffectedPackage("npm", "minimist",
        List.of(new AffectedRange.Npm("<0.2.4")), List.of())), m.affected());
    assertEquals(List.of("https://github.com/advisories/GHSA-xvch-5gv4-984h"), m.references());
    assertFalse(m.malicious());
    Advisory evil = found.get(2);
    assertTrue(evil.malicious());
    assertEquals(List.of(), evil.severity());
    assertEquals(List.of(), evil.aliases());
    assertFalse(source.toString().contains(TOKEN), source.toString());
    assertTrue(source.toString().contains("bearer token ****"), source.toString());
  }

  @Test
  void readsTheTokenFromNpmrcWithEnvironmentExpansion() throws IOException {
    server.on(BULK, LocalServer.Answer.json("{}"));
    env.put("CI_NPM_TOKEN", TOKEN);
    Path npmrc = tmp.resolve(".npmrc");
    Files.writeString(npmrc, "; a comment\nregistry=" + server.url() + "\n"
        + "//other.invalid/:_authToken=wrong-token-value\n"
        + "//127.0.0.1:" + server.port() + "/:_authToken=${CI_NPM_TOKEN}\n");
    AdvisorySource source = source(NpmAuditProvider.KEY_NPMRC, npmrc.toString());
    assertEquals(List.of(), source.lookup(Map.of("left-pad", Set.of("1.3.0"))));
    assertEquals("Bearer " + TOKEN, server.requests().get(0).header("Authorization"));
  }

  @Test
  void sendsNoAuthorizationWithoutAToken() throws IOException {
    server.on(BULK, LocalServer.Answer.json("{}"));
    source().lookup(Map.of("left-pad", Set.of("1.3.0")));
    assertEquals(null, server.requests().get(0).header("Authorization"));
  }

  @Test
  void namesAMissingNpmrcVariableWithoutAnyValue() throws IOException {
    Path npmrc = tmp.resolve(".npmrc");
    Files.writeString(npmrc, "//127.0.0.1:" + server.port() + "/:_authToken=${NOT_SET_TOKEN}\n");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> source(NpmAuditProvider.KEY_NPMRC, npmrc.toString()));
    assertEquals(npmrc + ":1: environment variable \"NOT_SET_TOKEN\" used in .npmrc is not set;"
        + " set it or remove the line; see docs/errors.md#npmrc-invalid", e.getMessage());
  }

  @Test
  void retriesAfter429HonouringRetryAfter() throws IOException {
    server.on(BULK, LocalServer.Answer.status(429, Map.of("Retry-After", "0")),
        LocalServer.Answer.json(ANSWER));
    List<Advisory> found = source().lookup(Map.of("minimist", Set.of("1.2.0")));
    assertEquals(3, found.size());
    assertEquals(2, server.requests().size());
    assertEquals(List.of(), sleeps, "Retry-After: 0 means no wait");
  }

  @Test
  void backsOffExponentiallyWithoutRetryAfter() throws IOException {
    server.on(BULK, LocalServer.Answer.status(503, Map.of()),
        LocalServer.Answer.status(502, Map.of()), LocalServer.Answer.gzipJson(ANSWER));
    List<Advisory> found = source("advisories.npm.backoff", "PT1S").lookup(
        Map.of("minimist", Set.of("1.2.0")));
    assertEquals(3, found.size());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
  }

  @Test
  void capsRetryAfterAtMaxRetryWait() throws IOException {
    server.on(BULK, LocalServer.Answer.status(429, Map.of("Retry-After", "86400")),
        LocalServer.Answer.json("{}"));
    source("advisories.npm.maxRetryWait", "PT5S").lookup(Map.of("a", Set.of("1.0.0")));
    assertEquals(List.of(Duration.ofSeconds(5)), sleeps);
  }

  @Test
  void givesUpAfterMaxAttemptsOf503WithATypedException() {
    server.always(BULK, LocalServer.Answer.status(503, Map.of("Retry-After", "0")));
    env.put("T", TOKEN);
    ProviderException e = assertThrows(ProviderException.class,
        () -> source(NpmAuditProvider.KEY_TOKEN_ENV, "T", "advisories.npm.maxAttempts", "3")
            .lookup(Map.of("a", Set.of("1.0.0"))));
    assertEquals(3, server.requests().size());
    assertEquals("builtin-npm-audit", e.providerId());
    assertEquals("provider builtin-npm-audit: POST " + server.url()
        + "-/npm/v1/security/advisories/bulk answered HTTP 503 on all 3 attempt(s); the service is"
        + " busy or unavailable; try later or raise advisories.npm.maxAttempts;"
        + " see docs/errors.md#advisory-http-status", e.getMessage());
    assertNoToken(e);
  }

  @Test
  void reportsARefusedTokenWithoutShowingIt() {
    server.on(BULK, new LocalServer.Answer(401, Map.of(),
        ("{\"error\": \"bad token " + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8), false));
    env.put("T", TOKEN);
    ProviderException e = assertThrows(ProviderException.class,
        () -> source(NpmAuditProvider.KEY_TOKEN_ENV, "T").lookup(Map.of("a", Set.of("1"))));
    assertTrue(e.getMessage().contains("HTTP 401; the service refused the credential (****)"),
        e.getMessage());
    assertNoToken(e);
  }

  @Test
  void rejectsAMalformedAnswerWithItsPosition() {
    server.on(BULK, LocalServer.Answer.json("{\"minimist\": [{\"id\": 1, \"title\": \"x\"\n"
        + "  \"vulnerable_versions\": \"<1\"}]}"));
    env.put("T", TOKEN);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> source(NpmAuditProvider.KEY_TOKEN_ENV, "T").lookup(Map.of("a", Set.of("1"))));
    assertEquals("builtin-npm-audit response to POST " + server.url()
        + "-/npm/v1/security/advisories/bulk", e.source());
    assertEquals(2, e.line());
    assertNoToken(e);
  }

  @Test
  void rejectsAnAnswerOfTheWrongShape() {
    server.on(BULK, LocalServer.Answer.json("[\"not\", \"an\", \"object\"]"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> source().lookup(Map.of("a", Set.of("1"))));
    assertTrue(e.getMessage().endsWith("the bulk advisory response must be an object, found an"
        + " array; see docs/errors.md#advisory-data-invalid"), e.getMessage());
  }

  @Test
  void rejectsAnAnswerOverMaxResponseBytes() {
    server.on(BULK, LocalServer.Answer.gzipJson("{\"a\": [" + "{}, ".repeat(5000) + "{}]}"));
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> source("advisories.npm.maxResponseBytes", "4096").lookup(Map.of("a", Set.of("1"))));
    assertEquals("advisories.npm.maxResponseBytes", e.limitName());
  }

  @Test
  void refusesToGoOnlineInOfflineMode() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> source(true).lookup(Map.of("a", Set.of("1"))));
    assertEquals("provider builtin-npm-audit: offline mode is on, so the npm registry's advisory"
        + " endpoint is not contacted; turn offline mode off or use a local source such as"
        + " builtin-osv-files; see docs/errors.md#advisory-offline", e.getMessage());
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void doesNotFollowRedirects() {
    server.on(BULK, LocalServer.Answer.status(307, Map.of("Location", "http://127.0.0.2:9/x")));
    env.put("T", TOKEN);
    ProviderException e = assertThrows(ProviderException.class,
        () -> source(NpmAuditProvider.KEY_TOKEN_ENV, "T").lookup(Map.of("a", Set.of("1"))));
    assertTrue(e.getMessage().contains("HTTP 307; redirects are not followed"), e.getMessage());
    assertEquals(1, server.requests().size());
  }

  @Test
  void timesOutAHangingServerWithAnIoException() {
    server.always(BULK, LocalServer.Answer.hang());
    env.put("T", TOKEN);
    IOException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
        IOException.class, () -> source(NpmAuditProvider.KEY_TOKEN_ENV, "T",
            "advisories.npm.timeout", "PT0.3S", "advisories.npm.maxAttempts", "2")
            .lookup(Map.of("a", Set.of("1")))));
    assertTrue(e.getMessage().startsWith("builtin-npm-audit: POST " + server.url()
        + "-/npm/v1/security/advisories/bulk failed after 2 attempt(s): HttpTimeoutException"),
        e.getMessage());
    assertNoToken(e);
  }

  @Test
  void sendsLargeLookupsInBatches() throws IOException {
    server.always(BULK, LocalServer.Answer.json("{}"));
    source("advisories.npm.batchSize", "2").lookup(Map.of("a", Set.of("1"), "b", Set.of("1"),
        "c", Set.of("1"), "d", Set.of("1"), "e", Set.of("1")));
    assertEquals(List.of("{\"a\":[\"1\"],\"b\":[\"1\"]}", "{\"c\":[\"1\"],\"d\":[\"1\"]}",
        "{\"e\":[\"1\"]}"), server.requests().stream().map(LocalServer.Request::body).toList());
  }

  @Test
  void rejectsCredentialsInTheRegistryUrlWithoutEchoingThem() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> source(NpmAuditProvider.KEY_REGISTRY, "https://user:" + TOKEN + "@127.0.0.1/"));
    assertNoToken(e);
  }

  @Test
  void rejectsAnUnsetTokenVariable() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> source(NpmAuditProvider.KEY_TOKEN_ENV, "NOPE"));
    assertTrue(e.getMessage().contains("\"NOPE\""));
  }
}
