package dev.tollgate.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Test helper: reads OSV JSON records into {@link Advisory} values with Jackson's tree model (core
 * must not depend on the advisory providers, which hold the real streaming parser).
 */
final class OsvTestRecords {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OsvTestRecords() {
  }

  static final Path DIR = Path.of("src/test/resources/fixtures/advisories");

  /** Reads one record, or every record of a JSON array. */
  static List<Advisory> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Advisory> read(InputStream in) throws IOException {
    JsonNode root = MAPPER.readTree(in);
    List<Advisory> out = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(n -> out.add(advisory(n)));
    } else {
      out.add(advisory(root));
    }
    return out;
  }

  /** Reads every {@code .json} entry of a zip. */
  static List<Advisory> readZip(Path zip) {
    List<Advisory> out = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> en = z.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        if (e.getName().endsWith(".json")) {
          try (InputStream in = z.getInputStream(e)) {
            out.addAll(read(in));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Advisory advisory(JsonNode n) {
    String id = n.path("id").asText();
    List<String> aliases = strings(n.path("aliases"));
    List<AffectedPackage> affected = new ArrayList<>();
    for (JsonNode a : n.path("affected")) {
      String eco = a.path("package").path("ecosystem").asText();
      if (!eco.equals("npm")) {
        continue;
      }
      List<AffectedRange> ranges = new ArrayList<>();
      for (JsonNode r : a.path("ranges")) {
        List<AffectedRange.Event> events = new ArrayList<>();
        for (JsonNode e : r.path("events")) {
          e.properties().forEach(f -> events.add(new AffectedRange.Event(switch (f.getKey()) {
            case "introduced" -> AffectedRange.EventKind.INTRODUCED;
            case "fixed" -> AffectedRange.EventKind.FIXED;
            case "last_affected" -> AffectedRange.EventKind.LAST_AFFECTED;
            case "limit" -> AffectedRange.EventKind.LIMIT;
            default -> throw new IllegalArgumentException(f.getKey());
          }, f.getValue().asText())));
        }
        ranges.add(new AffectedRange.Osv(r.path("type").asText(), events));
      }
      affected.add(new AffectedPackage("npm", a.path("package").path("name").asText(), ranges,
          strings(a.path("versions"))));
    }
    List<Advisory.SeverityScore> severity = new ArrayList<>();
    for (JsonNode s : n.path("severity")) {
      severity.add(new Advisory.SeverityScore(s.path("type").asText(), s.path("score").asText()));
    }
    List<String> refs = new ArrayList<>();
    for (JsonNode r : n.path("references")) {
      refs.add(r.path("url").asText());
    }
    JsonNode db = n.path("database_specific");
    boolean malicious = id.startsWith("MAL-") || db.has("malicious-packages-origins");
    return new Advisory(id, aliases, n.path("summary").asText(""), n.path("details").asText(""),
        n.path("published").asText(""), n.path("modified").asText(""),
        n.path("withdrawn").asText(""), affected, severity, db.path("severity").asText(""), refs,
        malicious);
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(x -> out.add(x.asText()));
    return out;
  }
}
