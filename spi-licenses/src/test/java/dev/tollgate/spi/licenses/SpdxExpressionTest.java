package dev.tollgate.spi.licenses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxExpressionTest {
  private static String roundTrip(String s) {
    return SpdxExpression.print(SpdxExpression.parse(s).node());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MIT|MIT",
      "mit|MIT",
      "(MIT OR Apache-2.0)|MIT OR Apache-2.0",
      "MIT AND Apache-2.0 OR ISC|MIT AND Apache-2.0 OR ISC",
      "MIT AND (Apache-2.0 OR ISC)|MIT AND (Apache-2.0 OR ISC)",
      "((MIT))|MIT",
      "GPL-2.0-only WITH Classpath-exception-2.0 OR MIT|GPL-2.0-only WITH Classpath-exception-2.0 OR MIT",
      "gpl-2.0+ with classpath-exception-2.0|GPL-2.0+ WITH Classpath-exception-2.0",
      "LicenseRef-Custom-1 OR DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2|LicenseRef-Custom-1 OR DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
      "(MIT OR ISC) AND (BSD-2-Clause OR 0BSD)|(MIT OR ISC) AND (BSD-2-Clause OR 0BSD)",
      "MIT OR (ISC OR 0BSD)|MIT OR ISC OR 0BSD",
      "Apache-2.0 WITH AdditionRef-foo|Apache-2.0 WITH AdditionRef-foo",
  })
  void parsesAndPrintsCanonically(String in, String expected) {
    assertEquals(expected, roundTrip(in));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "MIT OR", "AND MIT", "(MIT", "MIT)", "MIT WITH", "MIT ISC",
      "Apache 2.0", "NotALicense", "MIT WITH NotAnException", "MIT++", "+", "LicenseRef-",
      "DocumentRef-x", "MIT/ISC", "MIT OR OR ISC", "()", "MIT WITH Classpath-exception-2.0 WITH x"})
  void rejectsMalformedExpressionsWithTheTypedException(String in) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> SpdxExpression.parse(in));
    assertTrue(e.getMessage().contains("see docs/errors.md#license-expression"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void rejectsDeepNestingWithoutRecursing() {
    String deep = "(".repeat(1000) + "MIT" + ")".repeat(1000);
    assertThrows(InvalidInputException.class, () -> SpdxExpression.parse(deep));
    String ok = "(".repeat(60) + "MIT" + ")".repeat(60);
    assertEquals("MIT", roundTrip(ok));
  }

  @org.junit.jupiter.api.Test
  void notesDeprecatedIdsAndCaseChanges() {
    var p = SpdxExpression.parse("gpl-2.0");
    assertEquals("GPL-2.0", SpdxExpression.print(p.node()));
    assertTrue(p.notes().toString().contains("deprecated"), p.notes().toString());
    assertTrue(p.notes().toString().contains("normalised case"), p.notes().toString());
  }
}
