package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InspectCommandTest {

  private static final Path TARBALLS = Path.of("../core/src/test/resources/fixtures/tarballs");
  private static final String ESBUILD_SRI = "sha512-OJwEgrpWm/PCMsLVWXKqvcjme3bHNpOgN7Tb6cQnR5n0"
      + "TPbQx1/Xrn7rqM+wn17bYeT6MGB5sn1Bh5YiGi70nA==";

  private record Result(int code, String out, String err) {
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void inspectsARealTarballAndVerifiesItsRegistryIntegrity() throws Exception {
    Result r = run("inspect", TARBALLS.resolve("esbuild-0.20.1.tgz").toString(), "--integrity",
        ESBUILD_SRI, "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(1, j.get("schemaVersion").asInt());
    assertEquals("esbuild", j.get("name").asText());
    assertEquals(ESBUILD_SRI, j.get("integrity").asText());
    assertTrue(j.get("hasInstallScript").asBoolean());
    assertEquals("node install.js", j.get("scripts").get("postinstall").asText());
    assertTrue(j.get("licenseFiles").toString().contains("LICENSE.md"), j.toString());
    assertEquals("install-script", j.get("findings").get(0).get("category").asText());
  }

  @Test
  void integrityMismatchFailsWithExitOne() {
    Result r = run("inspect", TARBALLS.resolve("ms-2.1.3.tgz").toString(), "--integrity",
        ESBUILD_SRI);
    assertEquals(1, r.code());
    assertTrue(r.out().contains("critical integrity        tarball does not match its claimed"),
        r.out());
  }

  @Test
  void cleanPackageExitsZeroWithASummary() {
    Result r = run("inspect", TARBALLS.resolve("is-number-7.0.0.tgz").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("package     is-number@7.0.0\n"), r.out());
    assertTrue(r.out().contains("no findings"), r.out());
  }

  @Test
  void inspectsAFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("package.json"),
        "{\"name\":\"f\",\"version\":\"1.0.0\",\"scripts\":{\"install\":\"node-gyp rebuild\"}}");
    Result r = run("inspect", dir.toString(), "--fail-on", "moderate");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("install script runs on install"), r.out());
  }

  @Test
  void corruptTarballIsOneLineAndExitTwo(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("bad.tgz");
    Files.writeString(bad, "not gzip");
    Result r = run("inspect", bad.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("bad.tgz: not a gzip stream or corrupt"), r.err());
  }

  @Test
  void missingFileAndBadOptionsExitTwo() {
    assertEquals(2, run("inspect", "no-such.tgz").code());
    assertEquals(2, run("inspect").code());
    assertEquals(2, run("inspect", "x.tgz", "--format", "xml").code());
    assertEquals(2, run("inspect", "x.tgz", "--fail-on", "none").code());
  }
}
