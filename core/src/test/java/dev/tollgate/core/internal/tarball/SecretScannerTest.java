package dev.tollgate.core.internal.tarball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretScannerTest {

  /** Secret-shaped test values are assembled at run time, never written whole in the source. */
  private static String token(String prefix, String unit, int times) {
    return prefix + unit.repeat(times);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "npm-token, npm_, aB3d, 9",
      "github-token, ghp_, Zx9Q, 9",
      "github-token, github_pat_, 11AbCdEf, 4",
      "gitlab-token, glpat-, a1B2c, 4",
      "aws-access-key, AKIA, Q7W3, 4",
      "slack-token, xoxb-, 12ab, 5",
      "stripe-key, sk_live_, Ab12, 6",
      "google-api-key, AIza, Sy1-Ab2_Cd3, 3",
  })
  void findsEachTokenShapeAndRedactsIt(String kind, String prefix, String unit, int times) {
    String secret = token(prefix, unit, times);
    if (kind.equals("google-api-key")) {
      secret = (secret + "x".repeat(40)).substring(0, 39);
    }
    String text = "// config\nconst client = connect({\n  auth: \"" + secret + "\",\n});\n";
    List<SecretScanner.Hit> hits = SecretScanner.scan("lib/config.js", text);
    assertTrue(hits.stream().anyMatch(h -> h.kind().equals(kind) && h.line() == 3), hits.toString());
    for (SecretScanner.Hit h : hits) {
      assertFalse(h.excerpt().contains(secret), h.excerpt());
      assertTrue(h.excerpt().contains("***"), h.excerpt());
    }
  }

  @Test
  void findsPrivateKeyBlocks() {
    String text = "x\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END";
    SecretScanner.Hit h = SecretScanner.scan("id_ed25519", text).get(0);
    assertEquals("private-key", h.kind());
    assertEquals(Severity.CRITICAL, h.severity());
    assertEquals(2, h.line());
  }

  @Test
  void findsNpmrcCredentialsButNotEnvironmentReferences() {
    String value = token("", "Qm9v", 6);
    String npmrc = "registry=https://registry.example.test/\n"
        + "//registry.example.test/:_authToken=" + value + "\n"
        + "//other.example.test/:_authToken=${NPM_TOKEN}\n";
    List<SecretScanner.Hit> hits = SecretScanner.scan(".npmrc", npmrc);
    assertEquals(1, hits.size(), hits.toString());
    assertEquals("npmrc-credential", hits.get(0).kind());
    assertEquals(2, hits.get(0).line());
    assertFalse(hits.get(0).excerpt().contains(value));
  }

  @Test
  void envFilesAreFindingsButExamplesAreNot() {
    assertEquals("env-file", SecretScanner.scan(".env", "A=1").get(0).kind());
    assertEquals("env-file", SecretScanner.scan("config/.env.production", "A=1").get(0).kind());
    assertTrue(SecretScanner.scan(".env.example", "A=1").isEmpty());
  }

  @Test
  void findsHighEntropyValuesAssignedToSecretNames() {
    String value = "q8Zr2LmXv7Tn4PwK9sYb3HcJ6dGf1Ae5";
    List<SecretScanner.Hit> hits = SecretScanner.scan("index.js",
        "module.exports = {\n  clientSecret: '" + value + "'\n};\n");
    assertEquals(1, hits.size(), hits.toString());
    assertEquals("high-entropy-assignment", hits.get(0).kind());
    assertFalse(hits.get(0).excerpt().contains(value));
  }

  @Test
  void ignoresPlaceholdersWordsAndLowEntropyValues() {
    String text = "const apiKey = 'YOUR_API_KEY_GOES_HERE_12345';\n"
        + "var token = \"aaaaaaaaaaaaaaaaaaaaaaaa1\";\n"
        + "const tokenizer_options = 'abcdefghijklmnopqrstuvwxyz';\n"
        + "password: 'process.env.DB_PASSWORD_VALUE_123'\n";
    assertEquals(List.of(), SecretScanner.scan("a.js", text));
  }

  @Test
  void minifiedCodeWithoutSecretsIsClean() {
    String minified = "!function(e,t){\"object\"==typeof exports?module.exports=t():e.lib=t()}"
        + "(this,function(){var n={key:function(e){return e.key},token:function(t){return t.tok}};"
        + "return n});".repeat(50);
    assertTrue(SecretScanner.scan("dist/lib.min.js", minified).isEmpty());
  }

  @Test
  void entropyOfRandomLooksHigherThanOfWords() {
    assertTrue(SecretScanner.entropy("q8Zr2LmXv7Tn4PwK9sYb3HcJ6dGf1Ae5") > 4.5);
    assertTrue(SecretScanner.entropy("aaaaaaaaaaaaaaaaaaaa") < 1.0);
  }
}
