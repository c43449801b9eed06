package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryProjectFilesTest {

  @TempDir
  Path root;

  private void pkg(String dir) throws IOException {
    Path d = root.resolve(dir);
    Files.createDirectories(d);
    Files.writeString(d.resolve("package.json"), "{\"name\":\"" + d.getFileName() + "\"}");
  }

  private List<String> expand(String... globs) throws IOException {
    return ProjectFiles.directory(root).expandWorkspaces(List.of(globs), Limits.defaults());
  }

  @Test
  void aStarMatchesOneFolderWithAManifest() throws IOException {
    pkg("packages/a");
    pkg("packages/b");
    pkg("packages/c/nested");
    Files.createDirectories(root.resolve("packages/empty"));
    assertEquals(List.of("packages/a", "packages/b"), expand("packages/*"));
  }

  @Test
  void aDoubleStarMatchesAnyDepthButSkipsNodeModulesAndHiddenFolders() throws IOException {
    pkg("libs/x");
    pkg("libs/group");
    pkg("libs/group/y");
    pkg("libs/node_modules/z");
    pkg("libs/.cache/w");
    assertEquals(List.of("libs/group", "libs/group/y", "libs/x"), expand("libs/**"));
  }

  @Test
  void partialStarsExplicitFoldersAndNegationsAreHonoured() throws IOException {
    pkg("apps/web-a");
    pkg("apps/web-b");
    pkg("apps/api");
    pkg("tools");
    assertEquals(List.of("apps/web-a", "tools"), expand("./apps/web-*", "tools/", "!apps/web-b"));
  }

  @Test
  void globsLeavingTheRootListNothing() throws IOException {
    pkg("a");
    assertEquals(List.of(), expand("../*", "/etc", "a/../../x"));
  }

  @Test
  void theWalkIsBoundedByMaxEntries() throws IOException {
    for (int i = 0; i < 20; i++) {
      Files.createDirectories(root.resolve("d" + i));
    }
    LimitExceededException e = assertThrows(LimitExceededException.class, () ->
        ProjectFiles.directory(root).expandWorkspaces(List.of("**"),
            Limits.builder().maxEntries(10).build()));
    assertEquals("maxEntries", e.limitName());
  }

  @Test
  void projectsWithoutAFileSystemListNothing() throws IOException {
    assertTrue(ProjectFiles.none().expandWorkspaces(List.of("*"), Limits.defaults()).isEmpty());
  }
}
