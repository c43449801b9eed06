package dev.tollgate.spi.licenses;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.LicenseMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled SPDX text is identified as itself, also after small edits; halves are not
 * identified with a high score. Ties are allowed only between licenses whose normalised texts are
 * identical (for example GPL-2.0-only, GPL-2.0-or-later and the deprecated GPL-2.0).
 */
class LicenseTextDetectionTest {
  private static final BuiltinLicenseDetector DETECTOR =
      new BuiltinLicenseDetector(Limits.defaults(), true);

  static final double NEAR = 0.97;

  /**
   * Texts that are literally the concatenation of other listed texts; after edits they may be
   * reported as their parts, which is also a correct reading.
   */
  static final java.util.Map<String, Set<String>> COMPOUND = java.util.Map.of(
      "OpenSSL", Set.of("OpenSSL-standalone", "SSLeay-standalone"));

  static Stream<String> ids() {
    return SpdxData.get().licenses().stream().map(SpdxData.License::id);
  }

  /** Ids whose normalised text is identical to that of {@code id} (including itself). */
  static Set<String> identicalTo(String id) {
    TextIndex index = TextIndex.get();
    int i = indexOf(id);
    return IntStream.range(0, index.licenses.size())
        .filter(j -> Arrays.equals(index.words[i], index.words[j]))
        .mapToObj(j -> index.licenses.get(j).id()).collect(Collectors.toCollection(TreeSet::new));
  }

  private static int indexOf(String id) {
    List<SpdxData.License> l = TextIndex.get().licenses;
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id);
  }

  /** Dice of the two reference texts' bigrams. */
  static double similarity(String a, String b) {
    TextIndex index = TextIndex.get();
    long[] x = index.bigrams[indexOf(a)];
    long[] y = index.bigrams[indexOf(b)];
    return 2.0 * TextIndex.intersection(x, y) / Math.max(1, x.length + y.length);
  }

  private static void assertIdentified(String id, String text, String variant) {
    assertIdentified(id, text, variant, false);
  }

  /**
   * With {@code nearOk}, the best match may also be a license whose reference text is near-identical
   * (bigram Dice at least {@value #NEAR}) to this one's: an edit can outweigh their difference
   * (for example GPL-2.0+ and GPL-2.0-only, MPL-1.1 and CUA-OPL-1.0).
   */
  private static void assertIdentified(String id, String text, String variant, boolean nearOk) {
    List<LicenseMatch> matches = DETECTOR.detect("LICENSE", text).stream()
        .filter(m -> m.kind() == LicenseMatch.Kind.TEXT).toList();
    double best = matches.stream().mapToDouble(LicenseMatch::score).max().orElse(0);
    Set<String> top = matches.stream().filter(m -> m.score() == best)
        .map(LicenseMatch::expression).collect(Collectors.toCollection(TreeSet::new));
    Set<String> identical = identicalTo(id);
    boolean near = nearOk && !top.isEmpty()
        && top.stream().allMatch(t -> identical.contains(t) || similarity(id, t) >= NEAR);
    boolean parts = nearOk && COMPOUND.containsKey(id) && matches.stream()
        .allMatch(m -> COMPOUND.get(id).contains(m.expression()));
    assertTrue(top.contains(id) && identical.containsAll(top) || near || parts,
        () -> variant + " of " + id + ": best " + best + " " + top + ", all " + matches);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void identifiesEveryBundledTextAsItselfAlsoAfterSmallEdits(String id) {
    String text = SpdxData.get().license(id).orElseThrow().text();
    assertIdentified(id, text, "exact text");
    assertIdentified(id, rewrap(text), "rewrapped text", true);
    assertIdentified(id, fillPlaceholders(text), "filled placeholders and copyright", true);
    assertIdentified(id, rebullet(text), "changed bullets", true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void doesNotIdentifyHalfATextWithAHighScore(String id) {
    String text = SpdxData.get().license(id).orElseThrow().text();
    Normalizer.Words w = Normalizer.words(text, Integer.MAX_VALUE);
    if (w.size() < 20) {
      return;
    }
    String half = text.substring(0, w.end()[w.size() / 2]);
    for (LicenseMatch m : DETECTOR.detect("LICENSE", half)) {
      assertFalse(m.kind() == LicenseMatch.Kind.TEXT && identicalTo(id).contains(m.expression())
          && m.score() >= 0.8, () -> "half of " + id + " matched " + m);
    }
  }

  /**
   * Re-flows every paragraph to 60 columns. A paragraph ends at a blank line and before a line
   * that starts with a copyright statement, a bullet or a number (as an editor's re-flow keeps
   * them).
   */
  static String rewrap(String text) {
    StringBuilder sb = new StringBuilder();
    String marked = text.replaceAll("(?m)^(\\s*(?:[Cc]opyright|\\(?[0-9a-zA-Z]{1,3}[.)]|[-*•]))",
        "\n$1");
    for (String para : marked.split("\n\\s*\n")) {
      int col = 0;
      for (String w : para.strip().split("[ \\t\\n]+")) {
        if (col + w.length() > 60) {
          sb.append('\n');
          col = 0;
        } else if (col > 0) {
          sb.append(' ');
          col++;
        }
        sb.append(w);
        col += w.length();
      }
      sb.append("\n\n");
    }
    return sb.toString();
  }

  static String fillPlaceholders(String text) {
    String filled = text.replaceAll("<(?i:year)>", "2024")
        .replaceAll("<[^<>\\n]{1,40}>", "Example Corp");
    return "Copyright (c) 2019-2024 Jane Q. Doe and contributors\n\n"
        + filled.replaceAll("(?im)^\\s*copyright.*$", "Copyright 2024 Someone Else <a@b.example>");
  }

  static String rebullet(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      out.add(line.replaceFirst("^(\\s*)(?:[-*•]|\\(?[0-9a-z]{1,2}[.)])\\s+", "$1* "));
    }
    return String.join("\n", out);
  }
}
