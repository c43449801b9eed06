package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCheckCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    return new PackCheckCommand().run(List.of(args),
        new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private void write(String path, String content) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void printsTheFileListWithSizesAndExitsZeroWhenClean() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.2.3\",\"files\":[\"lib\"]}");
    write("lib/a.js", "12345");
    write("notes.txt", "x");
    assertEquals(0, run(dir.toString()), err());
    assertTrue(out().contains("package: p@1.2.3"), out());
    assertTrue(out().contains("         5  lib/a.js"), out());
    assertFalse(out().contains("notes.txt"), out());
    assertTrue(out().contains("findings: none"), out());
  }

  @Test
  void exitsOneWhenAHighFindingExists() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.2.3\"}");
    write(".env", "SECRET=1");
    assertEquals(1, run(dir.toString()), err());
    assertTrue(out().contains("HIGH  publish-content  environment file would be published"),
        out());
  }

  @Test
  void writesJsonWithFilesAndRedactedFindings() throws IOException {
    String token = "npm_" + "aB3d".repeat(9);
    write("package.json", "{\"name\":\"p\",\"version\":\"1.2.3\"}");
    write("lib/config.js", "const t = '" + token + "'\n");
    assertEquals(1, run(dir.toString(), "--format", "json"), err());
    assertFalse(out().contains(token), out());
    JsonNode j = new ObjectMapper().readTree(out());
    assertEquals(1, j.get("schemaVersion").asInt());
    assertEquals("p", j.get("name").asText());
    assertEquals(2, j.get("fileCount").asInt());
    assertEquals("secret", j.get("findings").get(0).get("category").asText());
    assertEquals("package/lib/config.js",
        j.get("findings").get(0).get("evidence").get(0).get("file").asText());
  }

  @Test
  void largeFileThresholdIsAnOption() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.2.3\"}");
    write("big.txt", "x".repeat(3000));
    assertEquals(0, run(dir.toString(), "--large-file", "2k"), err());
    assertTrue(out().contains("large file \"big.txt\""), out());
  }

  @Test
  void exitsTwoOnBadUsage() {
    assertEquals(2, run());
    assertTrue(err().contains("missing the package folder"), err());
    assertEquals(2, run(dir.toString(), "--format", "xml"));
    assertEquals(2, run(dir.toString(), "--bogus"));
    assertEquals(2, run(dir.toString(), "--large-file", "lots"));
    assertEquals(2, run(dir.resolve("nope").toString()));
    assertTrue(err().contains("not a folder"), err());
  }

  @Test
  void exitsTwoOnAMalformedManifest() throws IOException {
    write("package.json", "{\"name\":");
    assertEquals(2, run(dir.toString()));
    assertTrue(err().contains("package.json"), err());
  }

  @Test
  void escapesControlCharactersInNames() throws IOException {
    write("package.json", "{\"name\":\"p\",\"version\":\"1.2.3\"}");
    write("a\u001b[31mred.js", "x");
    assertEquals(0, run(dir.toString()), err());
    assertFalse(out().contains("\u001b"), out());
    assertTrue(out().contains("a\\u001b[31mred.js"), out());
  }
}
