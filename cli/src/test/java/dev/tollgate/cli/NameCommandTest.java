package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameCommandTest {

  record Run(int code, String out, String err) {
  }

  static Run run(String... args) {
    return run(new NameCommand(), args);
  }

  static Run run(NameCommand c, String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = c.run(List.of(args), new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  @Test
  void reportsALikelySquatWithTargetMutationAndRatioAndExitsOne() {
    Run r = run("lodahs");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith("lodahs: likely squat (score "), r.out());
    assertTrue(r.out().contains("looks like lodash [transposition]: swaps 's' and 'h'"), r.out());
    assertTrue(r.out().contains("popularity ratio unknown"), r.out());
  }

  @Test
  void exitsZeroForPopularNames() {
    Run r = run("react", "lodash");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("react: ok (score 0.000)"), r.out());
  }

  @Test
  void printsJsonWithAPopularityRatio() throws Exception {
    Run r = run("--format", "json", "lodahs", "http-proxy-agent");
    assertEquals(1, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode first = root.get("names").get(0);
    assertEquals("lodahs", first.get("name").asText());
    assertEquals("LIKELY_SQUAT", first.get("verdict").asText());
    JsonNode target = first.get("similar").get(0);
    assertEquals("lodash", target.get("target").asText());
    assertEquals("transposition", target.get("mutation").asText());
    assertTrue(target.get("popularityRatio").isNull());
    JsonNode second = root.get("names").get(1);
    assertEquals("OK", second.get("verdict").asText());
    for (JsonNode s : second.get("similar")) {
      assertTrue(s.get("popularityRatio").asDouble() >= 10, s.toString());
    }
  }

  @Test
  void acceptsTheEqualsFormOfFormat() {
    assertEquals(1, run("--format=json", "crossenv").code());
  }

  @Test
  void rejectsInvalidNamesWithExitTwo() {
    Run r = run("lodash", "bad name");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("invalid package name \"bad name\""), r.err());
    assertEquals("", r.out());
  }

  @Test
  void rejectsBadUsageWithExitTwo() {
    assertEquals(2, run().code());
    assertEquals(2, run("--format", "xml", "a").code());
    assertEquals(2, run("--format").code());
    assertEquals(2, run("--nope", "a").code());
    assertTrue(run("--nope", "a").err().contains("usage: tollgate name"));
  }

  @Test
  void printsUsageOnHelp() {
    Run r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("usage: tollgate name"));
  }

  @Test
  void saysSoWhenNoProviderIsFound() {
    Run r = run(new NameCommand(Optional::empty), "lodash");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no similarity provider found"), r.err());
  }

  @Test
  void treatsNamesAfterDoubleDashAsNames() {
    assertEquals(0, run("--", "react").code());
  }

  @Test
  void describesItself() {
    assertEquals("name", new NameCommand().name());
    assertTrue(!new NameCommand().summary().isEmpty());
  }
}
