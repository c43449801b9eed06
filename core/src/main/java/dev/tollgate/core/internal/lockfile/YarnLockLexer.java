package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming, bounded reader of the indentation-based syntax shared by yarn lockfiles: yarn
 * classic's own line format ({@code key value}, {@code key:} blocks, comma-separated quoted or
 * plain keys) and the YAML subset yarn berry writes ({@code key: value}, {@code key:} blocks,
 * double- or single-quoted and plain scalars).
 *
 * <p>{@link #next()} returns one top-level item at a time (an entry or {@code __metadata}) as a
 * tree of ordered maps whose leaves are strings; nesting is bounded by {@link
 * Limits#maxJsonDepth()}, scalars by {@link Limits#maxStringLength()}. Nothing recurses on input
 * depth. Every syntax error is an {@link InvalidInputException} naming the line and column.
 *
 * <p>In berry mode, YAML constructs yarn never writes (flow collections, sequences, block
 * scalars, anchors, aliases, tags, document markers, complex keys) are reported as {@link
 * Unsupported}, so that the caller can fall back to a general YAML parser.
 *
 * <p>Not thread-safe; confine to one thread.
 */
final class YarnLockLexer {

  /** Thrown (berry mode only) for valid YAML outside the subset yarn writes. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Unsupported(int line, int column, String what) {
      super(what, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  /**
   * One top-level item.
   *
   * @param keys the key as written, split on commas in classic mode (one key in berry mode)
   * @param line the 1-based line of the key
   * @param column the 1-based column of the key
   * @param value a {@code String} or a {@code Map<String, Object>} of the same shape
   */
  record Item(List<String> keys, int line, int column, Object value) {
  }

  private static final int BUF = 1 << 16;

  private final Reader in;
  private final String source;
  private final Limits limits;
  private final boolean berry;
  private final char[] buf = new char[BUF];
  private int pos;
  private int end;
  private boolean eof;

  private char[] line = new char[256];
  private int len;
  private int lineNo;
  private final List<String> comments = new ArrayList<>();
  private boolean collectComments = true;

  // parsed line
  private int indent;
  private final List<String> keys = new ArrayList<>(4);
  private int keyCol;
  private boolean colon;
  private String value;
  private boolean havePending;

  private final StringBuilder sb = new StringBuilder();

  /**
   * Creates a lexer.
   *
   * @param in the characters (already bounded in bytes)
   * @param source the source name for messages
   * @param limits the limits
   * @param berry true for the YAML subset, false for yarn classic's format
   */
  YarnLockLexer(Reader in, String source, Limits limits, boolean berry) {
    this.in = in;
    this.source = source;
    this.limits = limits;
    this.berry = berry;
  }

  /**
   * Returns the comment lines seen before the first item (without the {@code #}).
   *
   * @return the header comments
   */
  List<String> headerComments() {
    return comments;
  }

  /**
   * Reads the next top-level item.
   *
   * @return the item, or {@code null} at the end
   * @throws IOException if reading fails
   * @throws InvalidInputException if the syntax is wrong
   * @throws LimitExceededException if a limit is exceeded
   */
  Item next() throws IOException {
    if (!havePending && !readLine()) {
      return null;
    }
    havePending = false;
    collectComments = false;
    if (indent != 0) {
      throw error(lineNo, 1, "unexpected indentation at the top level");
    }
    List<String> topKeys = List.copyOf(keys);
    int topLine = lineNo;
    int topCol = keyCol;
    if (value != null) {
      return new Item(topKeys, topLine, topCol, value);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    // explicit stack of open blocks: owner indent, child indent (-1 until known), map
    List<Map<String, Object>> maps = new ArrayList<>();
    int[] owner = new int[8];
    int[] child = new int[8];
    maps.add(root);
    owner[0] = 0;
    child[0] = -1;
    while (readLine()) {
      int top = maps.size() - 1;
      while (top >= 0) {
        if (child[top] < 0) {
          if (indent > owner[top]) {
            child[top] = indent;
            break;
          }
          maps.remove(top--);
          continue;
        }
        if (indent < child[top]) {
          maps.remove(top--);
          continue;
        }
        break;
      }
      if (top < 0) {
        if (indent != 0) {
          throw error(lineNo, 1, "indentation does not match any enclosing block");
        }
        havePending = true;
        break;
      }
      if (indent != child[top]) {
        throw error(lineNo, 1, "indentation does not match any enclosing block");
      }
      Map<String, Object> m = maps.get(top);
      Object v;
      if (value != null) {
        v = value;
      } else {
        if (maps.size() >= limits.maxJsonDepth()) {
          throw new LimitExceededException(source, "maxJsonDepth", limits.maxJsonDepth(),
              maps.size() + 1L);
        }
        Map<String, Object> nm = new LinkedHashMap<>();
        v = nm;
        maps.add(nm);
        int d = maps.size() - 1;
        if (d >= owner.length) {
          owner = java.util.Arrays.copyOf(owner, d * 2);
          child = java.util.Arrays.copyOf(child, d * 2);
        }
        owner[d] = indent;
        child[d] = -1;
      }
      for (String k : keys) {
        Object old = m.put(k, v);
        if (old != null && berry) {
          throw error(lineNo, keyCol, "duplicate key " + SupplyChainException.quote(k));
        }
      }
    }
    return new Item(topKeys, topLine, topCol, root);
  }

  // ---------------------------------------------------------------- lines

  private int read() throws IOException {
    if (pos == end) {
      if (eof) {
        return -1;
      }
      int n = in.read(buf, 0, BUF);
      if (n <= 0) {
        eof = true;
        return -1;
      }
      pos = 0;
      end = n;
    }
    return buf[pos++];
  }

  /** Reads physical lines until a significant one is parsed; false at the end of input. */
  private boolean readLine() throws IOException {
    long maxLine = (long) limits.maxStringLength() + 4096;
    while (true) {
      len = 0;
      int c = read();
      if (c < 0) {
        return false;
      }
      lineNo++;
      while (c >= 0 && c != '\n') {
        if (len == line.length) {
          if (len >= maxLine) {
            throw new LimitExceededException(source, "maxStringLength", limits.maxStringLength(),
                len + 1L);
          }
          line = java.util.Arrays.copyOf(line, (int) Math.min(maxLine, (long) len * 2));
        }
        line[len++] = (char) c;
        c = read();
      }
      if (len > 0 && line[len - 1] == '\r') {
        len--;
      }
      if (lineNo == 1 && len > 0 && line[0] == '\uFEFF') {
        System.arraycopy(line, 1, line, 0, --len);
      }
      int i = 0;
      while (i < len && line[i] == ' ') {
        i++;
      }
      if (i == len) {
        continue;
      }
      if (line[i] == '#') {
        if (collectComments) {
          comments.add(new String(line, i + 1, len - i - 1).strip());
        }
        continue;
      }
      if (line[i] == '\t') {
        throw error(lineNo, i + 1, "tab in indentation; yarn lockfiles indent with spaces");
      }
      indent = i;
      if (!berry && (indent & 1) != 0) {
        throw error(lineNo, i + 1, "invalid number of spaces (" + indent
            + "); yarn classic indents by two");
      }
      parseLine(i);
      return true;
    }
  }

  private void parseLine(int start) {
    keys.clear();
    value = null;
    colon = false;
    keyCol = start + 1;
    int i = start;
    if (berry) {
      i = berryKey(i);
    } else {
      i = classicKeys(i);
    }
    i = skipSpaces(i);
    if (i == len) {
      if (!colon) {
        throw error(lineNo, i + 1, "expected a value or ':' after the key");
      }
      return;
    }
    if (line[i] == '#' && (berry || colon)) {
      if (!colon) {
        throw error(lineNo, i + 1, "expected ':' after the key");
      }
      return;
    }
    if (berry) {
      value = berryValue(i);
    } else {
      value = classicValue(i);
    }
  }

  private int skipSpaces(int i) {
    while (i < len && line[i] == ' ') {
      i++;
    }
    return i;
  }

  // ---------------------------------------------------------------- classic

  private int classicKeys(int i) {
    while (true) {
      int col = i + 1;
      if (i == len) {
        throw error(lineNo, col, "expected a key");
      }
      String k;
      if (line[i] == '"') {
        i = doubleQuoted(i);
        k = sb.toString();
      } else {
        int s = i;
        while (i < len && line[i] != ':' && line[i] != ' ' && line[i] != ',' && line[i] != '"') {
          i++;
        }
        if (i == s) {
          throw error(lineNo, col, "unexpected character " + SupplyChainException.quote(
              String.valueOf(line[i])) + " where a key was expected");
        }
        checkLength(i - s, col);
        k = new String(line, s, i - s);
      }
      keys.add(k);
      i = skipSpaces(i);
      if (i < len && line[i] == ',') {
        i = skipSpaces(i + 1);
        continue;
      }
      if (i < len && line[i] == ':') {
        colon = true;
        i++;
      }
      return i;
    }
  }

  private String classicValue(int i) {
    int col = i + 1;
    String v;
    if (line[i] == '"') {
      i = doubleQuoted(i);
      v = sb.toString();
    } else {
      int s = i;
      while (i < len && line[i] != ' ' && line[i] != '"' && line[i] != ',') {
        i++;
      }
      if (i == s) {
        throw error(lineNo, col, "unexpected character " + SupplyChainException.quote(
            String.valueOf(line[i])) + " where a value was expected");
      }
      checkLength(i - s, col);
      v = new String(line, s, i - s);
    }
    i = skipSpaces(i);
    if (i < len && line[i] != '#') {
      throw error(lineNo, i + 1, "unexpected text after the value");
    }
    if (keys.size() > 1 && !colon) {
      throw error(lineNo, keyCol, "a key list must end with ':'");
    }
    return v;
  }

  // ---------------------------------------------------------------- berry

  private int berryKey(int i) {
    int col = i + 1;
    char c = line[i];
    String k;
    if (c == '"' || c == '\'') {
      i = c == '"' ? doubleQuoted(i) : singleQuoted(i);
      k = sb.toString();
      i = skipSpaces(i);
      if (i == len || line[i] != ':') {
        throw error(lineNo, i + 1, "expected ':' after the key");
      }
      i++;
    } else {
      unsupportedStart(i);
      int s = i;
      while (i < len && !(line[i] == ':' && (i + 1 == len || line[i + 1] == ' '))) {
        if (line[i] == '#' && i > s && line[i - 1] == ' ') {
          break;
        }
        i++;
      }
      if (i == len || line[i] != ':') {
        throw error(lineNo, i + 1, "expected ':' after the key");
      }
      int e = i;
      while (e > s && line[e - 1] == ' ') {
        e--;
      }
      if (e == s) {
        throw error(lineNo, col, "empty key");
      }
      checkLength(e - s, col);
      k = new String(line, s, e - s);
      i++;
    }
    if (i < len && line[i] != ' ') {
      throw error(lineNo, i + 1, "expected a space after ':'");
    }
    keys.add(k);
    colon = true;
    return i;
  }

  private void unsupportedStart(int i) {
    char c = line[i];
    if (c == '[' || c == '{' || c == '&' || c == '*' || c == '!' || c == '|' || c == '>'
        || c == '%' || c == '@' || c == '`' || c == '?'
        || ((c == '-') && (i + 1 == len || line[i + 1] == ' ' || line[i + 1] == '-'))) {
      throw new Unsupported(lineNo, i + 1, "YAML construct " + SupplyChainException.quote(
          String.valueOf(c)) + " that yarn does not write");
    }
  }

  private String berryValue(int i) {
    int col = i + 1;
    char c = line[i];
    String v;
    if (c == '"' || c == '\'') {
      i = c == '"' ? doubleQuoted(i) : singleQuoted(i);
      v = sb.toString();
      i = skipSpaces(i);
      if (i < len && line[i] != '#') {
        throw error(lineNo, i + 1, "unexpected text after the value");
      }
      return v;
    }
    unsupportedStart(i);
    int s = i;
    int e = len;
    for (int j = i; j < len; j++) {
      if (line[j] == '#' && line[j - 1] == ' ') {
        e = j;
        break;
      }
      if (line[j] == ':' && (j + 1 == len || line[j + 1] == ' ')) {
        throw new Unsupported(lineNo, j + 1, "a mapping on the same line as its key");
      }
    }
    while (e > s && line[e - 1] == ' ') {
      e--;
    }
    checkLength(e - s, col);
    return new String(line, s, e - s);
  }

  // ---------------------------------------------------------------- scalars

  private void checkLength(int n, int col) {
    if (n > limits.maxStringLength()) {
      throw new LimitExceededException(source, "maxStringLength", limits.maxStringLength(), n);
    }
  }

  /** Reads a double-quoted string starting at {@code line[i]}; result in {@link #sb}. */
  private int doubleQuoted(int i) {
    int col = i + 1;
    sb.setLength(0);
    i++;
    while (true) {
      if (i >= len) {
        throw error(lineNo, col, "unterminated string");
      }
      char c = line[i++];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (i >= len) {
          throw error(lineNo, col, "unterminated string");
        }
        char e = line[i++];
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case '0' -> sb.append('\0');
          case ' ' -> sb.append(' ');
          case 'u', 'x' -> {
            int n = e == 'u' ? 4 : 2;
            int cp = hex(i, n, col);
            sb.append((char) cp);
            i += n;
          }
          case 'U' -> {
            int cp = hex(i, 8, col);
            if (!Character.isValidCodePoint(cp)) {
              throw error(lineNo, i - 1, "invalid escape");
            }
            sb.appendCodePoint(cp);
            i += 8;
          }
          default -> throw error(lineNo, i - 1, "invalid escape \\" + (e < ' ' ? "?" : e));
        }
      } else {
        sb.append(c);
      }
      if (sb.length() > limits.maxStringLength()) {
        throw new LimitExceededException(source, "maxStringLength", limits.maxStringLength(),
            sb.length());
      }
    }
    return i;
  }

  private int hex(int i, int n, int col) {
    if (i + n > len) {
      throw error(lineNo, i, "invalid escape");
    }
    long v = 0;
    for (int j = i; j < i + n; j++) {
      int d = Character.digit(line[j], 16);
      if (d < 0) {
        throw error(lineNo, j + 1, "invalid escape");
      }
      v = v * 16 + d;
    }
    return (int) Math.min(v, Integer.MAX_VALUE);
  }

  private int singleQuoted(int i) {
    int col = i + 1;
    sb.setLength(0);
    i++;
    while (true) {
      if (i >= len) {
        throw error(lineNo, col, "unterminated string");
      }
      char c = line[i++];
      if (c == '\'') {
        if (i < len && line[i] == '\'') {
          sb.append('\'');
          i++;
          continue;
        }
        break;
      }
      sb.append(c);
      if (sb.length() > limits.maxStringLength()) {
        throw new LimitExceededException(source, "maxStringLength", limits.maxStringLength(),
            sb.length());
      }
    }
    return i;
  }

  InvalidInputException error(int l, int c, String reason) {
    return new InvalidInputException(source, l, c,
        reason + "; see docs/errors.md#malformed-lockfile");
  }
}
