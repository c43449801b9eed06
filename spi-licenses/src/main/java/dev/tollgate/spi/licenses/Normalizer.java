package dev.tollgate.spi.licenses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a license text into comparable words following the essentials of the SPDX matching
 * guidelines: case-insensitive; punctuation and whitespace ignored; bullets and list numbering at
 * line starts ignored; copyright lines and {@code <placeholder>} parts ignored; varietal spellings
 * ("licence", "per cent") unified. Thread-safe (stateless).
 */
final class Normalizer {
  private Normalizer() {
  }

  /** The words of a text, with their character offsets in the original. */
  record Words(String[] words, int[] start, int[] end) {
    int size() {
      return words.length;
    }
  }

  private static final Pattern BULLET = Pattern.compile(
      "^[\\s>#*\\-•·–—=_|]*(?:(?:\\(?(?:[0-9]{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.):]"
          + "(?:[0-9]{1,3}[.)]?)*)[\\s]+)?");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private static final Map<String, String> VARIETAL = Map.ofEntries(
      Map.entry("licence", "license"), Map.entry("licences", "licenses"),
      Map.entry("licenced", "licensed"), Map.entry("licencing", "licensing"),
      Map.entry("licensor", "licensor"), Map.entry("licencor", "licensor"),
      Map.entry("https", "http"), Map.entry("organisation", "organization"),
      Map.entry("authorised", "authorized"), Map.entry("recognised", "recognized"),
      Map.entry("behaviour", "behavior"), Map.entry("centre", "center"),
      Map.entry("favour", "favor"), Map.entry("percent", "percent"),
      Map.entry("analogue", "analog"), Map.entry("artefact", "artifact"),
      Map.entry("utilisation", "utilization"), Map.entry("whilst", "while"),
      Map.entry("wilful", "willful"), Map.entry("noncommercial", "noncommercial"),
      Map.entry("judgement", "judgment"), Map.entry("offence", "offense"),
      Map.entry("acknowledgement", "acknowledgment"), Map.entry("modelling", "modeling"),
      Map.entry("programme", "program"), Map.entry("copyright", "copyright"));

  /** Normalises a text. {@code maxWords} bounds the work on hostile input. */
  static Words words(CharSequence text, int maxWords) {
    List<String> words = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    int len = text.length();
    int lineStart = 0;
    while (lineStart <= len && words.size() < maxWords) {
      int lineEnd = lineStart;
      while (lineEnd < len && text.charAt(lineEnd) != '\n') {
        lineEnd++;
      }
      line(text, lineStart, lineEnd, words, spans, maxWords);
      lineStart = lineEnd + 1;
    }
    int n = words.size();
    int[] s = new int[n];
    int[] e = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = spans.get(i)[0];
      e[i] = spans.get(i)[1];
    }
    return new Words(words.toArray(new String[0]), s, e);
  }

  private static boolean isCopyright(String lower) {
    return lower.startsWith("copyright") || lower.startsWith("(c)") || lower.startsWith("©")
        || lower.startsWith("portions copyright") || lower.startsWith("all rights reserved");
  }

  private static void line(CharSequence text, int from, int to, List<String> words,
      List<int[]> spans, int maxWords) {
    String line = text.subSequence(from, to).toString();
    if (isCopyright(line.strip().toLowerCase(Locale.ROOT))) {
      return;
    }
    Matcher b = BULLET.matcher(line);
    int skip = b.lookingAt() ? b.end() : 0;
    String rest = line.substring(skip);
    String lower = rest.toLowerCase(Locale.ROOT);
    if (isCopyright(lower)) {
      return;
    }
    // Blank out <placeholder> parts (template variables, bracketed URLs) on this line.
    char[] chars = rest.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == '<') {
        int j = i + 1;
        while (j < chars.length && j - i <= 80 && chars[j] != '>' && chars[j] != '<') {
          j++;
        }
        if (j < chars.length && chars[j] == '>') {
          for (int k = i; k <= j; k++) {
            chars[k] = ' ';
          }
          i = j;
        }
      }
    }
    Matcher m = WORD.matcher(new String(chars));
    while (m.find() && words.size() < maxWords) {
      String w = m.group().toLowerCase(Locale.ROOT);
      words.add(VARIETAL.getOrDefault(w, w));
      spans.add(new int[] {from + skip + m.start(), from + skip + m.end()});
    }
  }
}
