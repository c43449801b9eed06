package dev.tollgate.spi.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NpmrcTest {

  static final Limits LIMITS = Limits.defaults();

  @Test
  void readsDefaultAndScopedRegistriesAndSkipsEverythingElse() {
    Npmrc n = Npmrc.parse(".npmrc", String.join("\n",
        "# comment",
        "; another",
        "registry = https://npm.acme.example/repo",
        "@acme:registry=\"https://npm.acme.example/private/\"",
        "@Other:registry=http://10.0.0.1:8080/r",
        "//npm.acme.example/:_authToken=${NPM_TOKEN}",
        "always-auth",
        "[section]",
        "save-exact=true",
        ""), LIMITS);
    assertEquals("https://npm.acme.example/repo/", n.defaultRegistry());
    assertEquals(Map.of("@acme", "https://npm.acme.example/private/",
        "@other", "http://10.0.0.1:8080/r/"), n.scopes());
    assertTrue(!n.toString().contains("NPM_TOKEN"));
  }

  @Test
  void readsEmptyText() {
    Npmrc n = Npmrc.parse(".npmrc", "", LIMITS);
    assertEquals("", n.defaultRegistry());
    assertEquals(Map.of(), n.scopes());
  }

  @Test
  void normalisesPortsCaseAndTrailingSlash() {
    assertEquals("https://a.example/", Npmrc.normalise("HTTPS://A.Example:443"));
    assertEquals("http://a.example:8080/x/", Npmrc.normalise("http://a.example:8080/x"));
    assertEquals(null, Npmrc.normalise("file:///tmp"));
    assertEquals(null, Npmrc.normalise("not a url"));
  }

  @Test
  void keepsEnvironmentReferencesLiterally() {
    Npmrc n = Npmrc.parse(".npmrc", "@acme:registry=${ACME_REGISTRY}\r\n", LIMITS);
    assertEquals("${ACME_REGISTRY}", n.scopes().get("@acme"));
  }

  @Test
  void rejectsARegistryThatIsNotAnHttpUrlNamingLineAndColumn() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Npmrc.parse(".npmrc", "# x\n@acme:registry=ftp://x.example/\n", LIMITS));
    assertEquals(2, e.line());
    assertEquals(16, e.column());
    assertEquals(".npmrc:2:16: value of \"@acme:registry\" is not an http(s) URL:"
        + " \"ftp://x.example/\"; see docs/errors.md#invalid-npmrc", e.getMessage());
  }

  @Test
  void rejectsAMalformedScope() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Npmrc.parse(".npmrc", "@a/b:registry=https://x.example/", LIMITS));
    assertTrue(e.getMessage().contains("malformed scope"), e.getMessage());
  }

  @Test
  void rejectsControlCharacters() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Npmrc.parse(".npmrc", "registry=https://x.example/\u0000", LIMITS));
    assertTrue(e.getMessage().startsWith(".npmrc:1:28: control character U+0000"),
        e.getMessage());
  }

  @Test
  void rejectsTextOverTheLimits() {
    Limits small = Limits.builder().maxDocumentBytes(10).maxStringLength(5).build();
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> Npmrc.parse(".npmrc", "x".repeat(11), small));
    assertEquals("maxDocumentBytes", e.limitName());
    e = assertThrows(LimitExceededException.class,
        () -> Npmrc.parse(".npmrc", "abcdefg\n", small));
    assertEquals("maxStringLength", e.limitName());
  }

  @Test
  void readsHostileButValidTextQuickly() {
    String text = ("@s:registry=https://r.example/" + "a".repeat(1000) + "\n").repeat(1000)
        + "=".repeat(100_000) + "\n" + "#".repeat(100_000);
    Npmrc n = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> Npmrc.parse(".npmrc", text, LIMITS));
    assertEquals(1, n.scopes().size());
  }
}
