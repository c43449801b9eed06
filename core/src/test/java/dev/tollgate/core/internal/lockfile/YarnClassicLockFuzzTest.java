package dev.tollgate.core.internal.lockfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the yarn classic reader: any bytes give a lockfile or one of the typed exceptions
 * ({@link InvalidInputException}, {@link LimitExceededException}); nothing else escapes. The seed
 * corpus is under {@code src/test/resources/dev/tollgate/core/internal/lockfile/
 * YarnClassicLockFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn test -Dtest=YarnClassicLockFuzzTest}
 * fuzzes for real.
 */
class YarnClassicLockFuzzTest {

  private static final Limits SMALL = Limits.builder().maxDocumentBytes(1 << 16)
      .maxStringLength(4096).maxEntries(2000).maxJsonDepth(16).maxPathLength(512).build();

  @FuzzTest
  void anyInputGivesALockfileOrATypedException(byte[] data) throws IOException {
    try {
      new YarnClassicLockReader().read("yarn.lock", new ByteArrayInputStream(data),
          ProjectFiles.none(), SMALL);
    } catch (InvalidInputException | LimitExceededException expected) {
      // the only exceptions allowed
    }
  }
}
