package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.core.Lockfile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --format json}: the schema of docs/cli-graph-json.md. */
class GraphJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Lockfile sample = SampleGraphs.sample(false);

  private static JsonNode parse(String json) throws Exception {
    return MAPPER.readTree(json);
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void writesDocumentAsInGoldenFile() {
    String out = Cli.render(sample, "--format", "json").out();
    assertEquals(Cli.golden("graph.json", out), out);
  }

  @Test
  void hasDocumentedTopLevelFieldsInOrder() throws Exception {
    JsonNode doc = parse(Cli.render(sample, "--format", "json").out());
    assertEquals(List.of("schemaVersion", "lockfile", "omit", "summary", "duplicates",
        "installScripts", "unscanned", "warnings", "nodes", "edges"), fieldNames(doc));
    assertEquals(1, doc.get("schemaVersion").intValue());
    assertEquals(List.of("path", "format", "tool", "fileName", "formatVersion"),
        fieldNames(doc.get("lockfile")));
    assertEquals("npm-package-lock", doc.at("/lockfile/format").textValue());
    assertEquals("3", doc.at("/lockfile/formatVersion").textValue());
    assertEquals(List.of("packages", "prod", "dev", "optional", "devOptional", "peer", "links",
        "edges", "missingEdges", "maxDepth", "unreachable", "duplicatedNames", "installScripts",
        "unscanned"), fieldNames(doc.get("summary")));
    assertEquals(8, doc.at("/summary/packages").intValue());
    assertEquals("b", doc.at("/duplicates/0/name").textValue());
    assertEquals("2.0.0", doc.at("/duplicates/0/versions/1").textValue());
    assertEquals(List.of("location", "name", "version"), fieldNames(doc.at("/installScripts/0")));
    assertEquals(List.of("location", "name", "version", "reason"),
        fieldNames(doc.at("/unscanned/0")));
  }

  @Test
  void listsEveryNodeAndEdgeWithDocumentedFields() throws Exception {
    JsonNode doc = parse(Cli.render(sample, "--format", "json").out());
    assertEquals(sample.graph().size(), doc.get("nodes").size());
    assertEquals(sample.graph().edgeCount(), doc.get("edges").size());
    JsonNode root = doc.get("nodes").get(0);
    assertEquals(List.of("location", "name", "version", "packageName", "source", "integrity",
        "flags", "license", "linkTarget", "unscannedReason"), fieldNames(root));
    assertEquals("", root.get("location").textValue());
    assertEquals("project", root.at("/source/type").textValue());
    JsonNode edge = doc.get("edges").get(0);
    assertEquals(List.of("from", "to", "name", "spec", "type"), fieldNames(edge));
  }

  @Test
  void describesEachSourceKind() throws Exception {
    JsonNode nodes = parse(Cli.render(sample, "--format", "json").out()).get("nodes");
    JsonNode a = find(nodes, "node_modules/a");
    assertEquals("registry", a.at("/source/type").textValue());
    assertEquals("sha512-aaaa", a.get("integrity").textValue());
    assertEquals("MIT", a.get("license").textValue());
    JsonNode c = find(nodes, "node_modules/c");
    assertEquals(List.of("type", "repository", "commit", "committish"), fieldNames(c.get("source")));
    assertEquals("unscanned", c.at("/flags/0").textValue());
    assertEquals("git dependency without a pinned commit", c.get("unscannedReason").textValue());
    JsonNode str = find(nodes, "node_modules/str");
    assertEquals("alias", str.at("/source/type").textValue());
    assertEquals("string-width", str.get("packageName").textValue());
    assertEquals("str", str.get("name").textValue());
    JsonNode link = find(nodes, "node_modules/ws");
    assertEquals("link", link.at("/source/type").textValue());
    assertEquals("packages/ws", link.get("linkTarget").textValue());
    assertTrue(find(nodes, "node_modules/a").get("linkTarget").isNull());
    assertEquals("workspace", find(nodes, "packages/ws").at("/source/type").textValue());
  }

  @Test
  void writesMissingEdgeTargetAsNull() throws Exception {
    JsonNode edges = parse(Cli.render(sample, "--format", "json").out()).get("edges");
    int missing = 0;
    for (JsonNode e : edges) {
      if (e.get("to").isNull()) {
        missing++;
        assertTrue(e.get("name").textValue().equals("ghost")
            || e.get("name").textValue().equals("fsevents"), e.toString());
      }
    }
    assertEquals(2, missing);
  }

  @Test
  void replacesNodesAndEdgesByPathsWithWhy() throws Exception {
    JsonNode doc = parse(Cli.render(sample, "--format", "json", "--why", "shared").out());
    assertEquals(List.of("schemaVersion", "lockfile", "omit", "summary", "duplicates",
        "installScripts", "unscanned", "warnings", "why"),
        fieldNames(doc));
    JsonNode why = doc.get("why");
    assertEquals("shared", why.get("query").textValue());
    assertEquals(50, why.get("limit").intValue());
    JsonNode match = why.at("/matches/0");
    assertEquals("node_modules/shared", match.at("/node/location").textValue());
    assertFalse(match.get("truncated").booleanValue());
    assertEquals(2, match.get("paths").size());
    JsonNode first = match.at("/paths/0");
    assertEquals("", first.at("/0/location").textValue());
    assertTrue(first.at("/0/via").isNull());
    assertEquals("prod", first.at("/1/via/type").textValue());
    assertEquals("^1.0.0", first.at("/1/via/spec").textValue());
  }

  @Test
  void marksTruncatedPaths() throws Exception {
    JsonNode doc = parse(Cli.render(sample, "--format", "json", "--why", "shared", "--limit", "1")
        .out());
    assertTrue(doc.at("/why/matches/0/truncated").booleanValue());
    assertEquals(1, doc.at("/why/matches/0/paths").size());
  }

  @Test
  void recordsOmitDev() throws Exception {
    JsonNode doc = parse(Cli.render(sample, "--format", "json", "--omit", "dev").out());
    assertEquals("dev", doc.at("/omit/0").textValue());
    assertEquals(0, doc.at("/summary/dev").intValue());
  }

  @Test
  void escapesHostileNames() throws Exception {
    String out = Cli.render(SampleGraphs.hostile(), "--format", "json").out();
    assertFalse(out.contains("\u001b"), out);
    JsonNode doc = parse(out);
    assertEquals("evil\"na\\me\n\u001b[31m", doc.at("/nodes/1/name").textValue());
  }

  private static JsonNode find(JsonNode nodes, String location) {
    for (JsonNode n : nodes) {
      if (n.get("location").textValue().equals(location)) {
        return n;
      }
    }
    throw new AssertionError("no node at " + location);
  }
}
