package dev.tollgate.spi.advisories;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;

/**
 * Fuzzes the npm bulk advisory response parser: whatever the bytes, it returns advisories or
 * throws {@link InvalidInputException} or {@link LimitExceededException}, nothing else. Seeds are
 * under {@code NpmBulkResponseFuzzTestInputs/parsesOrRejectsWithATypedException}; run for real with
 * {@code JAZZER_FUZZ=1 mvn -pl spi-advisories test -Dtest=NpmBulkResponseFuzzTest}.
 */
class NpmBulkResponseFuzzTest {
  private static final NpmBulkResponseParser PARSER = new NpmBulkResponseParser(Limits.builder()
      .maxJsonDepth(32).maxStringLength(4096).build(), 64 * 1024);

  @FuzzTest(maxDuration = "30s")
  void parsesOrRejectsWithATypedException(byte[] data) {
    try {
      PARSER.parse(data, "bulk response");
    } catch (InvalidInputException | LimitExceededException expected) {
      if (!expected.getMessage().startsWith("bulk response")) {
        throw new AssertionError("message does not name the source: " + expected.getMessage());
      }
    }
  }
}
