package dev.tollgate.core.internal.semver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small backtracking regular-expression engine with ECMAScript semantics for the subset of syntax
 * node-semver's expressions use: literals, {@code .}-free escapes ({@code \d \s \. \* \+ \^}),
 * character classes, capturing and non-capturing groups, alternation, greedy quantifiers
 * ({@code * + ? {m,n}}) and the anchors {@code ^ $} (whole input, not per line).
 *
 * <p>It works on UTF-16 code units like JavaScript does without the {@code u} flag, treats
 * {@code \s} as ECMAScript white space and line terminators, and keeps its backtracking stack on the
 * heap, so long inputs cannot overflow the thread stack. A step budget guards against pathological
 * inputs; exceeding it throws {@link TooComplexException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsRegex {

  /** Thrown when a match exceeds the step budget. */
  public static final class TooComplexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooComplexException() {
      super("regular expression step budget exceeded", null, false, false);
    }
  }

  private static final long STEP_BUDGET = 50_000_000L;

  private static final int CHAR = 0;
  private static final int CLASS = 1;
  private static final int SPLIT = 2;
  private static final int JMP = 3;
  private static final int SAVE = 4;
  private static final int BOL = 5;
  private static final int EOL = 6;
  private static final int MATCH = 7;

  private final String source;
  private final int[] op;
  private final int[] a;
  private final int[] b;
  private final long[][] classes;
  private final int groups;
  private final boolean anchoredStart;
  /** Code units that can start a match at a position other than 0, or null when any can. */
  private final long[] firstSet;

  private JsRegex(String source, int[] op, int[] a, int[] b, long[][] classes, int groups,
      boolean anchoredStart, long[] firstSet) {
    this.firstSet = firstSet;
    this.source = source;
    this.op = op;
    this.a = a;
    this.b = b;
    this.classes = classes;
    this.groups = groups;
    this.anchoredStart = anchoredStart;
  }

  /**
   * Compiles an expression.
   *
   * @param source the ECMAScript source
   * @return the compiled expression
   * @throws IllegalArgumentException if the syntax is outside the supported subset
   */
  public static JsRegex compile(String source) {
    Parser p = new Parser(source);
    Node n = p.parseAlt();
    if (p.pos != source.length()) {
      throw new IllegalArgumentException("unexpected ')' at " + p.pos + " in " + source);
    }
    Compiler c = new Compiler();
    c.emit(SAVE, 0, 0);
    c.gen(n);
    c.emit(SAVE, 1, 0);
    c.emit(MATCH, 0, 0);
    boolean anchored = startsAnchored(n);
    long[] first = new long[1024];
    boolean nullable = first(n, first);
    return new JsRegex(source, Arrays.copyOf(c.op, c.n), Arrays.copyOf(c.a, c.n),
        Arrays.copyOf(c.b, c.n), c.classes.toArray(new long[0][]), p.groupCount + 1, anchored,
        nullable ? null : first);
  }

  /**
   * Adds to {@code set} the code units a match of {@code n} can start with, at a position other
   * than 0 (where {@code ^} fails); returns whether {@code n} can match the empty string there.
   */
  private static boolean first(Node n, long[] set) {
    if (n instanceof Chr) {
      set(set, ((Chr) n).c);
      return false;
    }
    if (n instanceof Cls) {
      or(set, ((Cls) n).bits);
      return false;
    }
    if (n instanceof Bol) {
      return false;
    }
    if (n instanceof Eol) {
      return true;
    }
    if (n instanceof Group) {
      return first(((Group) n).body, set);
    }
    if (n instanceof Repeat) {
      Repeat r = (Repeat) n;
      boolean bodyNullable = first(r.body, set);
      return r.min == 0 || bodyNullable;
    }
    if (n instanceof Alt) {
      boolean nullable = false;
      for (Node x : ((Alt) n).alts) {
        nullable |= first(x, set);
      }
      return nullable;
    }
    for (Node x : ((Seq) n).items) {
      if (x instanceof Bol) {
        return false;
      }
      if (!first(x, set)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsAnchored(Node n) {
    if (n instanceof Bol) {
      return true;
    }
    if (n instanceof Seq) {
      List<Node> items = ((Seq) n).items;
      return !items.isEmpty() && startsAnchored(items.get(0));
    }
    if (n instanceof Alt) {
      for (Node x : ((Alt) n).alts) {
        if (!startsAnchored(x)) {
          return false;
        }
      }
      return true;
    }
    if (n instanceof Group) {
      return startsAnchored(((Group) n).body);
    }
    return false;
  }

  /** Returns the source. @return the source */
  @Override
  public String toString() {
    return source;
  }

  /**
   * Finds the first match at or after {@code from}, like {@code RegExp.prototype.exec} with
   * {@code lastIndex = from}.
   *
   * @param s the input
   * @param from the first start position to try
   * @return the match, or {@code null}
   */
  public Match find(String s, int from) {
    int n = s.length();
    int last = anchoredStart ? Math.min(from, 0) : n;
    if (anchoredStart && from > 0) {
      return null;
    }
    long[] budget = {STEP_BUDGET};
    int[][] stack = {new int[48]};
    int[] caps = new int[groups * 2];
    for (int start = from; start <= last; start++) {
      if (start > 0 && firstSet != null && (start == n || !inClass(firstSet, s.charAt(start)))) {
        continue;
      }
      if (run(s, start, budget, caps, stack)) {
        return new Match(s, caps);
      }
    }
    return null;
  }

  /**
   * Returns whether the expression matches somewhere in {@code s} ({@code String.prototype.match}
   * truthiness).
   *
   * @param s the input
   * @return whether there is a match
   */
  public boolean test(String s) {
    return find(s, 0) != null;
  }

  /**
   * Replaces the first match with the result of {@code fn}, like {@code String.prototype.replace}
   * with a non-global expression.
   *
   * @param s the input
   * @param fn the replacement function
   * @return the result
   */
  public String replaceFirst(String s, java.util.function.Function<Match, String> fn) {
    Match m = find(s, 0);
    if (m == null) {
      return s;
    }
    return s.substring(0, m.start()) + fn.apply(m) + s.substring(m.end());
  }

  /**
   * Replaces every match with the result of {@code fn}, like {@code String.prototype.replace}
   * with a global expression.
   *
   * @param s the input
   * @param fn the replacement function
   * @return the result
   */
  public String replaceAll(String s, java.util.function.Function<Match, String> fn) {
    StringBuilder out = null;
    int copied = 0;
    int pos = 0;
    while (pos <= s.length()) {
      Match m = find(s, pos);
      if (m == null) {
        break;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, m.start()).append(fn.apply(m));
      copied = m.end();
      pos = m.end() == m.start() ? m.end() + 1 : m.end();
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, s.length()).toString();
  }

  private boolean run(String s, int start, long[] budget, int[] caps, int[][] stackHolder) {
    int n = s.length();
    Arrays.fill(caps, -1);
    int[] stack = stackHolder[0];
    int sp = 0;
    int pc = 0;
    int pos = start;
    long steps = budget[0];
    while (true) {
      boolean fail = false;
      if (--steps < 0) {
        throw new TooComplexException();
      }
      switch (op[pc]) {
        case CHAR:
          if (pos < n && s.charAt(pos) == a[pc]) {
            pos++;
            pc++;
          } else {
            fail = true;
          }
          break;
        case CLASS:
          if (pos < n && inClass(classes[a[pc]], s.charAt(pos))) {
            pos++;
            pc++;
          } else {
            fail = true;
          }
          break;
        case SPLIT:
          if (sp + 3 > stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
            stackHolder[0] = stack;
          }
          stack[sp++] = 0;
          stack[sp++] = b[pc];
          stack[sp++] = pos;
          pc = a[pc];
          break;
        case JMP:
          pc = a[pc];
          break;
        case SAVE:
          if (sp + 3 > stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
            stackHolder[0] = stack;
          }
          stack[sp++] = 1;
          stack[sp++] = a[pc];
          stack[sp++] = caps[a[pc]];
          caps[a[pc]] = pos;
          pc++;
          break;
        case BOL:
          if (pos == 0) {
            pc++;
          } else {
            fail = true;
          }
          break;
        case EOL:
          if (pos == n) {
            pc++;
          } else {
            fail = true;
          }
          break;
        case MATCH:
          budget[0] = steps;
          return true;
        default:
          throw new IllegalStateException("bad op");
      }
      if (fail) {
        while (true) {
          if (sp == 0) {
            budget[0] = steps;
            return false;
          }
          int v = stack[--sp];
          int x = stack[--sp];
          int kind = stack[--sp];
          if (kind == 1) {
            caps[x] = v;
          } else {
            pc = x;
            pos = v;
            break;
          }
        }
      }
    }
  }

  private static boolean inClass(long[] bits, char c) {
    return (bits[c >>> 6] & (1L << (c & 63))) != 0;
  }

  /** One match with its capture positions. Immutable. */
  public static final class Match {
    private final String input;
    private final int[] caps;

    Match(String input, int[] caps) {
      this.input = input;
      this.caps = caps;
    }

    /** @return the start of the whole match */
    public int start() {
      return caps[0];
    }

    /** @return the end of the whole match */
    public int end() {
      return caps[1];
    }

    /**
     * Returns a group's text, or {@code null} when it did not participate (JS {@code undefined}).
     *
     * @param g the group number, 0 for the whole match
     * @return the text or null
     */
    public String group(int g) {
      int s = caps[2 * g];
      int e = caps[2 * g + 1];
      if (s < 0 || e < 0) {
        return null;
      }
      return input.substring(s, e);
    }
  }

  // ---- parsing ----

  private interface Node {}

  private static final class Seq implements Node {
    final List<Node> items = new ArrayList<>();
  }

  private static final class Alt implements Node {
    final List<Node> alts = new ArrayList<>();
  }

  private static final class Group implements Node {
    final Node body;
    final int index; // -1 for non-capturing

    Group(Node body, int index) {
      this.body = body;
      this.index = index;
    }
  }

  private static final class Repeat implements Node {
    final Node body;
    final int min;
    final int max; // -1 = unbounded

    Repeat(Node body, int min, int max) {
      this.body = body;
      this.min = min;
      this.max = max;
    }
  }

  private static final class Chr implements Node {
    final char c;

    Chr(char c) {
      this.c = c;
    }
  }

  private static final class Cls implements Node {
    final long[] bits;

    Cls(long[] bits) {
      this.bits = bits;
    }
  }

  private static final class Bol implements Node {}

  private static final class Eol implements Node {}

  private static final class Parser {
    final String src;
    int pos;
    int groupCount;

    Parser(String src) {
      this.src = src;
    }

    Node parseAlt() {
      Alt alt = new Alt();
      alt.alts.add(parseSeq());
      while (pos < src.length() && src.charAt(pos) == '|') {
        pos++;
        alt.alts.add(parseSeq());
      }
      return alt.alts.size() == 1 ? alt.alts.get(0) : alt;
    }

    Node parseSeq() {
      Seq seq = new Seq();
      while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
        Node atom = parseAtom();
        seq.items.add(parseQuant(atom));
      }
      return seq;
    }

    Node parseQuant(Node atom) {
      if (pos >= src.length()) {
        return atom;
      }
      char c = src.charAt(pos);
      if (c == '*') {
        pos++;
        return new Repeat(atom, 0, -1);
      }
      if (c == '+') {
        pos++;
        return new Repeat(atom, 1, -1);
      }
      if (c == '?') {
        pos++;
        return new Repeat(atom, 0, 1);
      }
      if (c == '{') {
        int close = src.indexOf('}', pos);
        String body = src.substring(pos + 1, close);
        pos = close + 1;
        int comma = body.indexOf(',');
        if (comma < 0) {
          int k = Integer.parseInt(body);
          return new Repeat(atom, k, k);
        }
        int min = Integer.parseInt(body.substring(0, comma));
        String mx = body.substring(comma + 1);
        return new Repeat(atom, min, mx.isEmpty() ? -1 : Integer.parseInt(mx));
      }
      return atom;
    }

    Node parseAtom() {
      char c = src.charAt(pos);
      switch (c) {
        case '(': {
          pos++;
          int idx = -1;
          if (src.startsWith("?:", pos)) {
            pos += 2;
          } else {
            idx = ++groupCount;
          }
          Node body = parseAlt();
          if (pos >= src.length() || src.charAt(pos) != ')') {
            throw new IllegalArgumentException("missing ) in " + src);
          }
          pos++;
          return new Group(body, idx);
        }
        case '[':
          return parseClass();
        case '^':
          pos++;
          return new Bol();
        case '$':
          pos++;
          return new Eol();
        case '\\': {
          pos++;
          char e = src.charAt(pos++);
          if (e == 'd') {
            return new Cls(digits());
          }
          if (e == 's') {
            return new Cls(space());
          }
          return new Chr(e);
        }
        default:
          pos++;
          return new Chr(c);
      }
    }

    Node parseClass() {
      pos++;
      boolean negate = false;
      if (src.charAt(pos) == '^') {
        negate = true;
        pos++;
      }
      long[] bits = new long[1024];
      while (src.charAt(pos) != ']') {
        char c = src.charAt(pos++);
        if (c == '\\') {
          char e = src.charAt(pos++);
          if (e == 'd') {
            or(bits, digits());
          } else if (e == 's') {
            or(bits, space());
          } else {
            set(bits, e);
          }
          continue;
        }
        if (src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
          char hi = src.charAt(pos + 1);
          pos += 2;
          for (char x = c; x <= hi; x++) {
            set(bits, x);
          }
        } else {
          set(bits, c);
        }
      }
      pos++;
      if (negate) {
        for (int i = 0; i < bits.length; i++) {
          bits[i] = ~bits[i];
        }
      }
      return new Cls(bits);
    }
  }

  private static void set(long[] bits, char c) {
    bits[c >>> 6] |= 1L << (c & 63);
  }

  private static void or(long[] bits, long[] other) {
    for (int i = 0; i < bits.length; i++) {
      bits[i] |= other[i];
    }
  }

  private static long[] digits() {
    long[] bits = new long[1024];
    for (char c = '0'; c <= '9'; c++) {
      set(bits, c);
    }
    return bits;
  }

  private static long[] space() {
    long[] bits = new long[1024];
    for (char c : Js.WHITESPACE) {
      set(bits, c);
    }
    return bits;
  }

  private static final class Compiler {
    int[] op = new int[256];
    int[] a = new int[256];
    int[] b = new int[256];
    int n;
    final List<long[]> classes = new ArrayList<>();

    int emit(int o, int x, int y) {
      if (n == op.length) {
        op = Arrays.copyOf(op, n * 2);
        a = Arrays.copyOf(a, n * 2);
        b = Arrays.copyOf(b, n * 2);
      }
      op[n] = o;
      a[n] = x;
      b[n] = y;
      return n++;
    }

    int classIndex(long[] bits) {
      for (int i = 0; i < classes.size(); i++) {
        if (Arrays.equals(classes.get(i), bits)) {
          return i;
        }
      }
      classes.add(bits);
      return classes.size() - 1;
    }

    void gen(Node node) {
      if (node instanceof Chr) {
        emit(CHAR, ((Chr) node).c, 0);
      } else if (node instanceof Cls) {
        emit(CLASS, classIndex(((Cls) node).bits), 0);
      } else if (node instanceof Bol) {
        emit(BOL, 0, 0);
      } else if (node instanceof Eol) {
        emit(EOL, 0, 0);
      } else if (node instanceof Seq) {
        for (Node x : ((Seq) node).items) {
          gen(x);
        }
      } else if (node instanceof Group) {
        Group g = (Group) node;
        if (g.index >= 0) {
          emit(SAVE, 2 * g.index, 0);
          gen(g.body);
          emit(SAVE, 2 * g.index + 1, 0);
        } else {
          gen(g.body);
        }
      } else if (node instanceof Alt) {
        List<Node> alts = ((Alt) node).alts;
        List<Integer> jumps = new ArrayList<>();
        for (int i = 0; i < alts.size(); i++) {
          if (i < alts.size() - 1) {
            int split = emit(SPLIT, 0, 0);
            a[split] = n;
            gen(alts.get(i));
            jumps.add(emit(JMP, 0, 0));
            b[split] = n;
          } else {
            gen(alts.get(i));
          }
        }
        for (int j : jumps) {
          a[j] = n;
        }
      } else if (node instanceof Repeat) {
        Repeat r = (Repeat) node;
        for (int i = 0; i < r.min; i++) {
          gen(r.body);
        }
        if (r.max < 0) {
          int loop = emit(SPLIT, 0, 0);
          a[loop] = n;
          gen(r.body);
          emit(JMP, loop, 0);
          b[loop] = n;
        } else {
          List<Integer> splits = new ArrayList<>();
          for (int i = r.min; i < r.max; i++) {
            int split = emit(SPLIT, 0, 0);
            a[split] = n;
            splits.add(split);
            gen(r.body);
          }
          for (int s : splits) {
            b[s] = n;
          }
        }
      } else {
        throw new IllegalStateException();
      }
    }
  }
}
