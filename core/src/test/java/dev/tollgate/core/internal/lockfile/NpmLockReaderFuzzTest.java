package dev.tollgate.core.internal.lockfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.LockfileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the npm lockfile reader: whatever the bytes, only {@link InvalidInputException} or
 * {@link LimitExceededException} may escape. The seed corpus is under
 * {@code src/test/resources/dev/tollgate/core/internal/lockfile/NpmLockReaderFuzzTestInputs/}; run
 * {@code JAZZER_FUZZ=1 mvn -pl core test -Dtest=NpmLockReaderFuzzTest} to fuzz for real.
 */
class NpmLockReaderFuzzTest {

  private static final Limits LIMITS = Limits.builder().maxEntries(2_000).maxJsonDepth(64)
      .maxStringLength(10_000).maxDocumentBytes(1 << 20).maxPathLength(512).build();

  /** A project whose root and workspace manifests exist, so the manifest paths are fuzzed too. */
  private static final ProjectFiles PROJECT = (dir, limits) -> Optional.of(new PackageJson(
      dir.isEmpty() ? "app" : dir, "1.0.0", Map.of("a", "^1.0.0"), Map.of("d", "1"), Map.of(),
      Map.of("p", "*"), List.of("p"), List.of(), dir.isEmpty() ? List.of("packages/*") : List.of(),
      "MIT", Map.of("install", "x")));

  @FuzzTest
  void readsOrThrowsOnlyTypedExceptions(byte[] data) throws IOException {
    for (LockfileFormat f : new LockfileFormat[] {LockfileFormat.NPM_PACKAGE_LOCK,
        LockfileFormat.NPM_SHRINKWRAP}) {
      try {
        new NpmLockReader(f).read(f.fileName(), new ByteArrayInputStream(data),
            f == LockfileFormat.NPM_SHRINKWRAP ? PROJECT : ProjectFiles.none(), LIMITS);
      } catch (InvalidInputException | LimitExceededException expected) {
        // the only exceptions a reader may throw for bad content
      }
    }
  }
}
