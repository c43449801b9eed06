package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

class PackageNameFuzzTest {

  /** Any string either parses to a name that round-trips, or fails with the typed exception. */
  @FuzzTest(maxDuration = "30s")
  void parsesOrRejectsWithTheTypedException(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    try {
      PackageName n = PackageName.parse(s);
      assertEquals(s, n.value());
      assertTrue(PackageName.isValid(s));
      assertEquals(n.isScoped() ? n.scope() + "/" + n.bareName() : n.bareName(), s);
    } catch (InvalidInputException e) {
      assertTrue(PackageName.tryParse(s).isEmpty());
    }
  }
}
