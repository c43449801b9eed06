package dev.tollgate.spi.advisories;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.Advisory;

/**
 * Fuzzes the OSV record parser: whatever the bytes, it returns an advisory or throws
 * {@link InvalidInputException} or {@link LimitExceededException}, nothing else. Seeds are under
 * {@code OsvRecordFuzzTestInputs/parsesOrRejectsWithATypedException}; run for real with
 * {@code JAZZER_FUZZ=1 mvn -pl spi-advisories test -Dtest=OsvRecordFuzzTest}.
 */
class OsvRecordFuzzTest {
  private static final OsvRecordParser PARSER = new OsvRecordParser(Limits.builder()
      .maxJsonDepth(32).maxStringLength(4096).build(), 64 * 1024);

  @FuzzTest(maxDuration = "30s")
  void parsesOrRejectsWithATypedException(byte[] data) {
    try {
      Advisory a = PARSER.parse(data, "fuzz.json", new StringPool());
      if (a.id().isEmpty()) {
        throw new AssertionError("an advisory without id was accepted");
      }
    } catch (InvalidInputException | LimitExceededException expected) {
      if (!expected.getMessage().startsWith("fuzz.json")) {
        throw new AssertionError("message does not name the source: " + expected.getMessage());
      }
    }
  }
}
