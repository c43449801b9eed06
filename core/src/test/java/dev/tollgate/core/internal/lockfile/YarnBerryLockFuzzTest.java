package dev.tollgate.core.internal.lockfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the yarn berry reader: any bytes give a lockfile or one of the typed exceptions
 * ({@link InvalidInputException}, {@link LimitExceededException}); nothing else escapes. The seed
 * corpus is under {@code src/test/resources/dev/tollgate/core/internal/lockfile/
 * YarnBerryLockFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn test -Dtest=YarnBerryLockFuzzTest}
 * fuzzes for real.
 */
class YarnBerryLockFuzzTest {

  private static final Limits SMALL = Limits.builder().maxDocumentBytes(1 << 16)
      .maxStringLength(4096).maxEntries(2000).maxJsonDepth(16).maxPathLength(512).build();

  @FuzzTest
  void anyInputGivesALockfileOrATypedException(byte[] data) throws IOException {
    try {
      new YarnBerryLockReader().read("yarn.lock", new ByteArrayInputStream(data),
          ProjectFiles.none(), SMALL);
    } catch (InvalidInputException | LimitExceededException expected) {
      // the only exceptions allowed
    }
  }
}
