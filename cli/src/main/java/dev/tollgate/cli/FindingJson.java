package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.Evidence;
import dev.tollgate.api.Finding;
import dev.tollgate.api.Fix;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link Finding} as JSON, the same way in every command's output (documented in
 * {@code docs/cli-findings-json.md}).
 *
 * <p>Stateless and thread-safe.
 */
final class FindingJson {

  private FindingJson() {
  }

  /**
   * Writes one finding object.
   *
   * @param g the generator
   * @param f the finding
   * @throws IOException if writing fails
   */
  static void write(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", f.id());
    g.writeStringField("category", f.category().id());
    g.writeStringField("severity", f.severity().id());
    g.writeStringField("package", f.packageName());
    g.writeStringField("version", f.version());
    g.writeStringField("title", f.title());
    g.writeStringField("detail", f.detail());
    g.writeArrayFieldStart("paths");
    for (List<String> path : f.paths()) {
      g.writeStartArray();
      for (String p : path) {
        g.writeString(p);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("evidence");
    for (Evidence e : f.evidence()) {
      g.writeStartObject();
      g.writeStringField("file", e.file());
      g.writeNumberField("line", e.line());
      g.writeStringField("excerpt", e.excerpt());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("references");
    for (String r : f.references()) {
      g.writeString(r);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("fix");
    Fix fix = f.fix();
    if (fix instanceof Fix.Refresh r) {
      g.writeStringField("type", "refresh");
      g.writeStringField("package", r.name());
      g.writeStringField("version", r.version());
    } else if (fix instanceof Fix.Bump b) {
      g.writeStringField("type", "bump");
      g.writeStringField("package", b.directDependency());
      g.writeStringField("version", b.version());
      g.writeBooleanField("breaking", b.breaking());
    } else {
      g.writeStringField("type", "none");
    }
    g.writeEndObject();
    g.writeEndObject();
  }
}
