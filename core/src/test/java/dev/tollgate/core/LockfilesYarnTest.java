package dev.tollgate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LockfilesYarnTest {

  private static final Path YARN = Path.of("src/test/resources/fixtures/yarn");

  @Test
  void readsAClassicProjectWithItsWorkspaceManifests() throws Exception {
    Lockfile lf = Lockfiles.readProject(YARN.resolve("classic-workspaces"), Limits.defaults());
    assertEquals(LockfileFormat.YARN_CLASSIC, lf.format());
    assertEquals(2, lf.graph().workspaceRoots().size());
    assertEquals("classic-root", lf.graph().root().name());
  }

  @Test
  void readsABerryLockfileByPath() throws Exception {
    Lockfile lf = Lockfiles.read(YARN.resolve("berry-protocols/yarn.lock"));
    assertEquals(LockfileFormat.YARN_BERRY, lf.format());
    assertEquals("10", lf.formatVersion());
    assertEquals(2, lf.graph().workspaceRoots().size());
  }

  @Test
  void anUnsupportedBerryVersionNamesFormatAndVersion() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Lockfiles.read(
        "yarn.lock", new ByteArrayInputStream("__metadata:\n  version: 3\n  cacheKey: 7\n"
            .getBytes(StandardCharsets.UTF_8)), Limits.defaults()));
    assertEquals("yarn.lock:1:1: unsupported yarn berry lockfile __metadata version \"3\": "
        + "expected 4 to 10 (yarn 2 to 4); see docs/errors.md#unsupported-lockfile-version",
        e.getMessage());
  }
}
