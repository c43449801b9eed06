package dev.tollgate.spi.advisories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming parser of one OSV record (schema 1.x) into an {@link Advisory} holding only the
 * {@code npm} affected entries.
 *
 * <p>What it keeps: {@code id}, {@code aliases}, {@code summary}, {@code details},
 * {@code published}, {@code modified}, {@code withdrawn}, {@code affected[]} ({@code package.ecosystem}
 * and {@code name}, {@code ranges[]} with {@code type} and {@code events} in order, {@code versions}),
 * {@code severity[]}, {@code database_specific.severity} and {@code references[].url}. Event values
 * are kept verbatim, including the empty string (core treats an empty value as absent). Other
 * fields are skipped without being materialised. An advisory is {@code malicious} when its id starts
 * with {@code MAL-}, its {@code database_specific} has {@code malicious-packages-origins}, or its
 * {@code database_specific.cwe_ids} lists {@code CWE-506} (embedded malicious code).
 *
 * <p>What it rejects, with {@link InvalidInputException} naming the source, line and column: input
 * that is not one JSON object, a missing or empty {@code id}, a known field of the wrong JSON type,
 * an event object without exactly one known kind, an npm entry without a package name. Limits give
 * {@link dev.tollgate.api.LimitExceededException}. No other exception escapes.
 *
 * <p>Immutable and thread-safe as long as each call passes its own {@link StringPool}.
 */
final class OsvRecordParser {

  /** The ecosystem kept. */
  static final String NPM = "npm";

  private static final String MAX_RECORD_BYTES = "advisories.osv.maxRecordBytes";

  private final Limits limits;
  private final long maxRecordBytes;
  private final JsonFactory factory;

  /**
   * Creates a parser.
   *
   * @param limits JSON depth and string length bounds
   * @param maxRecordBytes the largest record accepted, in bytes
   */
  OsvRecordParser(Limits limits, long maxRecordBytes) {
    this.limits = limits;
    this.maxRecordBytes = maxRecordBytes;
    this.factory = Json.factory(limits, maxRecordBytes);
  }

  /** Parses a record held in memory. */
  Advisory parse(byte[] data, String source, StringPool pool) {
    try {
      return parse(new ByteArrayInputStream(data), source, pool);
    } catch (IOException e) {
      // A byte array cannot fail to read: any IOException here is about the content.
      throw new InvalidInputException(source, 0, 0, "unreadable record: "
          + SupplyChainException.quote(String.valueOf(e.getMessage())) + "; " + Json.ANCHOR_INVALID,
          e);
    }
  }

  /**
   * Parses one record from a stream (not closed).
   *
   * @throws IOException if the stream cannot be read
   */
  Advisory parse(InputStream in, String source, StringPool pool) throws IOException {
    InputStream bounded = new BoundedInputStream(in, source, MAX_RECORD_BYTES, maxRecordBytes);
    try (JsonParser p = factory.createParser(bounded)) {
      return readRecord(p, source, pool);
    } catch (JsonProcessingException e) {
      throw Json.translate(source, e, limits, maxRecordBytes, MAX_RECORD_BYTES);
    } catch (CharConversionException e) {
      throw new InvalidInputException(source, 0, 0, "record is not UTF-8 JSON: "
          + SupplyChainException.quote(String.valueOf(e.getMessage())) + "; " + Json.ANCHOR_INVALID,
          e);
    }
  }

  /** Reads a record starting at the parser's next token; requires end of input afterwards. */
  Advisory readRecord(JsonParser p, String source, StringPool pool) throws IOException {
    p.nextToken();
    Advisory a = readObject(p, source, pool);
    if (p.nextToken() != null) {
      throw Json.invalid(source, p, "unexpected content after the record");
    }
    return a;
  }

  /** Reads a record whose START_OBJECT is the current token; leaves END_OBJECT current. */
  Advisory readObject(JsonParser p, String source, StringPool pool) throws IOException {
    Json.expect(source, p, JsonToken.START_OBJECT, "an OSV record");
    var start = p.currentTokenLocation();
    String id = null;
    List<String> aliases = List.of();
    String summary = "";
    String details = "";
    String published = "";
    String modified = "";
    String withdrawn = "";
    List<AffectedPackage> affected = new ArrayList<>();
    List<Advisory.SeverityScore> severity = new ArrayList<>();
    String[] dbSeverity = {""};
    boolean[] malicious = {false};
    List<String> references = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> id = Json.string(source, p, field);
        case "aliases" -> aliases = Json.strings(source, p, field, pool);
        case "summary" -> summary = Json.string(source, p, field);
        case "details" -> details = Json.string(source, p, field);
        case "published" -> published = Json.string(source, p, field);
        case "modified" -> modified = Json.string(source, p, field);
        case "withdrawn" -> withdrawn = Json.string(source, p, field);
        case "affected" -> readAffected(p, source, pool, affected);
        case "severity" -> readSeverity(p, source, pool, severity);
        case "database_specific" -> readDatabaseSpecific(p, source, pool, dbSeverity, malicious);
        case "references" -> readReferences(p, source, references);
        default -> p.skipChildren();
      }
    }
    if (id == null || id.isEmpty()) {
      throw Json.invalid(source, start, "record has no \"id\"; every OSV record needs one", null);
    }
    if (id.startsWith("MAL-")) {
      malicious[0] = true;
    }
    return new Advisory(id, aliases, summary, details, published, modified, withdrawn, affected,
        severity, dbSeverity[0], references, malicious[0]);
  }

  private void readAffected(JsonParser p, String source, StringPool pool,
      List<AffectedPackage> out) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    Json.expect(source, p, JsonToken.START_ARRAY, "\"affected\"");
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Json.expect(source, p, JsonToken.START_OBJECT, "\"affected\" entries");
      var entryStart = p.currentTokenLocation();
      String ecosystem = null;
      String name = null;
      List<AffectedRange> ranges = List.of();
      List<String> versions = List.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "package" -> {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
              break;
            }
            Json.expect(source, p, JsonToken.START_OBJECT, "\"package\"");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String f = p.currentName();
              p.nextToken();
              switch (f) {
                case "ecosystem" -> ecosystem = Json.string(source, p, f);
                case "name" -> name = Json.string(source, p, f);
                default -> p.skipChildren();
              }
            }
          }
          case "ranges" -> ranges = readRanges(p, source, pool);
          case "versions" -> versions = Json.strings(source, p, field, pool);
          default -> p.skipChildren();
        }
      }
      if (NPM.equals(ecosystem)) {
        if (name == null || name.isEmpty()) {
          throw Json.invalid(source, entryStart,
              "npm \"affected\" entry has no \"package.name\"", null);
        }
        out.add(new AffectedPackage(NPM, pool.get(name), ranges, versions));
      }
    }
  }

  private List<AffectedRange> readRanges(JsonParser p, String source, StringPool pool)
      throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    Json.expect(source, p, JsonToken.START_ARRAY, "\"ranges\"");
    List<AffectedRange> ranges = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Json.expect(source, p, JsonToken.START_OBJECT, "\"ranges\" entries");
      var rangeStart = p.currentTokenLocation();
      String type = null;
      List<AffectedRange.Event> events = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "type" -> type = pool.get(Json.string(source, p, field));
          case "events" -> events = readEvents(p, source, pool);
          default -> p.skipChildren();
        }
      }
      if (type == null || type.isEmpty()) {
        throw Json.invalid(source, rangeStart, "range has no \"type\"", null);
      }
      if (events == null) {
        throw Json.invalid(source, rangeStart, "range has no \"events\"", null);
      }
      ranges.add(new AffectedRange.Osv(type, events));
    }
    return ranges;
  }

  private List<AffectedRange.Event> readEvents(JsonParser p, String source, StringPool pool)
      throws IOException {
    Json.expect(source, p, JsonToken.START_ARRAY, "\"events\"");
    List<AffectedRange.Event> events = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Json.expect(source, p, JsonToken.START_OBJECT, "\"events\" entries");
      var eventStart = p.currentTokenLocation();
      AffectedRange.Event event = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        AffectedRange.EventKind kind = switch (field) {
          case "introduced" -> AffectedRange.EventKind.INTRODUCED;
          case "fixed" -> AffectedRange.EventKind.FIXED;
          case "last_affected" -> AffectedRange.EventKind.LAST_AFFECTED;
          case "limit" -> AffectedRange.EventKind.LIMIT;
          default -> throw Json.invalid(source, p, "unknown event kind "
              + SupplyChainException.quote(field)
              + "; expected introduced, fixed, last_affected or limit");
        };
        if (event != null) {
          throw Json.invalid(source, p, "event has more than one kind; each event object holds"
              + " exactly one of introduced, fixed, last_affected or limit");
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw Json.invalid(source, p, "event \"" + field + "\" must be a string, found "
              + Json.describe(p.currentToken()));
        }
        event = new AffectedRange.Event(kind, pool.get(p.getText()));
      }
      if (event == null) {
        throw Json.invalid(source, eventStart, "empty event object; each event object holds"
            + " exactly one of introduced, fixed, last_affected or limit", null);
      }
      events.add(event);
    }
    return events;
  }

  private void readSeverity(JsonParser p, String source, StringPool pool,
      List<Advisory.SeverityScore> out) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    Json.expect(source, p, JsonToken.START_ARRAY, "\"severity\"");
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Json.expect(source, p, JsonToken.START_OBJECT, "\"severity\" entries");
      var start = p.currentTokenLocation();
      String type = null;
      String score = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "type" -> type = pool.get(Json.string(source, p, field));
          case "score" -> score = Json.string(source, p, field);
          default -> p.skipChildren();
        }
      }
      if (type == null || score == null) {
        throw Json.invalid(source, start, "severity entry needs \"type\" and \"score\"", null);
      }
      out.add(new Advisory.SeverityScore(type, score));
    }
  }

  private void readDatabaseSpecific(JsonParser p, String source, StringPool pool,
      String[] severity, boolean[] malicious) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      // database_specific is free-form: anything but an object carries nothing we read.
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "severity" -> {
          if (p.currentToken() == JsonToken.VALUE_STRING) {
            severity[0] = pool.get(p.getText());
          } else {
            p.skipChildren();
          }
        }
        case "malicious-packages-origins" -> {
          if (p.currentToken() != JsonToken.VALUE_NULL) {
            malicious[0] = true;
          }
          p.skipChildren();
        }
        case "cwe_ids" -> {
          if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (p.currentToken() == JsonToken.VALUE_STRING
                  && "CWE-506".equals(p.getText())) {
                malicious[0] = true;
              }
              p.skipChildren();
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  private void readReferences(JsonParser p, String source, List<String> out) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    Json.expect(source, p, JsonToken.START_ARRAY, "\"references\"");
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Json.expect(source, p, JsonToken.START_OBJECT, "\"references\" entries");
      var start = p.currentTokenLocation();
      String url = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("url")) {
          url = Json.string(source, p, field);
        } else {
          p.skipChildren();
        }
      }
      if (url == null || url.isEmpty()) {
        throw Json.invalid(source, start, "reference has no \"url\"", null);
      }
      out.add(url);
    }
  }
}
