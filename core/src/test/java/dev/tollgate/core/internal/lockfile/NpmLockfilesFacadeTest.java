package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import dev.tollgate.core.Lockfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public entry point reaches the npm reader. */
class NpmLockfilesFacadeTest {

  @Test
  void readsAnNpmLockfileThroughLockfiles() throws IOException {
    Path lock = NpmFixtures.roots().stream().map(r -> r.resolve("kinds/npm-v3/package-lock.json"))
        .filter(Files::isRegularFile).findFirst().orElseThrow();
    Lockfile l = Lockfiles.read(lock);
    assertEquals(LockfileFormat.NPM_PACKAGE_LOCK, l.format());
    assertEquals("3", l.formatVersion());
    assertEquals(21, l.graph().size());
    assertTrue(l.warnings().isEmpty());
  }
}
