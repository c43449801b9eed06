package dev.tollgate.spi.advisories;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared advisory data and the committed fixtures. */
final class TestData {
  private TestData() {
  }

  /** The shared advisory data folder: the first {@code shared/data/advisories} above the module. */
  static Path sharedAdvisories() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data").resolve("advisories");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/data/advisories not found above " + dir
        + "; the tests need the project's shared data beside the repository");
  }

  static Path ossfZip() {
    return sharedAdvisories().resolve("ossf-malicious-npm-osv.zip");
  }

  static Path ghsaZip() {
    return sharedAdvisories().resolve("ghsa-npm-osv-sample.zip");
  }

  /** The committed fixture tree of real records. */
  static Path fixtureTree() {
    return Path.of("src/test/resources/fixtures/osv/tree").toAbsolutePath();
  }
}
