package dev.tollgate.spi.similarity;

/**
 * Edit distances and a plain-words description of a single edit, with keyboard adjacency
 * (QWERTY) for substitutions.
 *
 * <p>Immutable and thread-safe.
 */
final class Edits {

  private Edits() {
  }

  private static final String[] ROWS = {"1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
  private static final int[][] POS = new int[128][];

  static {
    for (int r = 0; r < ROWS.length; r++) {
      for (int c = 0; c < ROWS[r].length(); c++) {
        POS[ROWS[r].charAt(c)] = new int[] {r, c};
      }
    }
  }

  /**
   * Tells whether two keys are neighbours on a QWERTY keyboard (same row next to each other, or
   * adjacent rows within one column either way).
   *
   * @param a one character
   * @param b another
   * @return true when adjacent
   */
  static boolean adjacent(char a, char b) {
    if (a >= 128 || b >= 128 || POS[a] == null || POS[b] == null || a == b) {
      return false;
    }
    int[] p = POS[a];
    int[] q = POS[b];
    int dr = Math.abs(p[0] - q[0]);
    int dc = q[1] - p[1];
    if (dr == 0) {
      return Math.abs(dc) == 1;
    }
    // rows are staggered: the key below-left and below-right are both neighbours
    return dr == 1 && (dc == 0 || dc == (q[0] > p[0] ? -1 : 1));
  }

  /**
   * Restricted Damerau-Levenshtein distance (optimal string alignment), stopping early when the
   * distance must exceed {@code max}.
   *
   * @param a one string
   * @param b another
   * @param max the largest distance of interest
   * @return the distance, or {@code max + 1} when larger than {@code max}
   */
  static int distance(CharSequence a, CharSequence b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    int[] pp = new int[m + 1];
    int[] p = new int[m + 1];
    int[] c = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      p[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      c[0] = i;
      int rowMin = i;
      char ai = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char bj = b.charAt(j - 1);
        int v = Math.min(Math.min(p[j] + 1, c[j - 1] + 1), p[j - 1] + (ai == bj ? 0 : 1));
        if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
          v = Math.min(v, pp[j - 2] + 1);
        }
        c[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = pp;
      pp = p;
      p = c;
      c = t;
    }
    return Math.min(p[m], max + 1);
  }

  /** A single edit turning a target into a candidate. */
  record Edit(String kind, String explanation) {
  }

  /**
   * Describes the one edit that turns {@code target} into {@code candidate}, or returns null when
   * they are not one edit apart.
   *
   * @param candidate the checked form
   * @param target the popular form
   * @return the edit, or null
   */
  static Edit describe(String candidate, String target) {
    int n = candidate.length();
    int m = target.length();
    int i = 0;
    while (i < n && i < m && candidate.charAt(i) == target.charAt(i)) {
      i++;
    }
    if (n == m - 1) {
      if (candidate.regionMatches(i, target, i + 1, m - i - 1)) {
        char x = target.charAt(i);
        boolean doubled = (i > 0 && target.charAt(i - 1) == x) || (i + 1 < m && target.charAt(i + 1) == x);
        return new Edit("omission", "omits " + (doubled ? "a doubled " : "") + q(x));
      }
      return null;
    }
    if (n == m + 1) {
      if (candidate.regionMatches(i + 1, target, i, m - i)) {
        char x = candidate.charAt(i);
        if ((i > 0 && candidate.charAt(i - 1) == x) || (i + 1 < n && candidate.charAt(i + 1) == x)) {
          return new Edit("repetition", "repeats " + q(x));
        }
        char before = i > 0 ? candidate.charAt(i - 1) : 0;
        char after = i + 1 < n ? candidate.charAt(i + 1) : 0;
        boolean near = adjacent(x, before) || adjacent(x, after);
        return new Edit("insertion", "adds " + q(x) + (near ? " (a neighbouring key)" : ""));
      }
      return null;
    }
    if (n == m && i < n) {
      char c = candidate.charAt(i);
      char t = target.charAt(i);
      if (i + 1 < n && candidate.charAt(i + 1) == t && target.charAt(i + 1) == c
          && candidate.regionMatches(i + 2, target, i + 2, n - i - 2)) {
        return new Edit("transposition", "swaps " + q(t) + " and " + q(c));
      }
      if (candidate.regionMatches(i + 1, target, i + 1, n - i - 1)) {
        if (homoglyph(c, t)) {
          return new Edit("homoglyph", "writes " + q(c) + " for the look-alike " + q(t));
        }
        if (adjacent(c, t)) {
          return new Edit("substitution", "types " + q(c) + " for " + q(t)
              + " (neighbouring keys)");
        }
        return new Edit("substitution", "replaces " + q(t) + " with " + q(c));
      }
    }
    return null;
  }

  private static boolean homoglyph(char a, char b) {
    String s = "" + a + b;
    return "1l l1 1i i1 il li 0o o0".contains(s) && s.length() == 2;
  }

  static String q(char c) {
    return "'" + c + "'";
  }
}
