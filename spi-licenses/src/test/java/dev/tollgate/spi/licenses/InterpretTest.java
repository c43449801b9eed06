package dev.tollgate.spi.licenses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.DeclaredLicense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterpretTest {
  private static final BuiltinLicenseDetector D = new BuiltinLicenseDetector(Limits.defaults(), true);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MIT|MIT",
      "(MIT OR Apache-2.0)|MIT OR Apache-2.0",
      "UNLICENSED|UNLICENSED",
      "SEE LICENSE IN LICENSE.md|SEE-LICENSE-IN LICENSE.md",
      "Apache-2.0 WITH LLVM-exception|Apache-2.0 WITH LLVM-exception",
  })
  void acceptsValidFormsWithFullConfidence(String in, String expected) {
    DeclaredLicense d = D.interpret(in);
    assertEquals(expected, d.expression());
    assertEquals(1.0, d.confidence());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Apache 2.0|Apache-2.0",
      "Apache-2|Apache-2.0",
      "Apache License, Version 2.0|Apache-2.0",
      "MIT/X11|MIT",
      "BSD|BSD-3-Clause",
      "GPLv3|GPL-3.0-only",
      "GPL-2.0|GPL-2.0-only",
      "GPL-2.0+|GPL-2.0-or-later",
      "Public Domain|LicenseRef-Public-Domain",
      "MIT License|MIT",
      "The MIT License (MIT)|MIT",
      "MIT or Apache 2.0|MIT OR Apache-2.0",
      "MIT, Apache-2.0|MIT OR Apache-2.0",
      "BSD-3-Clause/GPLv2|BSD-3-Clause OR GPL-2.0-only",
      "Mozilla Public License 2.0|MPL-2.0",
      "ISC License|ISC",
      "GPL-2.0-with-classpath-exception|GPL-2.0-only WITH Classpath-exception-2.0",
  })
  void correctsCommonMisspellingsWithANoteAndLowerConfidence(String in, String expected) {
    DeclaredLicense d = D.interpret(in);
    assertEquals(expected, d.expression(), d.toString());
    assertTrue(d.confidence() < 1.0, d.toString());
    assertFalse(d.note().isEmpty(), d.toString());
  }

  @Test
  void acceptsFlattenedLegacyTypeArrays() {
    assertEquals("MIT OR Apache-2.0", D.interpret("(MIT OR Apache 2.0)").expression());
  }

  @ParameterizedTest
  @ValueSource(strings = {"asdf qwer", "(((", "see my website", "\u0000\u0001",
      "MIT AND AND", "http://example.com/license"})
  void givesNoAssertionWithLowConfidenceForGarbage(String in) {
    DeclaredLicense d = D.interpret(in);
    assertEquals("NOASSERTION", d.expression(), d.toString());
    assertTrue(d.confidence() <= 0.1);
  }

  @Test
  void neverThrowsForNullOrHugeInput() {
    assertEquals("NOASSERTION", D.interpret(null).expression());
    assertEquals("NOASSERTION", D.interpret("MIT OR ".repeat(2000)).expression());
  }
}
