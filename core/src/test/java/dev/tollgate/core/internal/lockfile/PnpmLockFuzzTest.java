package dev.tollgate.core.internal.lockfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the pnpm reader: whatever the bytes, it returns a lockfile or throws
 * {@link InvalidInputException} or {@link LimitExceededException}. Without {@code JAZZER_FUZZ=1}
 * it runs the committed seed corpus ({@code PnpmLockFuzzTestInputs/}) as ordinary tests; with it,
 * {@code JAZZER_FUZZ=1 mvn -pl core test -Dtest=PnpmLockFuzzTest} fuzzes for real.
 */
class PnpmLockFuzzTest {

  private static final Limits SMALL = Limits.builder().maxDocumentBytes(1 << 20).maxJsonDepth(32)
      .maxStringLength(4096).maxEntries(2_000).build();

  @FuzzTest(maxDuration = "60s")
  void readsOrRefusesWithTypedExceptions(byte[] data) throws IOException {
    try {
      new PnpmLockReader().read("pnpm-lock.yaml", new ByteArrayInputStream(data),
          ProjectFiles.none(), SMALL);
    } catch (InvalidInputException | LimitExceededException expected) {
      if (!expected.getMessage().contains("see docs/errors.md#")) {
        throw new AssertionError("message without an anchor: " + expected.getMessage(), expected);
      }
    }
  }
}
