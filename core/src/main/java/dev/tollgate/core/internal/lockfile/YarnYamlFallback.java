package dev.tollgate.core.internal.lockfile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.internal.io.JsonSupport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a yarn berry lockfile with Jackson's YAML parser, for the rare files that use YAML which
 * yarn itself never writes (flow collections, block scalars, anchors: hand-edited lockfiles).
 * Produces the same items as {@link YarnLockLexer}. Nesting, string length and size are bounded by
 * the {@link Limits} (fed into SnakeYAML's loader options and Jackson's read constraints); nothing
 * recurses on input depth.
 *
 * <p>Immutable and thread-safe (a static method).
 */
final class YarnYamlFallback {

  private YarnYamlFallback() {
  }

  static List<YarnLockLexer.Item> read(byte[] doc, String source, Limits limits)
      throws IOException {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxDocumentBytes()));
    lo.setNestingDepthLimit(limits.maxJsonDepth());
    lo.setMaxAliasesForCollections(50);
    lo.setAllowDuplicateKeys(false);
    YAMLFactory f = YAMLFactory.builder().loaderOptions(lo)
        .streamReadConstraints(JsonSupport.constraints(limits)).build();
    List<YarnLockLexer.Item> items = new ArrayList<>();
    try (JsonParser p = f.createParser(doc)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return items;
      }
      if (t != JsonToken.START_OBJECT) {
        throw invalid(source, p.currentTokenLocation(), "yarn.lock must be a mapping of entries");
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation loc = p.currentTokenLocation();
        if (items.size() > limits.maxEntries()) {
          throw new LimitExceededException(source, "maxEntries", limits.maxEntries(),
              items.size());
        }
        items.add(new YarnLockLexer.Item(List.of(key), line(loc), column(loc),
            value(p, source)));
      }
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m) {
        throw marked(source, m);
      }
      throw JsonSupport.translate(source, e, limits);
    } catch (MarkedYAMLException e) {
      throw marked(source, e);
    } catch (YAMLException e) {
      String m = String.valueOf(e.getMessage());
      throw new InvalidInputException(source, 0, 0, "malformed YAML: "
          + (m.length() > 200 ? m.substring(0, 200) + "..." : m)
          + "; see docs/errors.md#malformed-lockfile", e);
    }
    return items;
  }

  /** Reads the value at the current token (after a field name) without recursion. */
  private static Object value(JsonParser p, String source) throws IOException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      return scalar(p, t, source);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    List<Map<String, Object>> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      t = p.nextToken();
      Map<String, Object> top = stack.get(stack.size() - 1);
      if (t == JsonToken.END_OBJECT) {
        stack.remove(stack.size() - 1);
        continue;
      }
      if (t != JsonToken.FIELD_NAME) {
        throw invalid(source, p.currentTokenLocation(), "expected a key");
      }
      String name = p.currentName();
      t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        Map<String, Object> m = new LinkedHashMap<>();
        top.put(name, m);
        stack.add(m);
      } else {
        top.put(name, scalar(p, t, source));
      }
    }
    return root;
  }

  private static Object scalar(JsonParser p, JsonToken t, String source) throws IOException {
    if (t == null || t == JsonToken.START_ARRAY) {
      throw invalid(source, p.currentTokenLocation(), t == null ? "unexpected end of input"
          : "sequences are not part of a yarn.lock");
    }
    if (t == JsonToken.VALUE_NULL) {
      return Map.of(); // as the fast path reads "key:" with nothing below it
    }
    String s = p.getText();
    return s == null ? "" : s;
  }

  private static InvalidInputException marked(String source, MarkedYAMLException m) {
    Mark mark = m.getProblemMark();
    String what = (m.getContext() == null ? "" : m.getContext() + ": ")
        + String.valueOf(m.getProblem());
    what = what.replaceAll("\\s+", " ");
    if (what.length() > 200) {
      what = what.substring(0, 200) + "...";
    }
    return new InvalidInputException(source, mark == null ? 0 : mark.getLine() + 1L,
        mark == null ? 0 : mark.getColumn() + 1L, "malformed YAML: " + what
            + "; see docs/errors.md#malformed-lockfile", m);
  }

  private static InvalidInputException invalid(String source, JsonLocation loc, String reason) {
    return new InvalidInputException(source, line(loc), column(loc),
        reason + "; see docs/errors.md#malformed-lockfile");
  }

  private static int line(JsonLocation loc) {
    return loc == null ? 0 : Math.max(0, loc.getLineNr());
  }

  private static int column(JsonLocation loc) {
    return loc == null ? 0 : Math.max(0, loc.getColumnNr());
  }
}
