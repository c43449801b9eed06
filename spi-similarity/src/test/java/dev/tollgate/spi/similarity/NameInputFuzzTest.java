package dev.tollgate.spi.similarity;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.spi.NameAssessment;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarityChecker;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes name input: whatever the string, the checker returns an assessment or throws
 * {@link InvalidInputException}, nothing else. Seeds are under
 * {@code NameInputFuzzTestInputs/assessesOrRejectsWithATypedException}; run for real with
 * {@code JAZZER_FUZZ=1 mvn -pl spi-similarity test -Dtest=NameInputFuzzTest}.
 */
class NameInputFuzzTest {
  private static final SimilarityChecker CHECKER =
      new BuiltinSimilarityProvider().create(ProviderContext.builder().build());

  @FuzzTest(maxDuration = "30s")
  void assessesOrRejectsWithATypedException(byte[] data) {
    String name = new String(data, StandardCharsets.UTF_8);
    try {
      NameAssessment a = CHECKER.assess(name);
      if (!a.name().equals(name)) {
        throw new AssertionError("assessment of another name");
      }
    } catch (InvalidInputException expected) {
      if (!expected.getMessage().contains("see docs/errors.md#")) {
        throw new AssertionError("message without anchor: " + expected.getMessage());
      }
    }
  }
}
