package dev.tollgate.spi.similarity;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the .npmrc reader: whatever the text, it returns settings or throws
 * {@link InvalidInputException} or {@link LimitExceededException}, nothing else. Seeds are under
 * {@code NpmrcFuzzTestInputs/readsOrRejectsWithATypedException}; run for real with
 * {@code JAZZER_FUZZ=1 mvn -pl spi-similarity test -Dtest=NpmrcFuzzTest}.
 */
class NpmrcFuzzTest {
  private static final Limits LIMITS = Limits.builder().maxDocumentBytes(64 * 1024)
      .maxStringLength(4096).build();

  @FuzzTest(maxDuration = "30s")
  void readsOrRejectsWithATypedException(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      Npmrc n = Npmrc.parse(".npmrc", text, LIMITS);
      n.scopes().forEach((k, v) -> {
        if (!k.startsWith("@")) {
          throw new AssertionError("scope without @: " + k);
        }
      });
    } catch (InvalidInputException | LimitExceededException expected) {
      if (!expected.getMessage().startsWith(".npmrc")) {
        throw new AssertionError("message does not name the source: " + expected.getMessage());
      }
    }
  }
}
