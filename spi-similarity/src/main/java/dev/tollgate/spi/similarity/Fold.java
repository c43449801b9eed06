package dev.tollgate.spi.similarity;

import java.text.Normalizer;

/**
 * Folds a name to its look-alike skeleton: lower case, homoglyphs to one representative
 * ({@code 1 i l -> l}, {@code 0 o -> o}, {@code rn -> m}, {@code vv -> w}, Cyrillic, Greek and
 * full-width confusables to Latin), separators ({@code - _ .}) and the scope's {@code @ /} dropped.
 * Names that look alike fold to the same skeleton.
 *
 * <p>Immutable and thread-safe.
 */
final class Fold {

  private Fold() {
  }

  /** Unicode confusables folded to ASCII, as pairs: confusable, Latin letter. */
  private static final String CONFUSABLES =
      // Cyrillic
      "\u0430a\u0435e\u043eo\u0440p\u0441c\u0443y\u0445x\u0456i\u0458j\u0455s\u0501d\u051bq"
      + "\u051dw\u043ak\u043cm\u0442t\u043dh\u0432b\u0491r\u04bbh\u0261g"
      // Greek
      + "\u03b1a\u03bfo\u03bdv\u03c1p\u03c4t\u03b9i\u03bak\u03c5u\u03b5e\u03c7x\u03b3y"
      // dotless i, long s, Latin small capital letters often abused
      + "\u0131i\u017fs\u0269i\u0251a\u0250a";

  /**
   * Maps one code point to its Latin look-alike, or returns it unchanged.
   *
   * @param cp the code point
   * @return the folded ASCII letter or the code point
   */
  static int latin(int cp) {
    if (cp < 0x80) {
      return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) { // full-width ASCII
      return latin(cp - 0xFEE0);
    }
    int lower = Character.toLowerCase(cp);
    int i = CONFUSABLES.indexOf(lower);
    if (i >= 0 && (i & 1) == 0) {
      return CONFUSABLES.charAt(i + 1);
    }
    if (Character.isBmpCodePoint(lower)) {
      String d = Normalizer.normalize(String.valueOf((char) lower), Normalizer.Form.NFKD);
      if (!d.isEmpty() && d.charAt(0) < 0x80) {
        return latin(d.charAt(0)); // accented Latin letters: e with acute -> e
      }
    }
    return lower;
  }

  /**
   * Tells whether a character is a separator that folding drops.
   *
   * @param c the character
   * @return true for {@code - _ . @ /} and space
   */
  static boolean separator(int c) {
    return c == '-' || c == '_' || c == '.' || c == '@' || c == '/' || c == ' ';
  }

  /**
   * Folds a name without homoglyph folding: lower case, Unicode confusables to Latin, separators
   * dropped. Two names with the same plain form differ only in separators, scope punctuation,
   * case or Unicode look-alikes.
   *
   * @param name the name
   * @return the plain form
   */
  static String plain(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      int l = latin(cp);
      if (!separator(l)) {
        sb.appendCodePoint(l);
      }
    }
    return sb.toString();
  }

  /**
   * Folds a name to its skeleton: {@link #plain} plus ASCII homoglyphs.
   *
   * @param name the name
   * @return the skeleton
   */
  static String skeleton(String name) {
    return homoglyphs(plain(name));
  }

  /**
   * Folds ASCII homoglyphs of a plain form.
   *
   * @param p the plain form
   * @return the skeleton
   */
  static String homoglyphs(String p) {
    return homoglyphs(p, true);
  }

  /**
   * Folds the single-character ASCII homoglyphs of a plain form but keeps {@code rn} and
   * {@code vv}: a typo that makes or breaks an {@code rn} ({@code strngify}) stays one edit away.
   *
   * @param p the plain form
   * @return the light skeleton
   */
  static String light(String p) {
    return homoglyphs(p, false);
  }

  private static String homoglyphs(String p, boolean pairs) {
    StringBuilder sb = new StringBuilder(p.length());
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      char n = i + 1 < p.length() ? p.charAt(i + 1) : 0;
      if (pairs && c == 'r' && n == 'n') {
        sb.append('m');
        i++;
      } else if (pairs && c == 'v' && n == 'v') {
        sb.append('w');
        i++;
      } else if (c == '1' || c == 'i' || c == '|') {
        sb.append('l');
      } else if (c == '0') {
        sb.append('o');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
