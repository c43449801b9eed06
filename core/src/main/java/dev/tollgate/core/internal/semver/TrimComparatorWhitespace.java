package dev.tollgate.core.internal.semver;

/**
 * A port of node-semver 7.8.6's {@code internal/trim-comparator-whitespace.js}: joins an operator
 * to its version ({@code > 1.2.3} becomes {@code >1.2.3}) with the replacement boundaries of the
 * former {@code COMPARATORTRIM} expression.
 *
 * <p>Stateless and thread-safe.
 */
public final class TrimComparatorWhitespace {

  private static final int MAX_LENGTH = 256;
  private static final int MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;

  private TrimComparatorWhitespace() {}

  private static final class DigitRuns {
    int start = -1;
    int end = -1;
    int previousStart = -1;
    int previousEnd = -1;
  }

  private static boolean has(String s, int i) {
    return i >= 0 && i < s.length();
  }

  private static boolean isWhitespace(String s, int i) {
    return has(s, i) && Js.isWs(s.charAt(i));
  }

  private static boolean isVersionPrefix(String s, int i) {
    return has(s, i) && (s.charAt(i) == 'v' || s.charAt(i) == '=' || Js.isWs(s.charAt(i)));
  }

  private static boolean isDigit(String s, int i) {
    return has(s, i) && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private static boolean isLetter(String s, int i) {
    if (!has(s, i)) {
      return false;
    }
    char c = s.charAt(i);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isIdentifierCharacter(String s, int i) {
    return isDigit(s, i) || isLetter(s, i) || (has(s, i) && s.charAt(i) == '-');
  }

  private static boolean isVersionStart(String s, int i) {
    if (!has(s, i)) {
      return false;
    }
    char c = s.charAt(i);
    return (c >= '0' && c <= '9') || c == 'x' || c == 'X' || c == '*';
  }

  private static boolean is(String s, int i, char c) {
    return has(s, i) && s.charAt(i) == c;
  }

  private static int findDigitsEndIndex(String range, int start, int limit, DigitRuns runs) {
    if (!isDigit(range, start)) {
      return start;
    }
    if (start >= runs.start && start < runs.end) {
      return Math.min(start + limit, runs.end);
    }
    if (start >= runs.previousStart && start < runs.previousEnd) {
      return Math.min(start + limit, runs.previousEnd);
    }
    int end = start + 1;
    while (isDigit(range, end)) {
      end++;
    }
    runs.previousStart = runs.start;
    runs.previousEnd = runs.end;
    runs.start = start;
    runs.end = end;
    return Math.min(start + limit, end);
  }

  private static int findVersionNumberEndIndex(String range, int start, boolean loose, DigitRuns runs) {
    if (!loose && is(range, start, '0')) {
      return start + 1;
    }
    return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, runs);
  }

  private static int findPrereleaseIdentifierEndIndex(String range, int start, boolean loose,
      DigitRuns runs) {
    int digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, runs);
    if (isLetter(range, digitsEnd) || is(range, digitsEnd, '-')) {
      int end = digitsEnd + 1;
      int limit = end + MAX_SAFE_BUILD_LENGTH;
      while (end < limit && isIdentifierCharacter(range, end)) {
        end++;
      }
      return end;
    }
    return findVersionNumberEndIndex(range, start, loose, runs);
  }

  private static int findPrereleaseEndIndex(String range, int start, boolean loose, DigitRuns runs) {
    boolean hyphen = is(range, start, '-');
    if (!loose && !hyphen) {
      return start;
    }
    int identifierStart = start + (hyphen ? 1 : 0);
    int end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, runs);
    if (end == identifierStart) {
      if (!loose || !hyphen) {
        return start;
      }
      end = findPrereleaseIdentifierEndIndex(range, start, loose, runs);
    }
    while (is(range, end, '.')) {
      int next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, runs);
      if (next == end + 1) {
        break;
      }
      end = next;
    }
    return end;
  }

  private static int findBuildIdentifierEndIndex(String range, int start) {
    int end = start;
    while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range, end)) {
      end++;
    }
    return end;
  }

  private static int findBuildEndIndex(String range, int start) {
    if (!is(range, start, '+')) {
      return start;
    }
    int end = findBuildIdentifierEndIndex(range, start + 1);
    if (end == start + 1) {
      return start;
    }
    while (is(range, end, '.')) {
      int next = findBuildIdentifierEndIndex(range, end + 1);
      if (next == end + 1) {
        break;
      }
      end = next;
    }
    return end;
  }

  private static int findLooseFullVersionEndIndex(String range, int start, DigitRuns runs) {
    int end = start;
    for (int component = 0; component < 3; component++) {
      int next = findVersionNumberEndIndex(range, end, true, runs);
      if (next == end) {
        return start;
      }
      end = next;
      if (component < 2) {
        if (!is(range, end, '.')) {
          return start;
        }
        end++;
      }
    }
    int prereleaseEnd = findPrereleaseEndIndex(range, end, true, runs);
    return findBuildEndIndex(range, prereleaseEnd);
  }

  private static int findPartialVersionComponentEndIndex(String range, int start, DigitRuns runs) {
    if (isDigit(range, start)) {
      return findVersionNumberEndIndex(range, start, false, runs);
    }
    return isVersionStart(range, start) ? start + 1 : start;
  }

  private static int findPartialVersionEndIndex(String range, int start, DigitRuns runs) {
    int end = findPartialVersionComponentEndIndex(range, start, runs);
    for (int component = 0; component < 2; component++) {
      if (!is(range, end, '.')) {
        return end;
      }
      int next = findPartialVersionComponentEndIndex(range, end + 1, runs);
      if (next == end + 1) {
        return end;
      }
      end = next;
    }
    int prereleaseEnd = findPrereleaseEndIndex(range, end, false, runs);
    return findBuildEndIndex(range, prereleaseEnd);
  }

  private static int findVersionEndIndex(String range, int start, DigitRuns runs) {
    int fullVersionEnd = findLooseFullVersionEndIndex(range, start, runs);
    return fullVersionEnd != start ? fullVersionEnd : findPartialVersionEndIndex(range, start, runs);
  }

  private static int findRemovableWhitespaceIndex(String range, int matchStart) {
    int position = matchStart;
    if (isWhitespace(range, position)) {
      position++;
    }
    if (is(range, position, '<') || is(range, position, '>')) {
      position++;
    }
    if (is(range, position, '=')) {
      position++;
    }
    return isWhitespace(range, position) ? position : -1;
  }

  /**
   * Applies the transformation.
   *
   * @param range the range text
   * @return the range with matched operator white space removed
   */
  public static String apply(String range) {
    StringBuilder result = new StringBuilder(range.length());
    int copyFrom = 0;
    int cursor = 0;
    DigitRuns runs = new DigitRuns();
    int n = range.length();
    while (cursor < n) {
      int matchStart = cursor;
      if (is(range, cursor, '<') || is(range, cursor, '>')) {
        cursor++;
      } else if (!isVersionPrefix(range, cursor) && !isVersionStart(range, cursor)) {
        cursor++;
        continue;
      }
      while (cursor < n && isVersionPrefix(range, cursor)) {
        cursor++;
      }
      if (!isVersionStart(range, cursor)) {
        continue;
      }
      int ws = findRemovableWhitespaceIndex(range, matchStart);
      if (ws != -1) {
        result.append(range, copyFrom, ws);
        copyFrom = ws + 1;
      }
      cursor = findVersionEndIndex(range, cursor, runs);
    }
    return result.append(range, copyFrom, n).toString();
  }
}
