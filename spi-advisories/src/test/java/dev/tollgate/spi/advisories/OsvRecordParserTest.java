package dev.tollgate.spi.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedRange;
import dev.tollgate.api.spi.AffectedRange.Event;
import dev.tollgate.api.spi.AffectedRange.EventKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvRecordParserTest {
  private final OsvRecordParser parser = new OsvRecordParser(Limits.defaults(), 1 << 20);

  private Advisory parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), "rec.json", new StringPool());
  }

  private InvalidInputException invalid(String json) {
    return assertThrows(InvalidInputException.class, () -> parse(json));
  }

  @Test
  void keepsLimitEventsInOrder() {
    Advisory a = parse("""
        {"id": "OSV-1", "affected": [{"package": {"ecosystem": "npm", "name": "x"},
          "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.0.0"}, {"fixed": "1.2.0"},
            {"introduced": "2.0.0"}, {"last_affected": "2.1.0"}, {"limit": "3.0.0"}]}]}]}
        """);
    assertEquals(List.of(new AffectedRange.Osv("SEMVER", List.of(
        new Event(EventKind.INTRODUCED, "1.0.0"), new Event(EventKind.FIXED, "1.2.0"),
        new Event(EventKind.INTRODUCED, "2.0.0"), new Event(EventKind.LAST_AFFECTED, "2.1.0"),
        new Event(EventKind.LIMIT, "3.0.0")))), a.affected().get(0).ranges());
  }

  @Test
  void treatsNullsAsAbsentAndSkipsUnknownFields() {
    Advisory a = parse("""
        {"id": "OSV-2", "summary": null, "aliases": null, "severity": null, "references": null,
         "database_specific": {"nvd_published_at": null, "severity": null},
         "credits": [{"name": "x", "contact": [{"deep": [[[1]]]}]}], "upstream": ["CVE-1"],
         "affected": [{"package": {"ecosystem": "npm", "name": "x", "purl": "pkg:npm/x"},
           "ecosystem_specific": {"a": 1}, "database_specific": {"cwes": []}}]}
        """);
    assertEquals("", a.summary());
    assertEquals(List.of(), a.aliases());
    assertEquals("", a.databaseSeverity());
    assertFalse(a.malicious());
    assertEquals("x", a.affected().get(0).name());
  }

  @Test
  void marksMaliciousByIdOriginsOrCwe506() {
    assertTrue(parse("{\"id\": \"MAL-2024-1\"}").malicious());
    assertTrue(parse("{\"id\": \"X-1\", \"database_specific\": {\"malicious-packages-origins\":"
        + " []}}").malicious());
    assertFalse(parse("{\"id\": \"X-1\", \"database_specific\": {\"malicious-packages-origins\":"
        + " null}}").malicious());
    assertTrue(parse("{\"id\": \"GHSA-1\", \"database_specific\": {\"cwe_ids\": [\"CWE-79\","
        + " \"CWE-506\"]}}").malicious());
    assertFalse(parse("{\"id\": \"GHSA-1\", \"database_specific\": {\"cwe_ids\": [\"CWE-79\"]}}")
        .malicious());
  }

  @Test
  void keepsTheWithdrawnTime() {
    assertEquals("2024-01-02T03:04:05Z",
        parse("{\"id\": \"X-1\", \"withdrawn\": \"2024-01-02T03:04:05Z\"}").withdrawn());
  }

  @Test
  void keepsOnlyNpmEntries() {
    Advisory a = parse("""
        {"id": "X-1", "affected": [{"package": {"ecosystem": "PyPI", "name": "x"}},
          {"package": {"ecosystem": "npm", "name": "y"}}, {"ranges": []}]}
        """);
    assertEquals(List.of("y"), a.affected().stream().map(p -> p.name()).toList());
  }

  @Test
  void rejectsARecordWithoutId() {
    InvalidInputException e = invalid("{\n  \"summary\": \"x\"}");
    assertEquals("rec.json:1:1: record has no \"id\"; every OSV record needs one;"
        + " see docs/errors.md#advisory-data-invalid", e.getMessage());
  }

  @Test
  void rejectsAFieldOfTheWrongType() {
    InvalidInputException e = invalid("{\"id\": \"X\",\n \"aliases\": \"CVE-1\"}");
    assertEquals("rec.json:2:13: \"aliases\" must be an array, found a string;"
        + " see docs/errors.md#advisory-data-invalid", e.getMessage());
  }

  @Test
  void rejectsAnEventWithTwoKinds() {
    InvalidInputException e = invalid("{\"id\": \"X\", \"affected\": [{\"package\": {\"ecosystem\":"
        + " \"npm\", \"name\": \"x\"}, \"ranges\": [{\"type\": \"SEMVER\", \"events\":"
        + " [{\"introduced\": \"0\", \"fixed\": \"1\"}]}]}]}");
    assertTrue(e.reason().startsWith("event has more than one kind"), e.reason());
  }

  @Test
  void rejectsAnEmptyEventAndANonStringVersion() {
    assertTrue(invalid("{\"id\": \"X\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\","
        + " \"name\": \"x\"}, \"ranges\": [{\"type\": \"SEMVER\", \"events\": [{}]}]}]}").reason()
        .startsWith("empty event object"));
    assertTrue(invalid("{\"id\": \"X\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\","
        + " \"name\": \"x\"}, \"ranges\": [{\"type\": \"SEMVER\", \"events\": [{\"fixed\": 1}]}]}]}")
        .reason().startsWith("event \"fixed\" must be a string, found a number"));
  }

  @Test
  void rejectsARangeWithoutTypeOrEvents() {
    assertTrue(invalid("{\"id\": \"X\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\","
        + " \"name\": \"x\"}, \"ranges\": [{\"events\": []}]}]}").reason()
        .startsWith("range has no \"type\""));
    assertTrue(invalid("{\"id\": \"X\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\","
        + " \"name\": \"x\"}, \"ranges\": [{\"type\": \"SEMVER\"}]}]}").reason()
        .startsWith("range has no \"events\""));
  }

  @Test
  void rejectsAnNpmEntryWithoutName() {
    assertTrue(invalid("{\"id\": \"X\", \"affected\": [{\"package\": {\"ecosystem\": \"npm\"}}]}")
        .reason().startsWith("npm \"affected\" entry has no \"package.name\""));
  }

  @Test
  void rejectsTrailingContentAndDuplicateKeys() {
    assertTrue(invalid("{\"id\": \"X\"} {\"id\": \"Y\"}").reason()
        .startsWith("unexpected content after the record"));
    assertTrue(invalid("{\"id\": \"X\", \"id\": \"Y\"}").reason().contains("Duplicate field"));
  }

  @Test
  void rejectsTruncatedAndNonJsonInput() {
    assertTrue(invalid("{\"id\": \"X\", \"affected\": [").reason().startsWith("malformed JSON"));
    assertTrue(invalid("").reason().startsWith("an OSV record must be an object, found end of"));
    invalid("\u0000\u0000\u0000\u0001garbage");
    assertThrows(InvalidInputException.class, () -> parser.parse(new byte[] {(byte) 0xff,
        (byte) 0xfe, 0, 0, 'x'}, "rec.json", new StringPool()));
  }

  @Test
  void rejectsDeepNestingAsALimitWithoutStackOverflow() {
    String deep = "{\"id\": \"X\", \"credits\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    LimitExceededException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(LimitExceededException.class, () -> parse(deep)));
    assertEquals("maxJsonDepth", e.limitName());
  }

  @Test
  void rejectsARecordOverMaxRecordBytesWhateverItDeclares() {
    OsvRecordParser small = new OsvRecordParser(Limits.defaults(), 64);
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> small.parse(
        new java.io.ByteArrayInputStream(("{\"id\": \"X\", \"details\": \"" + "d".repeat(100)
            + "\"}").getBytes(StandardCharsets.UTF_8)), "big.json", new StringPool()));
    assertEquals("advisories.osv.maxRecordBytes", e.limitName());
    assertEquals("big.json", e.source());
    assertEquals(64, e.limit());
  }

  @Test
  void rejectsAStringOverTheLimit() {
    OsvRecordParser small = new OsvRecordParser(Limits.builder().maxStringLength(100).build(),
        1 << 20);
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> small.parse(
        ("{\"id\": \"X\", \"details\": \"" + "d".repeat(1000) + "\"}")
            .getBytes(StandardCharsets.UTF_8), "rec.json", new StringPool()));
    assertEquals("maxStringLength", e.limitName());
  }
}
