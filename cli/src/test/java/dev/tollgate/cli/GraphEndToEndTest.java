package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate graph} on a real lockfile of core's fixture set
 * ({@code core/src/test/resources/fixtures/projects/<case>/npm-v3/package-lock.json}).
 */
class GraphEndToEndTest {

  /** Surefire runs in the module folder; the fixtures belong to core. */
  private static final Path FIXTURE = Path.of("..", "core", "src", "test", "resources", "fixtures",
      "projects", "small-express", "npm-v3", "package-lock.json");

  @Test
  
  void readsRealPackageLockAndReportsMalformedOneWithPosition(@TempDir Path tmp) throws Exception {
    assertTrue(Files.isRegularFile(FIXTURE), "missing fixture " + FIXTURE.toAbsolutePath());

    Cli.Result text = Cli.run("graph", FIXTURE.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("lockfile        " + FIXTURE), text.out());
    assertTrue(text.out().contains("format          npm package-lock.json, version 3"),
        text.out());

    Cli.Result json = Cli.run("graph", FIXTURE.toString(), "--format", "json");
    assertEquals(0, json.code(), json.err());
    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertEquals(1, doc.get("schemaVersion").intValue());
    assertEquals("npm-package-lock", doc.at("/lockfile/format").textValue());
    assertTrue(doc.at("/summary/packages").intValue() > 10, json.out());
    assertEquals(doc.at("/summary/packages").intValue() + doc.at("/summary/links").intValue() + 1,
        doc.get("nodes").size());

    Cli.Result why = Cli.run("graph", FIXTURE.toString(), "--why", "express");
    assertEquals(0, why.code(), why.err());
    assertTrue(why.out().startsWith("express@"), why.out());
    assertTrue(why.out().contains(" -> express@"), why.out());

    Cli.Result dot = Cli.run("graph", FIXTURE.toString(), "--format", "dot");
    assertEquals(0, dot.code(), dot.err());
    assertTrue(dot.out().startsWith("digraph \"tollgate\" {\n") && dot.out().endsWith("}\n"));

    Path malformed = tmp.resolve("package-lock.json");
    Files.writeString(malformed, "{\"lockfileVersion\": 3,\n \"packages\": {\"\": {\"name\": ]}}");
    Cli.Result bad = Cli.run("graph", malformed.toString());
    assertEquals(2, bad.code());
    assertEquals(1, bad.errLines().size(), bad.err());
    assertTrue(bad.err().startsWith(malformed + ":2:"), bad.err());
    assertTrue(bad.err().matches("(?s)\\S+:2:\\d+: .+\\R"), bad.err());
  }
}
