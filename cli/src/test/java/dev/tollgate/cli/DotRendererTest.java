package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --format dot}: a well-formed Graphviz digraph. */
class DotRendererTest {

  /** A quoted DOT string: escapes allowed, no raw quote or line break inside. */
  private static final String Q = "\"(?:[^\"\\\\\\n]|\\\\.)*\"";
  private static final String ATTR = "[a-z]+=(?:" + Q + "|[a-z0-9]+)";
  private static final String ATTRS = "\\[" + ATTR + "(?:, " + ATTR + ")*\\]";
  private static final Pattern STATEMENT = Pattern.compile(
      "  (?:(?:rankdir=LR)|(?:(?:node|edge) " + ATTRS + ")|(?:[nm]\\d+ " + ATTRS + ")"
          + "|(?:n\\d+ -> [nm]\\d+ " + ATTRS + "));");

  private static void assertWellFormed(String dot) {
    List<String> lines = dot.lines().toList();
    assertEquals("digraph \"tollgate\" {", lines.get(0));
    assertEquals("}", lines.get(lines.size() - 1));
    assertTrue(dot.endsWith("}\n"));
    for (String line : lines.subList(1, lines.size() - 1)) {
      assertTrue(STATEMENT.matcher(line).matches(), "not a DOT statement: " + line);
    }
  }

  @Test
  void writesDigraphAsInGoldenFile() {
    String out = Cli.render(SampleGraphs.sample(false), "--format", "dot").out();
    assertEquals(Cli.golden("graph.dot", out), out);
  }

  @Test
  void writesWellFormedDigraphWithEveryNodeAndEdge() {
    String dot = Cli.render(SampleGraphs.sample(false), "--format", "dot").out();
    assertWellFormed(dot);
    long nodes = dot.lines().filter(l -> l.matches("  n\\d+ \\[.*")).count();
    long edges = dot.lines().filter(l -> l.contains(" -> ")).count();
    assertEquals(10, nodes);
    assertEquals(11 + 1, edges, dot); // every edge, plus one link
  }

  @Test
  void dashesDevEdgesAndDotsOptionalOnes() {
    String dot = Cli.render(SampleGraphs.sample(false), "--format", "dot").out();
    assertTrue(dot.contains("[label=\"^2.0.0\", style=dashed];"), dot);
    assertTrue(dot.contains("[label=\"^3.0.0\", style=dotted];"), dot);
    assertTrue(dot.contains("[label=\"link\", style=bold];"), dot);
    assertTrue(dot.contains("[label=\"ghost@^9.9.9 (missing)\""), dot);
  }

  @Test
  void drawsOnlyWhyPaths() {
    String dot = Cli.render(SampleGraphs.sample(false), "--format", "dot", "--why", "b@1.0.0")
        .out();
    assertWellFormed(dot);
    assertEquals(3, dot.lines().filter(l -> l.matches("  n\\d+ \\[.*")).count(), dot);
    assertEquals(2, dot.lines().filter(l -> l.contains(" -> ")).count(), dot);
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    String dot = Cli.render(SampleGraphs.hostile(), "--format", "dot").out();
    assertWellFormed(dot);
    assertFalse(dot.contains("\u001b"), dot);
    assertTrue(dot.contains("label=\"evil\\\"na\\\\me\\n\\\\u001b[31m@1.0.0\""), dot);
    assertEquals("\"a\\\"b\\\\c\\nd\"", DotRenderer.quote("a\"b\\c\nd"));
  }
}
