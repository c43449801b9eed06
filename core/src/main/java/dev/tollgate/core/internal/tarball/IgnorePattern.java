package dev.tollgate.core.internal.tarball;

import dev.tollgate.api.LimitExceededException;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an ignore file (or a synthetic rule) compiled the way npm's ignore walker compiles it:
 * minimatch with {@code matchBase}, {@code dot}, {@code nocase} and {@code flipNegate}.
 *
 * <p>Supported: leading {@code !} negation (each {@code !} flips), brace expansion ({@code {a,b}},
 * nesting, {@code {1..3}}, {@code {a..c}}; at most {@link #MAX_EXPANSIONS} results), {@code **}
 * as a whole path segment, {@code *}, {@code ?}, character classes ({@code [a-z]}, {@code [!x]},
 * {@code [^x]}, POSIX {@code [:alpha:]}), backslash escapes, a leading {@code /} anchoring the
 * pattern, a trailing {@code /} that only matches folders, and match-base for patterns without a
 * slash. Not supported: extglobs such as {@code +(a|b)}; their characters are read as ordinary
 * glob characters.
 *
 * <p>Matching is linear-time per segment (no backtracking explosions) and {@code **} is matched
 * by dynamic programming over segments, so hostile patterns cannot hang the caller. Pattern and
 * path length are bounded by the caller through {@link #compile}.
 *
 * <p>Immutable and thread-safe.
 */
public final class IgnorePattern {

  /** Most brace expansions a pattern may produce; more are dropped (as minimatch caps them). */
  public static final int MAX_EXPANSIONS = 1024;

  private static final Object GLOBSTAR = new Object();

  private final String source;
  private final boolean negate;
  private final boolean comment;
  private final boolean empty;
  /** Each alternative: segments as String (literal), Glob, or GLOBSTAR. */
  private final List<Object[]> set;
  private final boolean relative;

  private IgnorePattern(String source, boolean negate, boolean comment, boolean empty,
      List<Object[]> set, boolean relative) {
    this.source = source;
    this.negate = negate;
    this.comment = comment;
    this.empty = empty;
    this.set = set;
    this.relative = relative;
  }

  /**
   * Compiles a pattern.
   *
   * @param origin the file the pattern comes from, for messages
   * @param pattern the pattern, already trimmed
   * @param maxLength the longest pattern accepted
   * @return the compiled pattern
   * @throws LimitExceededException if the pattern is longer than {@code maxLength}
   */
  public static IgnorePattern compile(String origin, String pattern, int maxLength) {
    if (pattern.length() > maxLength) {
      throw new LimitExceededException(origin, "maxPathLength", maxLength, pattern.length());
    }
    if (pattern.startsWith("#")) {
      return new IgnorePattern(pattern, false, true, false, List.of(), false);
    }
    if (pattern.isEmpty()) {
      return new IgnorePattern(pattern, false, false, true, List.of(), false);
    }
    boolean negate = false;
    int off = 0;
    while (off < pattern.length() && pattern.charAt(off) == '!') {
      negate = !negate;
      off++;
    }
    String body = pattern.substring(off);
    List<String> expanded = Braces.expand(body, MAX_EXPANSIONS, maxLength * 16L);
    List<Object[]> set = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    boolean relative = false;
    for (String alt : expanded) {
      if (!seen.add(alt)) {
        continue;
      }
      List<String> parts = levelOne(slashSplit(alt));
      int n = parts.size();
      if (n <= (parts.get(n - 1).isEmpty() ? 2 : 1)) {
        relative = true;
      }
      Object[] segs = new Object[n];
      for (int i = 0; i < n; i++) {
        String p = parts.get(i);
        segs[i] = p.equals("**") ? GLOBSTAR : Glob.parse(p);
      }
      set.add(segs);
    }
    return new IgnorePattern(pattern, negate, false, false, List.copyOf(set), relative);
  }

  /**
   * Returns the number of alternatives after brace expansion (a measure of matching cost).
   *
   * @return the count, at least 0
   */
  public int alternatives() {
    return set.size();
  }

  /**
   * Tells whether the pattern was negated ({@code !…}): a match then means "include".
   *
   * @return true if negated
   */
  public boolean negate() {
    return negate;
  }

  /**
   * Tells whether some alternative has a single part, or a single part and a trailing slash (the
   * ignore walker's "relative rule", also checked against a path's base name).
   *
   * @return true for such rules
   */
  public boolean relative() {
    return relative;
  }

  /**
   * Tells whether a path matches (ignoring negation: a negated pattern reports its positive match).
   *
   * @param path the path, {@code /}-separated; a leading {@code /} and trailing {@code /} count
   * @param partial whether it is enough that the path is a prefix of something that could match
   * @return true on a match
   */
  public boolean match(String path, boolean partial) {
    if (comment) {
      return false;
    }
    if (empty) {
      return path.isEmpty();
    }
    if (path.equals("/") && partial) {
      return true;
    }
    String[] ff = slashSplit(path).toArray(new String[0]);
    String filename = ff[ff.length - 1];
    for (int i = ff.length - 2; filename.isEmpty() && i >= 0; i--) {
      filename = ff[i];
    }
    for (Object[] pattern : set) {
      String[] file = pattern.length == 1 ? new String[] {filename} : ff;
      if (matchOne(file, pattern, partial)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return source;
  }

  // ---- path splitting and minimatch's level-one optimisation ----

  static List<String> slashSplit(String p) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (true) {
      int j = p.indexOf('/', start);
      if (j < 0) {
        out.add(p.substring(start));
        return out;
      }
      out.add(p.substring(start, j));
      while (j < p.length() && p.charAt(j) == '/') {
        j++;
      }
      start = j;
    }
  }

  private static List<String> levelOne(List<String> parts) {
    List<String> set = new ArrayList<>();
    for (String part : parts) {
      String prev = set.isEmpty() ? null : set.get(set.size() - 1);
      if (part.equals("**") && "**".equals(prev)) {
        continue;
      }
      if (part.equals("..") && prev != null && !prev.equals("..") && !prev.equals(".")
          && !prev.equals("**")) {
        set.remove(set.size() - 1);
        continue;
      }
      set.add(part);
    }
    if (set.isEmpty()) {
      set.add("");
    }
    return set;
  }

  // ---- matching ----

  private static boolean part(Object p, String f) {
    if (p instanceof Glob g) {
      return g.matches(f);
    }
    return false;
  }

  private static boolean hasGlobstar(Object[] pattern) {
    for (Object o : pattern) {
      if (o == GLOBSTAR) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchOne(String[] file, Object[] pattern, boolean partial) {
    if (!hasGlobstar(pattern)) {
      return matchPlain(file, 0, file.length, pattern, 0, pattern.length, partial);
    }
    if (partial) {
      int firstgs = 0;
      while (pattern[firstgs] != GLOBSTAR) {
        firstgs++;
      }
      int n = Math.min(file.length, firstgs);
      return matchPlain(file, 0, n, pattern, 0, firstgs, true);
    }
    if (globstar(file, file.length, pattern)) {
      return true;
    }
    // a trailing '' may be left over (a/** vs a/b/ and a/**/* vs a/b/)
    return file.length > 0 && file[file.length - 1].isEmpty()
        && globstarNoEmptyTail(file, pattern);
  }

  private static boolean globstarNoEmptyTail(String[] file, Object[] pattern) {
    return globstar(file, file.length - 1, pattern);
  }

  /** minimatch's #matchOne without globstars, on file[fi..fl) and pattern[pi..pl). */
  private static boolean matchPlain(String[] file, int fi, int fl, Object[] pattern, int pi, int pl,
      boolean partial) {
    for (; fi < fl && pi < pl; fi++, pi++) {
      if (!part(pattern[pi], file[fi])) {
        return false;
      }
    }
    if (fi == fl && pi == pl) {
      return true;
    } else if (fi == fl) {
      return partial;
    } else {
      return fi == fl - 1 && file[fi].isEmpty();
    }
  }

  /**
   * Whether file[0..fl) matches the pattern with globstars, where each {@code **} takes zero or
   * more segments other than {@code .} and {@code ..}, and a pattern ending in {@code **} needs
   * that last globstar to take at least one segment. Dynamic programming: O(pattern × file).
   */
  private static boolean globstar(String[] file, int fl, Object[] pattern) {
    int pl = pattern.length;
    boolean endsWithGs = pattern[pl - 1] == GLOBSTAR;
    // ok[i][j]: pattern[i..] matches file[j..fl)
    boolean[] next = new boolean[fl + 1];
    boolean[] cur = new boolean[fl + 1];
    next[fl] = true;
    for (int i = pl - 1; i >= 0; i--) {
      Object p = pattern[i];
      if (p == GLOBSTAR) {
        boolean last = i == pl - 1;
        // cur[j] = next[j] (take none, unless last) || (file[j] not dot && cur[j+1])
        cur[fl] = !last && next[fl];
        for (int j = fl - 1; j >= 0; j--) {
          boolean dot = file[j].equals(".") || file[j].equals("..");
          boolean take = !dot && (last ? (j + 1 == fl || cur[j + 1]) : cur[j + 1]);
          cur[j] = (!last && next[j]) || take;
        }
      } else {
        cur[fl] = false;
        for (int j = fl - 1; j >= 0; j--) {
          cur[j] = next[j + 1] && part(p, file[j]);
        }
      }
      boolean[] t = next;
      next = cur;
      cur = t;
    }
    return next[0] && !(endsWithGs && fl == 0);
  }

  /**
   * One compiled path segment: literal characters, {@code ?}, {@code *} and classes, matched
   * case-insensitively in O(pattern × name) without recursion.
   */
  static final class Glob {
    private static final int LIT = 0;
    private static final int ANY = 1;
    private static final int STAR = 2;
    private static final int CLASS = 3;

    private final int[] kind;
    private final char[] lit;
    private final CharClass[] classes;
    private final boolean onlyStars;

    private Glob(int[] kind, char[] lit, CharClass[] classes) {
      this.kind = kind;
      this.lit = lit;
      this.classes = classes;
      boolean stars = kind.length > 0;
      for (int k : kind) {
        stars &= k == STAR;
      }
      this.onlyStars = stars;
    }

    static Glob parse(String p) {
      int n = p.length();
      int[] kind = new int[n];
      char[] lit = new char[n];
      CharClass[] classes = new CharClass[n];
      int k = 0;
      int i = 0;
      while (i < n) {
        char c = p.charAt(i);
        if (c == '\\' && i + 1 < n) {
          kind[k] = LIT;
          lit[k++] = p.charAt(i + 1);
          i += 2;
        } else if (c == '*') {
          if (k == 0 || kind[k - 1] != STAR) {
            kind[k++] = STAR;
          }
          i++;
        } else if (c == '?') {
          kind[k++] = ANY;
          i++;
        } else if (c == '[') {
          int[] end = new int[1];
          CharClass cc = CharClass.parse(p, i, end);
          if (cc == null) {
            kind[k] = LIT;
            lit[k++] = '[';
            i++;
          } else {
            kind[k] = CLASS;
            classes[k++] = cc;
            i = end[0];
          }
        } else {
          kind[k] = LIT;
          lit[k++] = c;
          i++;
        }
      }
      return new Glob(java.util.Arrays.copyOf(kind, k), java.util.Arrays.copyOf(lit, k),
          java.util.Arrays.copyOf(classes, k));
    }

    boolean matches(String f) {
      if (f.isEmpty()) {
        return kind.length == 0;
      }
      if (onlyStars) {
        return !f.equals(".") && !f.equals("..");
      }
      // classic wildcard matching with a single backtrack point: linear in practice, at most
      // O(pattern × name)
      int pi = 0;
      int fi = 0;
      int starP = -1;
      int starF = 0;
      int n = kind.length;
      int m = f.length();
      while (fi < m) {
        if (pi < n && kind[pi] != STAR && one(pi, f.charAt(fi))) {
          pi++;
          fi++;
        } else if (pi < n && kind[pi] == STAR) {
          starP = pi++;
          starF = fi;
        } else if (starP >= 0) {
          pi = starP + 1;
          fi = ++starF;
        } else {
          return false;
        }
      }
      while (pi < n && kind[pi] == STAR) {
        pi++;
      }
      if (pi != n) {
        return false;
      }
      // with dot: true, a pattern that starts with a wildcard never matches . or ..
      return !(f.equals(".") || f.equals("..")) || kind[0] == LIT;
    }

    private boolean one(int pi, char c) {
      switch (kind[pi]) {
        case ANY:
          return true;
        case CLASS:
          return classes[pi].matches(c);
        default:
          return sameIgnoringCase(lit[pi], c);
      }
    }
  }

  static boolean sameIgnoringCase(char a, char b) {
    return a == b || Character.toUpperCase(a) == Character.toUpperCase(b)
        || Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  /** A bracket expression. */
  static final class CharClass {
    private final boolean negated;
    private final StringBuilder singles = new StringBuilder();
    private final StringBuilder ranges = new StringBuilder();
    private final List<String> posix = new ArrayList<>();

    private CharClass(boolean negated) {
      this.negated = negated;
    }

    /** Parses {@code [..]} at {@code start}; null when it is not closed. */
    static CharClass parse(String p, int start, int[] end) {
      int i = start + 1;
      int n = p.length();
      boolean neg = false;
      if (i < n && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
        neg = true;
        i++;
      }
      CharClass cc = new CharClass(neg);
      boolean first = true;
      while (i < n) {
        char c = p.charAt(i);
        if (c == ']' && !first) {
          end[0] = i + 1;
          return cc;
        }
        first = false;
        if (c == '[' && i + 1 < n && p.charAt(i + 1) == ':') {
          int close = p.indexOf(":]", i + 2);
          if (close > 0) {
            cc.posix.add(p.substring(i + 2, close));
            i = close + 2;
            continue;
          }
        }
        if (c == '\\' && i + 1 < n) {
          c = p.charAt(++i);
        }
        if (i + 2 < n && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
          char hi = p.charAt(i + 2);
          if (hi == '\\' && i + 3 < n) {
            hi = p.charAt(i + 3);
            i++;
          }
          cc.ranges.append(c).append(hi);
          i += 3;
        } else {
          cc.singles.append(c);
          i++;
        }
      }
      return null;
    }

    boolean matches(char c) {
      boolean hit = test(c) || test(Character.toUpperCase(c)) || test(Character.toLowerCase(c));
      return hit != negated;
    }

    private boolean test(char c) {
      for (int i = 0; i < singles.length(); i++) {
        if (singles.charAt(i) == c) {
          return true;
        }
      }
      for (int i = 0; i + 1 < ranges.length(); i += 2) {
        if (c >= ranges.charAt(i) && c <= ranges.charAt(i + 1)) {
          return true;
        }
      }
      for (String name : posix) {
        boolean hit = switch (name) {
          case "alnum" -> Character.isLetterOrDigit(c);
          case "alpha" -> Character.isLetter(c);
          case "ascii" -> c < 128;
          case "blank" -> c == ' ' || c == '\t';
          case "cntrl" -> Character.isISOControl(c);
          case "digit" -> c >= '0' && c <= '9';
          case "graph" -> c > ' ' && c != 127 && !Character.isWhitespace(c);
          case "lower" -> Character.isLowerCase(c);
          case "print" -> c >= ' ' && c != 127;
          case "punct" -> c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
          case "space" -> Character.isWhitespace(c);
          case "upper" -> Character.isUpperCase(c);
          case "word" -> Character.isLetterOrDigit(c) || c == '_';
          case "xdigit" -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F');
          default -> false;
        };
        if (hit) {
          return true;
        }
      }
      return false;
    }
  }

  /** Bash-style brace expansion, bounded in count and total length. */
  static final class Braces {
    private Braces() {
    }

    static List<String> expand(String s, int max, long maxChars) {
      if (!hasBraceSet(s)) {
        return List.of(s);
      }
      String str = s.startsWith("{}") ? "\\{\\}" + s.substring(2) : s;
      List<String> out = new ArrayList<>();
      long[] chars = {0};
      // iterative worklist: each item still to expand
      List<String> work = new ArrayList<>();
      work.add(str);
      int steps = 0;
      while (!work.isEmpty() && out.size() < max) {
        if (++steps > max * 4) {
          break;
        }
        String cur = work.remove(work.size() - 1);
        int[] m = balanced(cur);
        if (m == null) {
          add(out, cur, chars, maxChars);
          continue;
        }
        String pre = cur.substring(0, m[0]);
        String body = cur.substring(m[0] + 1, m[1]);
        String post = cur.substring(m[1] + 1);
        List<String> values;
        if (pre.endsWith("$")) {
          values = null;
        } else {
          values = sequence(body, max);
          if (values == null) {
            List<String> parts = commaParts(body);
            values = parts.size() > 1 ? parts : null;
          }
        }
        List<String> next = new ArrayList<>();
        if (values == null) {
          // not expandable: keep literally, protect these braces
          next.add(pre + "\\{" + body + "\\}" + post);
        } else {
          for (String v : values) {
            next.add(pre + v + post);
          }
        }
        for (int i = next.size() - 1; i >= 0; i--) {
          if ((long) next.get(i).length() > maxChars) {
            continue;
          }
          work.add(next.get(i));
        }
      }
      List<String> result = new ArrayList<>(out.size());
      for (String o : out) {
        result.add(unescapeBraces(o));
      }
      if (result.isEmpty()) {
        result.add(s);
      }
      return result;
    }

    private static void add(List<String> out, String v, long[] chars, long maxChars) {
      if (chars[0] + v.length() > maxChars || v.isEmpty()) {
        return;
      }
      chars[0] += v.length();
      out.add(v);
    }

    private static String unescapeBraces(String s) {
      return s.replace("\\{", "{").replace("\\}", "}");
    }

    static boolean hasBraceSet(String s) {
      int open = -1;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '{') {
          open = i;
        } else if (c == '}' && open >= 0) {
          return true;
        }
      }
      return false;
    }

    /** The first unescaped '{' with its matching '}', or null. */
    private static int[] balanced(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\') {
          i++;
          continue;
        }
        if (c == '{') {
          int depth = 0;
          for (int j = i; j < s.length(); j++) {
            char d = s.charAt(j);
            if (d == '\\') {
              j++;
            } else if (d == '{') {
              depth++;
            } else if (d == '}') {
              depth--;
              if (depth == 0) {
                return new int[] {i, j};
              }
            }
          }
        }
      }
      return null;
    }

    private static List<String> commaParts(String body) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      int start = 0;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        } else if (c == ',' && depth == 0) {
          parts.add(body.substring(start, i));
          start = i + 1;
        }
      }
      parts.add(body.substring(start));
      return parts;
    }

    private static List<String> sequence(String body, int max) {
      String[] n = body.split("\\.\\.", -1);
      if (n.length != 2 && n.length != 3) {
        return null;
      }
      boolean numeric = isInt(n[0]) && isInt(n[1]);
      boolean alpha = n[0].length() == 1 && n[1].length() == 1
          && Character.isLetter(n[0].charAt(0)) && Character.isLetter(n[1].charAt(0))
          && n[0].charAt(0) < 128 && n[1].charAt(0) < 128;
      if (!(numeric || alpha) || (n.length == 3 && !isInt(n[2]))) {
        return null;
      }
      long x = numeric ? Long.parseLong(n[0]) : n[0].charAt(0);
      long y = numeric ? Long.parseLong(n[1]) : n[1].charAt(0);
      long incr = n.length == 3 ? Math.max(Math.abs(Long.parseLong(n[2])), 1) : 1;
      int width = Math.max(n[0].length(), n[1].length());
      boolean pad = numeric && (padded(n[0]) || padded(n[1]));
      List<String> out = new ArrayList<>();
      if (y < x) {
        incr = -incr;
      }
      for (long i = x; (incr > 0 ? i <= y : i >= y) && out.size() < max; i += incr) {
        String c;
        if (alpha) {
          c = i == '\\' ? "" : String.valueOf((char) i);
        } else {
          c = Long.toString(i);
          if (pad && c.length() < width) {
            String z = "0".repeat(width - c.length());
            c = i < 0 ? "-" + z + c.substring(1) : z + c;
          }
        }
        out.add(c);
      }
      return out;
    }

    private static boolean padded(String s) {
      return s.matches("-?0\\d.*");
    }

    private static boolean isInt(String s) {
      if (s.isEmpty() || s.length() > 15) {
        return false;
      }
      int i = s.charAt(0) == '-' ? 1 : 0;
      if (i == s.length()) {
        return false;
      }
      for (; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }
  }
}
