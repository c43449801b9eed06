package dev.tollgate.spi.similarity;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.spi.ConfusionFinding;
import dev.tollgate.api.spi.InternalNamespace;
import dev.tollgate.api.spi.NameAssessment;
import dev.tollgate.api.spi.NameVerdict;
import dev.tollgate.api.spi.SimilarName;
import dev.tollgate.api.spi.SimilarityChecker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The built-in typosquat checker: finds the popular names a name imitates, names the mutation,
 * explains it, and scores it by mutation kind, name length, the popularity ratio between target
 * and candidate, and the allowlist and known-legitimate pairs.
 *
 * <p>Score = base(mutation) x length factor x popularity factor x target factor, where the
 * popularity factor is 1 for a name not on the bundled list and
 * {@code clamp((log10(targetDownloads / candidateDownloads) - 1) / 3, 0, 1)} for a listed one (so
 * a package with a tenth of its look-alike's downloads or more is not a squat of it), and the target
 * factor grows from 0.6 at 100,000 monthly downloads to 1.0 at 10 million.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently. This one is immutable.
 */
final class TyposquatChecker implements SimilarityChecker {

  /** The most findings returned for one name. */
  static final int MAX_FINDINGS = 10;

  private final PopularNames names;
  private final NameIndex index;
  private final Settings settings;
  private final DependencyConfusionChecker confusion;

  TyposquatChecker(PopularNames names, NameIndex index, Settings settings) {
    this.names = names;
    this.index = index;
    this.settings = settings;
    this.confusion = new DependencyConfusionChecker(settings.publicRegistries());
  }

  @Override
  public List<SimilarName> check(String name) {
    return check(name, false);
  }

  /**
   * Checks a name; with {@code asUnknown}, as if the name were not on the bundled list (so a
   * listed name is judged like a new package: used to measure look-alikes among legitimate names),
   * against the names more popular than it only.
   */
  List<SimilarName> check(String name, boolean asUnknown) {
    NameInput.read(name);
    if (settings.allow().contains(name)) {
      return List.of();
    }
    int realRank = names.rankOf(name);
    int candRank = asUnknown ? -1 : realRank;
    // as unknown, only names more popular than the real one are targets
    int maxTarget = asUnknown && realRank >= 0 ? realRank : Integer.MAX_VALUE;
    long candDl = candRank >= 0 ? names.downloads(candRank) : -1;
    String plain = Fold.plain(name);
    String skeleton = Fold.homoglyphs(plain);
    List<SimilarName> out = new ArrayList<>(4);

    // 1. same skeleton: case, separators, scope flattening, homoglyphs
    for (int t : index.exact(skeleton)) {
      if (t != candRank) {
        sameSkeleton(name, plain, t, candDl, out);
      }
    }
    // 2. one edit away (deletion neighbourhood)
    if (skeleton.length() >= 4) {
      NameIndex.IntList near = new NameIndex.IntList();
      index.near(skeleton, near);
      String light = Fold.light(plain);
      if (!light.equals(skeleton)) {
        index.near(light, near);
      }
      for (int i = 0; i < near.size(); i++) {
        if (near.get(i) != candRank) {
          oneEdit(name, plain, skeleton, light, near.get(i), candDl, out);
        }
      }
    }
    // 3. affixes, version suffixes, reordered words, scope games
    affixes(name, skeleton, candDl, out);
    for (int t : index.reordered(name)) {
      if (t != candRank && !names.name(t).equals(name)) {
        add(name, t, "reordered-words", "reorders the words of " + q(names.name(t)), 0.75, candDl, out);
      }
    }
    scope(name, candDl, out);
    if (maxTarget != Integer.MAX_VALUE) {
      out.removeIf(s -> names.rankOf(s.target()) >= maxTarget);
    }
    if (out.isEmpty()) {
      return List.of();
    }
    return best(out);
  }

  private List<SimilarName> best(List<SimilarName> out) {
    out.sort(Comparator.comparingDouble(SimilarName::score).reversed()
        .thenComparing(Comparator.comparingLong(SimilarName::targetDownloads).reversed())
        .thenComparing(SimilarName::target));
    List<SimilarName> r = new ArrayList<>(Math.min(out.size(), MAX_FINDINGS));
    for (SimilarName s : out) {
      boolean dup = false;
      for (SimilarName k : r) {
        dup |= k.target().equals(s.target());
      }
      if (!dup && r.size() < MAX_FINDINGS) {
        r.add(s);
      }
    }
    return List.copyOf(r);
  }

  @Override
  public NameAssessment assess(String name) {
    return assess(name, false);
  }

  /**
   * Assesses a name, optionally as if it were not on the bundled list (see {@link #check(String,
   * boolean)}).
   */
  NameAssessment assess(String name, boolean asUnknown) {
    List<SimilarName> similar = check(name, asUnknown);
    double score = similar.isEmpty() ? 0.0 : similar.get(0).score();
    NameVerdict v = score >= settings.squatThreshold() ? NameVerdict.LIKELY_SQUAT
        : score >= settings.suspiciousThreshold() ? NameVerdict.SUSPICIOUS : NameVerdict.OK;
    return new NameAssessment(name, v, score, similar);
  }

  @Override
  public List<ConfusionFinding> checkConfusion(DependencyGraph graph, InternalNamespace internal,
      String npmrc) {
    return confusion.check(graph, internal, Npmrc.parse(".npmrc", npmrc, settings.limits()));
  }

  private void sameSkeleton(String name, String plain, int t, long candDl, List<SimilarName> out) {
    String target = names.name(t);
    if (target.equals(name)) {
      return;
    }
    if (target.equalsIgnoreCase(name)) {
      add(name, t, "case", "differs from " + q(target) + " only in letter case", 0.7, candDl, out);
      return;
    }
    String tPlain = Fold.plain(target);
    if (tPlain.equals(plain)) {
      boolean cs = name.startsWith("@");
      boolean ts = target.startsWith("@");
      if (cs != ts || (cs && !scopeOf(name).equals(scopeOf(target)))) {
        add(name, t, "scope", "moves the scope of " + q(target) + " into the name", 0.75, candDl, out);
      } else if (!name.equals(nonAscii(name))) {
        add(name, t, "homoglyph", "writes " + q(target) + " with Unicode look-alike letters"
            + unicodeDetail(name), 0.95, candDl, out);
      } else {
        add(name, t, "separator", separators(name, target), 0.85, candDl, out);
      }
      return;
    }
    add(name, t, "homoglyph", "reads as " + q(target) + homoglyphDetail(plain, tPlain), 0.95,
        candDl, out);
  }

  private void oneEdit(String name, String plain, String skeleton, String light, int t,
      long candDl, List<SimilarName> out) {
    String target = names.name(t);
    String tPlain = Fold.plain(target);
    String tSkel = index.skeleton(t);
    Edits.Edit e = Edits.describe(plain, tPlain);
    if (e == null) {
      e = Edits.describe(skeleton, tSkel);
    }
    if (e == null) {
      e = Edits.describe(light, index.light(t));
    }
    if (e == null) {
      return;
    }
    double base = switch (e.kind()) {
      case "homoglyph" -> 0.95;
      case "transposition", "repetition" -> 0.9;
      case "omission" -> 0.85;
      case "insertion" -> e.explanation().contains("neighbouring") ? 0.8 : 0.75;
      default -> e.explanation().contains("neighbouring") ? 0.85 : 0.7;
    };
    int len = tSkel.length();
    double lenFactor = len <= 4 ? 0.7 : len == 5 ? 0.85 : 1.0;
    String expl = e.explanation() + (e.kind().equals("insertion") ? " to " : " in ") + q(target);
    if (!sepShape(name).equals(sepShape(target)) && !e.kind().equals("homoglyph")) {
      expl += " and changes its separators";
    }
    add(name, t, e.kind(), expl, base * lenFactor, candDl, out);
  }

  private void dropped(String name, String skeleton, String what, long candDl,
      List<SimilarName> out) {
    for (int t : index.exact(skeleton)) {
      add(name, t, "affix", "drops " + what + " of " + q(names.name(t)), 0.55, candDl, out);
    }
  }

  private void affixes(String name, String skeleton, long candDl, List<SimilarName> out) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("@")) {
      return;
    }
    // added affixes: strip and look the rest up
    strip(name, lower, candDl, out, "node", true, "affix", 0.75);
    strip(name, lower, candDl, out, "js", false, "affix", 0.75);
    strip(name, lower, candDl, out, "js", true, "affix", 0.7);
    strip(name, lower, candDl, out, "cli", false, "affix", 0.7);
    strip(name, lower, candDl, out, "node", false, "affix", 0.75);
    strip(name, lower, candDl, out, "npm", true, "affix", 0.7);
    int v = versionSuffix(lower);
    if (v > 0) {
      String rest = trimSeparators(lower.substring(0, v));
      lookup(name, rest, candDl, out, "version-suffix", "adds the version-like suffix "
          + q(lower.substring(v)) + " to ", 0.8);
    }
    // removed affixes: add them back and look up
    if (skeleton.length() >= 4) {
      // the folded affixes: "node", "js" and "cli" (whose i folds to l)
      dropped(name, "node" + skeleton, "the prefix 'node'", candDl, out);
      dropped(name, skeleton + "js", "the suffix 'js'", candDl, out);
      dropped(name, skeleton + "cll", "the suffix 'cli'", candDl, out);
    }
  }

  private void strip(String name, String lower, long candDl, List<SimilarName> out, String affix,
      boolean prefix, String kind, double base) {
    String rest;
    if (prefix) {
      if (!lower.startsWith(affix) || lower.length() < affix.length() + 3) {
        return;
      }
      rest = trimSeparators(lower.substring(affix.length()));
    } else {
      if (!lower.endsWith(affix) || lower.length() < affix.length() + 3) {
        return;
      }
      rest = trimSeparators(lower.substring(0, lower.length() - affix.length()));
      if (rest.length() == 2 && Fold.separator(lower.charAt(2))) {
        // "d3.js": a short name with a separated suffix is still a clear imitation
        lookupShort(name, rest, candDl, out, "adds the suffix " + q(lower.substring(2)) + " to ");
        return;
      }
    }
    String what = prefix ? "the prefix " + q(affix) : "the suffix " + q(affix);
    lookup(name, rest, candDl, out, kind, "adds " + what + " to ", base);
  }

  private void lookup(String name, String rest, long candDl, List<SimilarName> out, String kind,
      String explanation, double base) {
    if (rest.length() < 3) {
      return;
    }
    String skel = Fold.skeleton(rest);
    int[] exact = index.exact(skel);
    for (int t : exact) {
      if (!names.name(t).equals(name)) {
        double lf = skel.length() <= 4 ? 0.8 : 1.0;
        add(name, t, kind, explanation + q(names.name(t)), base * lf, candDl, out);
      }
    }
    if (exact.length == 0 && skel.length() >= 6) {
      // an affix around a one-edit typo: "lodahs-js"
      NameIndex.IntList near = new NameIndex.IntList();
      index.near(skel, near);
      for (int i = 0; i < near.size(); i++) {
        int t = near.get(i);
        if (!names.name(t).equals(name)) {
          add(name, t, kind, explanation + "a misspelling of " + q(names.name(t)), base * 0.8,
              candDl, out);
        }
      }
    }
  }

  private void lookupShort(String name, String rest, long candDl, List<SimilarName> out,
      String explanation) {
    int t = names.rankOf(rest);
    if (t >= 0 && t < index.targets()) {
      add(name, t, "affix", explanation + q(rest), 0.7, candDl, out);
    }
  }

  private void scope(String name, long candDl, List<SimilarName> out) {
    if (!name.startsWith("@")) {
      if (name.length() >= 8) {
        for (int t : index.scopedWithBare(name.toLowerCase(Locale.ROOT))) {
          add(name, t, "scope", "drops the scope of " + q(names.name(t)), 0.7, candDl, out);
        }
      }
      return;
    }
    int slash = name.indexOf('/');
    String scope = name.substring(0, slash);
    String bare = name.substring(slash + 1);
    int t = names.rankOf(bare);
    if (t < 0 || t >= index.targets() || bare.length() < 3) {
      return;
    }
    if (scope.equals("@types")) {
      add(name, t, "scope", "poses as the type definitions of " + q(bare)
          + ", and no such @types package is listed", 0.55, candDl, out);
    } else {
      add(name, t, "scope", "puts " + q(bare) + " under the scope " + q(scope), 0.5, candDl, out);
    }
  }

  private void add(String name, int t, String mutation, String explanation, double base,
      long candDl, List<SimilarName> out) {
    String target = names.name(t);
    long tDl = names.downloads(t);
    if (settings.legitimate(name, target)) {
      return;
    }
    double pf;
    if (candDl >= 0) {
      if (candDl >= tDl) {
        return; // the target is not more popular: not a squat
      }
      double ratio = (double) tDl / Math.max(1, candDl);
      pf = clamp((Math.log10(ratio) - 1) / 3);
      if (pf <= 0) {
        return;
      }
    } else {
      pf = 1.0;
    }
    double tf = 0.6 + 0.4 * clamp((Math.log10(Math.max(1, tDl)) - 5) / 2);
    double score = Math.round(clamp(base * pf * tf) * 1000) / 1000.0;
    int distance = Edits.distance(name.toLowerCase(Locale.ROOT), target.toLowerCase(Locale.ROOT),
        NameInput.MAX_LENGTH * 2);
    out.add(new SimilarName(name, target, mutation, explanation, distance, candDl, tDl, score));
  }

  private static double clamp(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }

  private static String q(String s) {
    return "'" + s + "'";
  }

  private static String scopeOf(String n) {
    int s = n.indexOf('/');
    return s > 0 ? n.substring(0, s) : "";
  }

  private static String trimSeparators(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && Fold.separator(s.charAt(a))) {
      a++;
    }
    while (b > a && Fold.separator(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  /** Returns where a version-like suffix starts ({@code lodash4}, {@code vue-v2}), or -1. */
  static int versionSuffix(String lower) {
    int i = lower.length();
    while (i > 0 && (Character.isDigit(lower.charAt(i - 1)) || lower.charAt(i - 1) == '.')) {
      i--;
    }
    if (i == lower.length()) {
      return -1;
    }
    if (i > 0 && lower.charAt(i - 1) == 'v') {
      if (i < 2 || !Fold.separator(lower.charAt(i - 2))) {
        return i >= 2 && Character.isDigit(lower.charAt(i)) ? i : -1;
      }
      i--;
    }
    while (i > 0 && Fold.separator(lower.charAt(i - 1))) {
      i--;
    }
    return i >= 3 ? i : -1;
  }

  /** The name's separators in order, for example "-." for {@code a-b.c}. */
  private static String sepShape(String n) {
    StringBuilder sb = new StringBuilder(4);
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String separators(String name, String target) {
    String c = sepShape(name);
    String t = sepShape(target);
    if (c.isEmpty()) {
      return "drops the separators of " + q(target);
    }
    if (t.isEmpty()) {
      return "adds " + q(c) + " to " + q(target);
    }
    return "uses " + q(c) + " where " + q(target) + " has " + q(t);
  }

  private static String nonAscii(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(cp -> cp < 0x80).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static String unicodeDetail(String name) {
    StringBuilder sb = new StringBuilder();
    name.codePoints().filter(cp -> cp >= 0x80).distinct().limit(3).forEach(cp -> {
      sb.append(sb.length() == 0 ? ": " : ", ");
      sb.append(String.format("U+%04X", cp));
      String n = Character.getName(cp);
      if (n != null) {
        sb.append(' ').append(n);
      }
      sb.append(" for ").append(q(String.valueOf((char) Fold.latin(cp))));
    });
    return sb.toString();
  }

  private static String homoglyphDetail(String c, String t) {
    // walk both plain forms unit by unit; units are rn, vv or one character
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int j = 0;
    int shown = 0;
    while (i < c.length() && j < t.length() && shown < 3) {
      int ui = unit(c, i);
      int uj = unit(t, j);
      String a = c.substring(i, i + ui);
      String b = t.substring(j, j + uj);
      if (!a.equals(b)) {
        sb.append(shown == 0 ? ": writes " : ", ").append(q(a)).append(" for ").append(q(b));
        shown++;
      }
      i += ui;
      j += uj;
    }
    return sb.toString();
  }

  private static int unit(String s, int i) {
    if (i + 1 < s.length()) {
      char a = s.charAt(i);
      char b = s.charAt(i + 1);
      if ((a == 'r' && b == 'n') || (a == 'v' && b == 'v')) {
        return 2;
      }
    }
    return 1;
  }
}
