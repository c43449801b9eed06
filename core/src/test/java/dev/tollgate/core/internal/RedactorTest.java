package dev.tollgate.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

  // Test tokens are assembled at run time so that no secret-shaped literal sits in the source.
  private static String rep(String s, int n) {
    return s.repeat(n);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "npm token, npm_, a1B2, 9",
      "github classic, ghp_, Zx9y, 9",
      "github oauth, gho_, Zx9y, 9",
      "github fine-grained, github_pat_, 11AB, 15",
      "gitlab, glpat-, Ab1_, 6",
      "slack bot, xoxb-, 1234, 6",
      "stripe live, sk_live_, Ab12, 6",
      "google api, AIza, AbCd, 9",
      "aws access key, AKIA, ABCD, 4",
  })
  void masksEachTokenShape(String kind, String prefix, String unit, int times) {
    String token = prefix + rep(unit, times);
    if (kind.equals("google api")) {
      token = prefix + rep(unit, 9).substring(0, 35);
    }
    String line = "failed with token " + token + " at step 3";
    String red = Redactor.redact(line);
    assertFalse(red.contains(token), red);
    assertTrue(red.startsWith("failed with token "), red);
    assertTrue(red.endsWith(" at step 3"), red);
    assertTrue(red.contains("***"), red);
  }

  @Test
  void masksNpmrcAuthValues() {
    String secret = rep("s3cr3t", 4);
    String npmrc = "//registry.example.test/:_authToken=" + secret + "\n_auth = " + secret
        + "\n//h/:_password=" + secret;
    String red = Redactor.redact(npmrc);
    assertFalse(red.contains(secret), red);
    assertEquals("//registry.example.test/:_authToken=***\n_auth = ***\n//h/:_password=***", red);
  }

  @Test
  void masksAuthorizationHeaders() {
    String secret = rep("q9Wx", 8);
    assertEquals("Authorization: Bearer ***", Redactor.redact("Authorization: Bearer " + secret));
    assertEquals("authorization=Basic ***", Redactor.redact("authorization=Basic " + secret));
  }

  @Test
  void masksUrlUserInfo() {
    assertEquals("fetch https://***@registry.example.test/pkg failed",
        Redactor.redact("fetch https://user:hunter2@registry.example.test/pkg failed"));
    assertEquals("git+ssh://***@host.test/x.git",
        Redactor.redact("git+ssh://git@host.test/x.git"));
  }

  @Test
  void masksPrivateKeyBlocks() {
    String body = rep("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", 3);
    String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----";
    String red = Redactor.redact("key: " + pem + " end");
    assertFalse(red.contains(body), red);
    assertEquals("key: -----BEGIN RSA PRIVATE KEY-----*** end", red);
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String s = "lodash@4.17.21 resolved from node_modules/lodash (sha512-abc)";
    assertEquals(s, Redactor.redact(s));
    assertEquals("null", Redactor.redact(null));
  }
}
