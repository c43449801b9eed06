package dev.tollgate.spi.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.spi.NameAssessment;
import dev.tollgate.api.spi.NameVerdict;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarName;
import dev.tollgate.api.spi.SimilarityChecker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TyposquatCheckerTest {

  static final SimilarityChecker CHECKER =
      new BuiltinSimilarityProvider().create(ProviderContext.builder().build());

  static SimilarName top(String name) {
    List<SimilarName> s = CHECKER.check(name);
    assertFalse(s.isEmpty(), "no finding for " + name);
    return s.get(0);
  }

  @ParameterizedTest(name = "{0} imitates {1} by {2}")
  @CsvSource(delimiter = '|', value = {
      "lodahs|lodash|transposition|swaps 's' and 'h'",
      "expres|express|omission|omits",
      "expresss|express|repetition|repeats 's'",
      "lodqsh|lodash|substitution|neighbouring keys",
      "1odash|lodash|homoglyph|'1' for 'l'",
      "rnoment|moment|homoglyph|'rn' for 'm'",
      "crossenv|cross-env|separator|drops the separators",
      "cross_env|cross-env|separator|uses '_'",
      "env-cross|cross-env|reordered-words|reorders the words",
      "lodash-js|lodash|affix|suffix 'js'",
      "node-lodash|lodash|affix|prefix 'node'",
      "lodash4|lodash|version-suffix|'4'",
      "express-v5|express|version-suffix|'-v5'",
      "d3.js|d3|affix|'.js'",
      "lodahs-js|lodash|affix|a misspelling of 'lodash'",
      "express-js|express|affix|suffix 'js'",
      "@evil/lodash|lodash|scope|under the scope '@evil'",
      "@types/lodahs|@types/lodash|transposition|swaps"})
  void namesTargetMutationAndExplanation(String candidate, String target, String mutation,
      String explanation) {
    SimilarName s = top(candidate);
    assertEquals(target, s.target());
    assertEquals(mutation, s.mutation());
    assertTrue(s.explanation().contains(explanation), s.explanation());
    assertEquals(candidate, s.candidate());
    assertTrue(s.targetDownloads() > 0);
    assertEquals(-1, s.candidateDownloads());
  }

  @Test
  void explainsUnicodeLookAlikesWithTheirCodePoints() {
    SimilarName s = top("l\u043edash"); // Cyrillic small o
    assertEquals("lodash", s.target());
    assertEquals("homoglyph", s.mutation());
    assertTrue(s.explanation().contains("U+043E CYRILLIC SMALL LETTER O"), s.explanation());
    assertEquals(NameVerdict.LIKELY_SQUAT, CHECKER.assess("l\u043edash").verdict());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lodahs", "crossenv", "expresss", "rnoment", "lodash-js", "mongose"})
  void judgesClearImitationsOfVeryPopularNamesLikelySquats(String name) {
    NameAssessment a = CHECKER.assess(name);
    assertEquals(NameVerdict.LIKELY_SQUAT, a.verdict(), a.toString());
    assertEquals(a.similar().get(0).score(), a.score());
  }

  @ParameterizedTest
  @ValueSource(strings = {"react", "lodash", "express", "preact", "react-dom", "chalk", "chai",
      "https-proxy-agent", "http-proxy-agent", "@babel/core", "babel-core", "safe-buffer",
      "safer-buffer"})
  void leavesPopularPackagesAlone(String name) {
    assertEquals(NameVerdict.OK, CHECKER.assess(name).verdict());
  }

  @Test
  void doesNotReportAPopularPackageAsSquatOfASlightlyMorePopularOne() {
    // both are on the list with comparable downloads
    for (SimilarName s : CHECKER.check("http-proxy-agent")) {
      assertTrue(s.targetDownloads() >= 10 * s.candidateDownloads(), s.toString());
    }
  }

  @Test
  void findsNothingForAnUnrelatedName() {
    assertEquals(List.of(), CHECKER.check("zqxwvk-unrelated-thing"));
    assertEquals(NameVerdict.OK, CHECKER.assess("zqxwvk-unrelated-thing").verdict());
    assertEquals(0.0, CHECKER.assess("zqxwvk-unrelated-thing").score());
  }

  @Test
  void skipsAllowlistedNames() {
    SimilarityChecker c = new BuiltinSimilarityProvider().create(ProviderContext.builder()
        .put("similarity.allow", "lodahs, other").build());
    assertEquals(List.of(), c.check("lodahs"));
    assertFalse(c.check("expresss").isEmpty());
  }

  @Test
  void skipsKnownLegitimatePairs() {
    SimilarityChecker c = new BuiltinSimilarityProvider().create(ProviderContext.builder()
        .put("similarity.legitimatePairs", "lodahs>lodash").build());
    assertTrue(c.check("lodahs").stream().noneMatch(s -> s.target().equals("lodash")));
  }

  @Test
  void appliesConfiguredThresholds() {
    SimilarityChecker c = new BuiltinSimilarityProvider().create(ProviderContext.builder()
        .put("similarity.threshold.squat", "0.99").put("similarity.threshold.suspicious", "0.1")
        .build());
    assertEquals(NameVerdict.SUSPICIOUS, c.assess("lodahs").verdict());
  }

  @Test
  void limitsTargetsToTheConfiguredNumber() {
    SimilarityChecker c = new BuiltinSimilarityProvider().create(ProviderContext.builder()
        .put("similarity.targets", "1000").build());
    assertFalse(c.check("lodahs").isEmpty()); // lodash is in the top 1000
    String rare = PopularNames.bundled().name(20_000);
    String squat = rare + "x";
    assertTrue(c.check(squat).stream().noneMatch(s -> s.target().equals(rare)));
  }

  @Test
  void isDeterministic() {
    for (String n : List.of("lodahs", "crossenv", "@types/lodahs", "rnoment")) {
      assertEquals(CHECKER.check(n), CHECKER.check(n));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " lodash", "lo dash", "lo\ndash", "lo\u0000dash", ".lodash",
      "_lodash", "@/x", "a/b", "node_modules", "lo\u2028dash", "\ud800x", "lo\u2603dash"})
  void rejectsInvalidNamesWithATypedException(String name) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CHECKER.check(name));
    assertTrue(e.getMessage().endsWith("see docs/errors.md#invalid-package-name"), e.getMessage());
  }

  @Test
  void rejectsOverlongNames() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CHECKER.check("a".repeat(300)));
    assertTrue(e.getMessage().contains("longer than 256"), e.getMessage());
  }

  @Test
  void acceptsLegacyUpperCaseNames() {
    assertEquals(NameVerdict.OK, CHECKER.assess("JSONStream").verdict());
  }

  @Test
  void checksPathologicalNamesQuickly() {
    List<String> names = List.of("rn".repeat(128), "vv".repeat(128), "a".repeat(256),
        "@" + "b".repeat(120) + "/" + "c".repeat(130), "-".repeat(1) + "x".repeat(255),
        "1".repeat(256), "node" + "js".repeat(126));
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (String n : names) {
        try {
          CHECKER.assess(n);
        } catch (InvalidInputException expected) {
          assertTrue(expected.getMessage().contains("see docs/errors.md#"));
        }
      }
    });
  }
}
