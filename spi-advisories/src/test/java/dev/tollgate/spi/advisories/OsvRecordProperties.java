package dev.tollgate.spi.advisories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import dev.tollgate.api.spi.AffectedRange.Event;
import dev.tollgate.api.spi.AffectedRange.EventKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded round-trip properties of the OSV record parser: a random advisory written as an OSV
 * record (with random extra fields, non-npm entries, nulls and field order) parses back equal.
 * A failing seed is printed in the test name; add it to {@link #seeds()} as a fixed example.
 */
class OsvRecordProperties {
  private static final long BASE_SEED = 0x7011_6a7eL;
  private static final OsvRecordParser PARSER = new OsvRecordParser(Limits.defaults(), 1 << 20);

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> BASE_SEED + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writtenAdvisoryParsesBackEqual(long seed) throws IOException {
    Random r = new Random(seed);
    Advisory expected = advisory(r);
    byte[] json = write(expected, r);
    Advisory actual = PARSER.parse(json, "seed-" + seed + ".json", new StringPool());
    assertEquals(expected, actual, () -> "seed " + seed + ": " + new String(json,
        java.nio.charset.StandardCharsets.UTF_8));
  }

  // ---- generators ----

  private static final String[] ALPHABET = {"a", "z", "0", "9", "-", ".", "_", "/", "@", " ",
      "\"", "\\", "\n", "\t", "\u0001", "é", "ß", "\u2028", "😀", "<", ">", "=", "^", "~", "*"};

  static String text(Random r, int max) {
    int n = r.nextInt(max + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  static String nonEmpty(Random r, int max) {
    String s = text(r, max);
    return s.isEmpty() ? "x" : s;
  }

  static String version(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> "0";
      case 1 -> "";
      case 2 -> r.nextInt(20) + "." + r.nextInt(20) + "." + r.nextInt(20) + "-alpha." + r.nextInt(5);
      case 3 -> text(r, 8);
      default -> r.nextInt(20) + "." + r.nextInt(20) + "." + r.nextInt(100);
    };
  }

  static <T> List<T> list(Random r, int max, java.util.function.Supplier<T> gen) {
    int n = r.nextInt(max + 1);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(gen.get());
    }
    return out;
  }

  static Advisory advisory(Random r) {
    boolean malicious = r.nextBoolean();
    String id = malicious && r.nextBoolean() ? "MAL-" + r.nextInt(100_000)
        : "GHSA-" + nonEmpty(r, 12);
    if (!malicious && id.startsWith("MAL-")) {
      id = "X" + id;
    }
    List<AffectedPackage> affected = list(r, 4, () -> new AffectedPackage("npm", nonEmpty(r, 10),
        list(r, 3, () -> new AffectedRange.Osv(
            new String[] {"SEMVER", "ECOSYSTEM", "GIT"}[r.nextInt(3)],
            list(r, 5, () -> new Event(EventKind.values()[r.nextInt(4)], version(r))))),
        list(r, 4, () -> version(r))));
    return new Advisory(id, list(r, 3, () -> nonEmpty(r, 10)), text(r, 40), text(r, 200),
        r.nextBoolean() ? "" : "2024-0" + (1 + r.nextInt(9)) + "-01T00:00:00Z",
        r.nextBoolean() ? "" : "2025-01-0" + (1 + r.nextInt(9)) + "T12:00:00.123456Z",
        r.nextInt(5) == 0 ? "2025-06-01T00:00:00Z" : "",
        affected,
        list(r, 2, () -> new Advisory.SeverityScore(r.nextBoolean() ? "CVSS_V3" : "CVSS_V4",
            "CVSS:3.1/AV:N/" + text(r, 10))),
        new String[] {"", "LOW", "MODERATE", "HIGH", "CRITICAL"}[r.nextInt(5)],
        list(r, 3, () -> "https://example.invalid/" + nonEmpty(r, 10)),
        malicious);
  }

  // ---- writer ----

  static byte[] write(Advisory a, Random r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      if (r.nextBoolean()) {
        g.useDefaultPrettyPrinter();
      }
      g.writeStartObject();
      List<Runnable> fields = new ArrayList<>();
      fields.add(io(() -> g.writeStringField("id", a.id())));
      fields.add(io(() -> g.writeStringField("schema_version", "1.6.0")));
      optionalString(g, r, fields, "summary", a.summary());
      optionalString(g, r, fields, "details", a.details());
      optionalString(g, r, fields, "published", a.published());
      optionalString(g, r, fields, "modified", a.modified());
      optionalString(g, r, fields, "withdrawn", a.withdrawn());
      if (!a.aliases().isEmpty() || r.nextBoolean()) {
        fields.add(io(() -> stringArray(g, "aliases", a.aliases())));
      }
      fields.add(io(() -> {
        g.writeArrayFieldStart("affected");
        for (AffectedPackage p : a.affected()) {
          if (r.nextInt(4) == 0) {
            g.writeStartObject();
            g.writeObjectFieldStart("package");
            g.writeStringField("ecosystem", "PyPI");
            g.writeStringField("name", p.name());
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeStartObject();
          g.writeObjectFieldStart("package");
          g.writeStringField("ecosystem", "npm");
          g.writeStringField("name", p.name());
          if (r.nextBoolean()) {
            g.writeStringField("purl", "pkg:npm/" + p.name());
          }
          g.writeEndObject();
          if (!p.ranges().isEmpty() || r.nextBoolean()) {
            g.writeArrayFieldStart("ranges");
            for (AffectedRange range : p.ranges()) {
              AffectedRange.Osv osv = (AffectedRange.Osv) range;
              g.writeStartObject();
              if (osv.type().equals("GIT")) {
                g.writeStringField("repo", "https://example.invalid/repo");
              }
              g.writeStringField("type", osv.type());
              g.writeArrayFieldStart("events");
              for (Event e : osv.events()) {
                g.writeStartObject();
                g.writeStringField(switch (e.kind()) {
                  case INTRODUCED -> "introduced";
                  case FIXED -> "fixed";
                  case LAST_AFFECTED -> "last_affected";
                  case LIMIT -> "limit";
                }, e.version());
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeEndObject();
            }
            g.writeEndArray();
          }
          if (!p.versions().isEmpty() || r.nextBoolean()) {
            stringArray(g, "versions", p.versions());
          }
          if (r.nextBoolean()) {
            g.writeObjectFieldStart("database_specific");
            g.writeStringField("last_known_affected_version_range", "< 1.0.0");
            g.writeEndObject();
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }));
      if (!a.severity().isEmpty() || r.nextBoolean()) {
        fields.add(io(() -> {
          g.writeArrayFieldStart("severity");
          for (Advisory.SeverityScore s : a.severity()) {
            g.writeStartObject();
            g.writeStringField("type", s.type());
            g.writeStringField("score", s.score());
            g.writeEndObject();
          }
          g.writeEndArray();
        }));
      }
      if (!a.references().isEmpty() || r.nextBoolean()) {
        fields.add(io(() -> {
          g.writeArrayFieldStart("references");
          for (String u : a.references()) {
            g.writeStartObject();
            g.writeStringField("type", "WEB");
            g.writeStringField("url", u);
            g.writeEndObject();
          }
          g.writeEndArray();
        }));
      }
      boolean needOrigins = a.malicious() && !a.id().startsWith("MAL-");
      fields.add(io(() -> {
        g.writeObjectFieldStart("database_specific");
        if (!a.databaseSeverity().isEmpty()) {
          g.writeStringField("severity", a.databaseSeverity());
        } else if (r.nextBoolean()) {
          g.writeNullField("severity");
        }
        if (needOrigins) {
          if (r.nextBoolean()) {
            g.writeArrayFieldStart("malicious-packages-origins");
            g.writeStartObject();
            g.writeStringField("source", "ghsa-malware");
            g.writeEndObject();
            g.writeEndArray();
          } else {
            stringArray(g, "cwe_ids", List.of("CWE-79", "CWE-506"));
          }
        } else {
          stringArray(g, "cwe_ids", List.of("CWE-79"));
        }
        g.writeBooleanField("github_reviewed", true);
        g.writeEndObject();
      }));
      fields.add(io(() -> {
        g.writeArrayFieldStart("credits");
        g.writeStartObject();
        g.writeStringField("name", "someone");
        g.writeEndObject();
        g.writeEndArray();
      }));
      java.util.Collections.shuffle(fields, r);
      fields.forEach(Runnable::run);
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void optionalString(JsonGenerator g, Random r, List<Runnable> fields,
      String name, String value) {
    if (!value.isEmpty()) {
      fields.add(io(() -> g.writeStringField(name, value)));
    } else if (r.nextBoolean()) {
      boolean asNull = r.nextBoolean();
      fields.add(io(() -> {
        if (asNull) {
          g.writeNullField(name);
        } else {
          g.writeStringField(name, "");
        }
      }));
    }
  }

  private static void stringArray(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static Runnable io(IoAction a) {
    return () -> {
      try {
        a.run();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }
}
