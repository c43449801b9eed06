package dev.tollgate.spi.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.PackageName;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarName;
import dev.tollgate.api.spi.SimilarityChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded property tests of the index and the checker. Each prints its seed. */
class NameIndexProperties {

  static final PopularNames NAMES = PopularNames.bundled();
  static final NameIndex SMALL = new NameIndex(NAMES, 5_000);
  static final SimilarityChecker CHECKER =
      new BuiltinSimilarityProvider().create(ProviderContext.builder().build());
  static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-._";

  static String mutate(String s, Random r) {
    int i = r.nextInt(s.length());
    char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
    return switch (r.nextInt(4)) {
      case 0 -> s.substring(0, i) + s.substring(i + 1);
      case 1 -> s.substring(0, i) + c + s.substring(i);
      case 2 -> s.substring(0, i) + c + s.substring(i + 1);
      default -> i + 1 < s.length()
          ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s + c;
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 2L, 3L, 20261124L})
  void nearFindsExactlyTheTargetsOneEditAwayAsAFullScanWould(long seed) {
    System.out.println("NameIndexProperties.near seed " + seed);
    Random r = new Random(seed);
    for (int k = 0; k < 60; k++) {
      String base = SMALL.skeleton(r.nextInt(SMALL.targets()));
      String q = r.nextInt(5) == 0 ? base : Fold.skeleton(mutate(base, r));
      NameIndex.IntList got = new NameIndex.IntList();
      SMALL.near(q, got);
      TreeSet<Integer> g = new TreeSet<>();
      for (int i = 0; i < got.size(); i++) {
        g.add(got.get(i));
      }
      TreeSet<Integer> want = new TreeSet<>();
      for (int t = 0; t < SMALL.targets(); t++) {
        String s = SMALL.skeleton(t);
        if (!s.equals(q) && Edits.distance(q, s, 1) <= 1) {
          want.add(t);
        }
      }
      assertEquals(want, g, "seed " + seed + " query " + q);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7L, 42L, 20261124L})
  void aSingleTypoOfAPopularNameNamesThatName(long seed) {
    System.out.println("NameIndexProperties.typo seed " + seed);
    Random r = new Random(seed);
    int checked = 0;
    while (checked < 300) {
      int t = r.nextInt(2_000);
      String target = NAMES.name(t);
      if (target.startsWith("@") || Fold.skeleton(target).length() < 6) {
        continue;
      }
      String typo = mutate(target, r);
      if (!PackageName.isValid(typo) || NAMES.rankOf(typo) >= 0
          || typo.equalsIgnoreCase(target)) {
        continue;
      }
      checked++;
      List<String> targets = CHECKER.check(typo).stream().map(SimilarName::target).toList();
      assertTrue(targets.contains(target) || targets.size() == TyposquatChecker.MAX_FINDINGS,
          "seed " + seed + ": " + typo + " -> " + targets + ", expected " + target);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11L, 12L})
  void randomNamesGiveFindingsOrTypedErrorsAndTheSameAnswerTwice(long seed) {
    System.out.println("NameIndexProperties.random seed " + seed);
    Random r = new Random(seed);
    List<String> names = new ArrayList<>();
    for (int k = 0; k < 2_000; k++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(20);
      if (r.nextInt(5) == 0) {
        sb.append('@').append(ALPHABET.charAt(r.nextInt(26))).append('/');
      }
      for (int i = 0; i < len; i++) {
        sb.append(r.nextInt(30) == 0 ? (char) (0x400 + r.nextInt(0x60))
            : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      names.add(sb.toString());
    }
    for (String n : names) {
      try {
        List<SimilarName> a = CHECKER.check(n);
        assertEquals(a, CHECKER.check(n));
        for (SimilarName s : a) {
          assertTrue(s.score() >= 0 && s.score() <= 1);
          assertTrue(!s.explanation().isEmpty() && !s.mutation().isEmpty());
        }
      } catch (InvalidInputException expected) {
        assertTrue(expected.getMessage().endsWith("see docs/errors.md#invalid-package-name"));
      }
    }
  }
}
