package dev.tollgate.spi.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NpmrcTest {
  private static final Map<String, String> ENV = Map.of("TOKEN_A", "tok-aaaa-1111",
      "PASS", Base64.getEncoder().encodeToString("s3cret-pass".getBytes(StandardCharsets.UTF_8)));

  private static Npmrc parse(String text) {
    return Npmrc.parse(text, ".npmrc", ENV::get);
  }

  @Test
  void picksTheMostSpecificPathThenWalksUp() {
    Npmrc rc = parse("""
        //r.example.invalid/:_authToken=root-token
        //r.example.invalid/npm/private/:_authToken="${TOKEN_A}"
        """);
    assertEquals("Bearer tok-aaaa-1111", rc.credentialsFor(
        URI.create("https://r.example.invalid/npm/private/")).authorization().orElseThrow());
    assertEquals("Bearer root-token", rc.credentialsFor(
        URI.create("https://r.example.invalid/npm/public/")).authorization().orElseThrow());
    assertFalse(rc.credentialsFor(URI.create("https://other.example.invalid/")).present());
  }

  @Test
  void matchesPortsAsNpmDoes() {
    Npmrc rc = parse("//r.example.invalid:8443/:_authToken=port-token\n"
        + "//r.example.invalid/:_authToken=default-port-token\n");
    assertEquals("Bearer port-token", rc.credentialsFor(
        URI.create("https://r.example.invalid:8443/")).authorization().orElseThrow());
    assertEquals("Bearer default-port-token", rc.credentialsFor(
        URI.create("https://r.example.invalid:443/")).authorization().orElseThrow());
  }

  @Test
  void supportsAuthAndUsernamePassword() {
    String basic = Base64.getEncoder().encodeToString("me:pw-1234".getBytes(StandardCharsets.UTF_8));
    assertEquals("Basic " + basic, parse("//a.invalid/:_auth=" + basic + "\n")
        .credentialsFor(URI.create("https://a.invalid/")).authorization().orElseThrow());
    Credentials c = parse("//b.invalid/:username=me\n//b.invalid/:_password=${PASS}\n")
        .credentialsFor(URI.create("https://b.invalid/"));
    assertEquals("Basic " + Base64.getEncoder().encodeToString(
        "me:s3cret-pass".getBytes(StandardCharsets.UTF_8)), c.authorization().orElseThrow());
    assertEquals("error: **** refused", c.scrub("error: s3cret-pass refused"));
  }

  @Test
  void expandsOptionalVariablesToEmptyAndHonoursEscapes() {
    Npmrc rc = parse("//a.invalid/:_authToken=${NOT_SET?}\n"
        + "//b.invalid/:_authToken=\\${TOKEN_A}\n; //c.invalid/:_authToken=commented\n");
    assertFalse(rc.credentialsFor(URI.create("https://a.invalid/")).present());
    assertEquals("Bearer ${TOKEN_A}", rc.credentialsFor(URI.create("https://b.invalid/"))
        .authorization().orElseThrow());
    assertFalse(rc.credentialsFor(URI.create("https://c.invalid/")).present());
  }

  @Test
  void masksTheTokenInToStringAndScrubsItFromText() {
    Credentials c = Credentials.bearer("tok-aaaa-1111");
    assertEquals("Credentials[bearer token ****]", c.toString());
    String b64 = Base64.getEncoder().encodeToString("tok-aaaa-1111".getBytes(StandardCharsets.UTF_8));
    assertEquals("a **** b ****", c.scrub("a tok-aaaa-1111 b " + b64));
    assertTrue(parse("//a.invalid/:_authToken=${TOKEN_A}").toString().contains("masked"));
    assertFalse(parse("//a.invalid/:_authToken=${TOKEN_A}").toString().contains("tok-aaaa"));
  }
}
