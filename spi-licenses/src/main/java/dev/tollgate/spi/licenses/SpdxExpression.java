package dev.tollgate.spi.licenses;

import dev.tollgate.api.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * SPDX 2.3 license expressions (Annex D): an immutable syntax tree, a strict parser and a printer.
 * AND binds tighter than OR, WITH tighter than both; {@code +}, {@code LicenseRef-} and
 * {@code DocumentRef-…:LicenseRef-} are supported. The parser is iterative (no recursion on input
 * depth) and bounds the input length and the parenthesis depth. Thread-safe (stateless).
 */
final class SpdxExpression {
  /** Longest expression accepted, in characters. */
  static final int MAX_LENGTH = 4096;
  /** Deepest parenthesis nesting accepted. */
  static final int MAX_DEPTH = 64;
  static final String SOURCE = "license expression";

  private SpdxExpression() {
  }

  /** A node of the expression tree. */
  sealed interface Node permits Lic, With, And, Or {
  }

  /** A license id (canonical case), {@code LicenseRef-…} or {@code DocumentRef-…:LicenseRef-…}. */
  record Lic(String id, boolean plus) implements Node {
    Lic {
      Objects.requireNonNull(id);
    }
  }

  /** A license with an exception. */
  record With(Lic license, String exception) implements Node {
  }

  /** A conjunction of two or more terms. */
  record And(List<Node> terms) implements Node {
    And {
      terms = List.copyOf(terms);
    }
  }

  /** A disjunction of two or more terms. */
  record Or(List<Node> terms) implements Node {
    Or {
      terms = List.copyOf(terms);
    }
  }

  /** The result of a parse: the tree and what normalisation changed (may be empty). */
  record Parsed(Node node, List<String> notes) {
  }

  /**
   * Parses an expression strictly: every id must be on the SPDX list (any case) or a
   * {@code LicenseRef-}; operators in upper or lower case.
   *
   * @throws InvalidInputException if the text is not a valid expression, naming the column
   */
  static Parsed parse(String text) {
    if (text == null) {
      throw invalid(0, "no expression (null)");
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid(MAX_LENGTH, "expression longer than " + MAX_LENGTH + " characters");
    }
    SpdxData data = SpdxData.get();
    TreeSet<String> notes = new TreeSet<>();
    List<Tok> toks = tokenize(text);
    Deque<Node> operands = new ArrayDeque<>();
    Deque<Tok> ops = new ArrayDeque<>();
    boolean expectOperand = true;
    int depth = 0;
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (expectOperand) {
        if (t.kind == K.LPAREN) {
          if (++depth > MAX_DEPTH) {
            throw invalid(t.col, "parentheses nested deeper than " + MAX_DEPTH);
          }
          ops.push(t);
        } else if (t.kind == K.ID) {
          Lic lic = license(t, data, notes);
          if (i + 1 < toks.size() && toks.get(i + 1).kind == K.WITH) {
            if (i + 2 >= toks.size() || toks.get(i + 2).kind != K.ID) {
              throw invalid(toks.get(i + 1).col, "WITH must be followed by an exception id");
            }
            Tok e = toks.get(i + 2);
            operands.push(new With(lic, exception(e, data, notes)));
            i += 2;
          } else {
            operands.push(lic);
          }
          expectOperand = false;
        } else {
          throw invalid(t.col, "expected a license id or '(' but found " + t.describe());
        }
      } else {
        if (t.kind == K.AND || t.kind == K.OR) {
          while (!ops.isEmpty() && ops.peek().kind != K.LPAREN
              && prec(ops.peek().kind) >= prec(t.kind)) {
            reduce(operands, ops.pop());
          }
          ops.push(t);
          expectOperand = true;
        } else if (t.kind == K.RPAREN) {
          while (!ops.isEmpty() && ops.peek().kind != K.LPAREN) {
            reduce(operands, ops.pop());
          }
          if (ops.isEmpty()) {
            throw invalid(t.col, "unbalanced ')'");
          }
          ops.pop();
          depth--;
        } else {
          throw invalid(t.col, "expected AND, OR or ')' but found " + t.describe());
        }
      }
    }
    if (expectOperand) {
      throw invalid(text.length() + 1, toks.isEmpty() ? "empty expression"
          : "expression ends where a license id was expected");
    }
    while (!ops.isEmpty()) {
      Tok op = ops.pop();
      if (op.kind == K.LPAREN) {
        throw invalid(op.col, "unbalanced '('");
      }
      reduce(operands, op);
    }
    return new Parsed(operands.pop(), List.copyOf(notes));
  }

  private static int prec(K k) {
    return k == K.AND ? 2 : 1;
  }

  private static void reduce(Deque<Node> operands, Tok op) {
    Node right = operands.pop();
    Node left = operands.pop();
    List<Node> terms = new ArrayList<>();
    boolean and = op.kind == K.AND;
    for (Node n : List.of(left, right)) {
      if (and && n instanceof And a) {
        terms.addAll(a.terms());
      } else if (!and && n instanceof Or o) {
        terms.addAll(o.terms());
      } else {
        terms.add(n);
      }
    }
    operands.push(and ? new And(terms) : new Or(terms));
  }

  private static Lic license(Tok t, SpdxData data, TreeSet<String> notes) {
    String s = t.text;
    boolean plus = s.endsWith("+");
    String id = plus ? s.substring(0, s.length() - 1) : s;
    if (id.isEmpty()) {
      throw invalid(t.col, "'+' without a license id");
    }
    String lower = id.toLowerCase(Locale.ROOT);
    if (lower.startsWith("documentref-")) {
      int colon = id.indexOf(':');
      if (colon < 0 || !id.regionMatches(true, colon + 1, "LicenseRef-", 0, 11)
          || !isIdString(id.substring("DocumentRef-".length(), colon))
          || !isIdString(id.substring(colon + 12))) {
        throw invalid(t.col, "malformed DocumentRef: " + quote(id));
      }
      return new Lic("DocumentRef-" + id.substring(12, colon) + ":LicenseRef-"
          + id.substring(colon + 12), plus);
    }
    if (id.indexOf(':') >= 0 || !isIdString(id)) {
      throw invalid(t.col, "malformed license id " + quote(id));
    }
    if (lower.startsWith("licenseref-")) {
      if (id.length() == 11) {
        throw invalid(t.col, "LicenseRef- without a name");
      }
      return new Lic("LicenseRef-" + id.substring(11), plus);
    }
    String canonical = data.canonicalLicenseId(id).orElseThrow(
        () -> invalid(t.col, "unknown SPDX license id " + quote(id)));
    if (!canonical.equals(id)) {
      notes.add("normalised case of " + id + " to " + canonical);
    }
    if (data.isDeprecated(canonical)) {
      notes.add(canonical + " is a deprecated SPDX id");
    }
    return new Lic(canonical, plus);
  }

  private static String exception(Tok t, SpdxData data, TreeSet<String> notes) {
    String id = t.text;
    if (id.regionMatches(true, 0, "AdditionRef-", 0, 12) && id.length() > 12
        && isIdString(id.substring(12))) {
      return "AdditionRef-" + id.substring(12);
    }
    String canonical = data.canonicalExceptionId(id).orElseThrow(
        () -> invalid(t.col, "unknown SPDX exception id " + quote(id)));
    if (!canonical.equals(id)) {
      notes.add("normalised case of " + id + " to " + canonical);
    }
    return canonical;
  }

  static boolean isIdString(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Prints a tree in canonical form: single spaces, parentheses only where needed. */
  static String print(Node node) {
    StringBuilder sb = new StringBuilder();
    print(node, sb, false);
    return sb.toString();
  }

  // Depth is bounded by MAX_DEPTH for parsed trees (AND/OR are flattened).
  private static void print(Node node, StringBuilder sb, boolean insideAnd) {
    if (node instanceof Lic l) {
      sb.append(l.id()).append(l.plus() ? "+" : "");
    } else if (node instanceof With w) {
      print(w.license(), sb, false);
      sb.append(" WITH ").append(w.exception());
    } else if (node instanceof And a) {
      join(a.terms(), " AND ", sb, true);
    } else if (node instanceof Or o) {
      if (insideAnd) {
        sb.append('(');
      }
      join(o.terms(), " OR ", sb, false);
      if (insideAnd) {
        sb.append(')');
      }
    }
  }

  private static void join(List<Node> terms, String sep, StringBuilder sb, boolean and) {
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0) {
        sb.append(sep);
      }
      print(terms.get(i), sb, and);
    }
  }

  static InvalidInputException invalid(int col, String reason) {
    return new InvalidInputException(SOURCE, 1, col, reason
        + "; see docs/errors.md#license-expression");
  }

  static String quote(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    return dev.tollgate.api.SupplyChainException.quote(cut);
  }

  private enum K { LPAREN, RPAREN, AND, OR, WITH, ID }

  private record Tok(K kind, String text, int col) {
    String describe() {
      return kind == K.ID ? quote(text) : kind.name().equals("LPAREN") ? "'('"
          : kind == K.RPAREN ? "')'" : kind.name();
    }
  }

  private static List<Tok> tokenize(String s) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (c == '(') {
        out.add(new Tok(K.LPAREN, "(", i + 1));
        i++;
      } else if (c == ')') {
        out.add(new Tok(K.RPAREN, ")", i + 1));
        i++;
      } else {
        int start = i;
        while (i < s.length() && " \t\n\r()".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        String w = s.substring(start, i);
        K k = switch (w) {
          case "AND", "and" -> K.AND;
          case "OR", "or" -> K.OR;
          case "WITH", "with" -> K.WITH;
          default -> K.ID;
        };
        if (k == K.ID) {
          for (int j = 0; j < w.length(); j++) {
            char d = w.charAt(j);
            boolean ok = d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d >= '0' && d <= '9'
                || d == '.' || d == '-' || d == '+' || d == ':';
            if (!ok || d == '+' && j != w.length() - 1) {
              throw invalid(start + j + 1, "unexpected character " + quote(String.valueOf(d)));
            }
          }
        }
        out.add(new Tok(k, w, start + 1));
      }
    }
    return out;
  }
}
