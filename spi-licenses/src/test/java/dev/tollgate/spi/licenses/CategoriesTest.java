package dev.tollgate.spi.licenses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.LicenseCategory;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoriesTest {
  private static final BuiltinLicenseDetector D = new BuiltinLicenseDetector(Limits.defaults(), true);

  @ParameterizedTest
  @CsvSource({"MIT,PERMISSIVE", "Apache-2.0,PERMISSIVE", "BSD-3-Clause,PERMISSIVE",
      "ISC,PERMISSIVE", "CC0-1.0,PUBLIC_DOMAIN", "Unlicense,PUBLIC_DOMAIN",
      "LGPL-2.1-only,WEAK_COPYLEFT", "MPL-2.0,WEAK_COPYLEFT", "GPL-3.0-or-later,STRONG_COPYLEFT",
      "AGPL-3.0-only,NETWORK_COPYLEFT", "UNLICENSED,PROPRIETARY", "NOASSERTION,UNKNOWN",
      "'MIT OR GPL-3.0-only',PERMISSIVE", "'MIT AND GPL-3.0-only',STRONG_COPYLEFT",
      "'GPL-2.0-only WITH Classpath-exception-2.0',STRONG_COPYLEFT", "Apache 2.0,PERMISSIVE",
      "'SEE LICENSE IN LICENSE',UNKNOWN"})
  void categorisesCommonLicensesAndExpressions(String expression, LicenseCategory expected) {
    assertEquals(expected, D.category(expression));
  }

  @Test
  void evaluatesOrAsAnyBranchAndAndAsAllTerms() {
    Set<String> allow = Set.of("MIT", "Apache-2.0");
    assertTrue(D.isAllowed("MIT OR GPL-3.0-only", allow, Set.of()));
    assertFalse(D.isAllowed("MIT AND GPL-3.0-only", allow, Set.of()));
    assertTrue(D.isAllowed("MIT AND Apache-2.0", allow, Set.of()));
    assertFalse(D.isAllowed("MIT", allow, Set.of("mit")));
    assertFalse(D.isAllowed("garbage text", allow, Set.of()));
  }

  @Test
  void allowsByCategoryAndHandlesExceptions() {
    assertTrue(D.isAllowed("BSD-2-Clause", Set.of("category:permissive"), Set.of()));
    assertFalse(D.isAllowed("GPL-2.0-only", Set.of("category:permissive"), Set.of()));
    assertTrue(D.isAllowed("GPL-2.0-only WITH Classpath-exception-2.0",
        Set.of("GPL-2.0-only WITH Classpath-exception-2.0"), Set.of("GPL-2.0-only")));
    assertFalse(D.isAllowed("GPL-2.0-only WITH Classpath-exception-2.0", Set.of("MIT"),
        Set.of("GPL-2.0-only")));
    assertTrue(D.isAllowed("GPL-2.0-only WITH Classpath-exception-2.0",
        Set.of("GPL-2.0-only"), Set.of()));
    assertTrue(D.isAllowed("UNLICENSED", Set.of("UNLICENSED"), Set.of()));
    assertFalse(D.isAllowed("UNLICENSED", Set.of("category:permissive"), Set.of()));
  }
}
