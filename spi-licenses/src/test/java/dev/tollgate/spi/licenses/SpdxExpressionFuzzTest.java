package dev.tollgate.spi.licenses;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.DeclaredLicense;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the expression parser, the interpreter and the text detector: {@code parse} returns a tree
 * or throws {@link InvalidInputException}, {@code interpret} and {@code detect} never throw. Seeds
 * are under {@code SpdxExpressionFuzzTestInputs/<method>}; run for real with
 * {@code JAZZER_FUZZ=1 mvn -pl spi-licenses test -Dtest=SpdxExpressionFuzzTest}.
 */
class SpdxExpressionFuzzTest {
  private static final BuiltinLicenseDetector DETECTOR =
      new BuiltinLicenseDetector(Limits.defaults(), true);

  @FuzzTest(maxDuration = "20s")
  void parseThrowsOnlyTheTypedException(byte[] data) {
    String s = new String(data, StandardCharsets.UTF_8);
    try {
      String printed = SpdxExpression.print(SpdxExpression.parse(s).node());
      String again = SpdxExpression.print(SpdxExpression.parse(printed).node());
      if (!printed.equals(again)) {
        throw new AssertionError("not stable: " + printed + " / " + again);
      }
    } catch (InvalidInputException expected) {
      if (!expected.getMessage().contains("docs/errors.md#license-expression")) {
        throw new AssertionError(expected.getMessage());
      }
    }
  }

  @FuzzTest(maxDuration = "20s")
  void interpretAndDetectNeverThrow(byte[] data) {
    String s = new String(data, StandardCharsets.UTF_8);
    DeclaredLicense d = DETECTOR.interpret(s);
    if (d.expression().isEmpty()) {
      throw new AssertionError("empty expression for " + s);
    }
    DETECTOR.detect("fuzz.txt", s);
    DETECTOR.category(s);
  }
}
