package dev.tollgate.spi.advisories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the npm registry's bulk advisory answer: an object mapping package names to arrays of
 * advisories ({@code id}, {@code url}, {@code title}, {@code severity}, {@code vulnerable_versions},
 * {@code cwe}, {@code cvss}).
 *
 * <p>Mapping to {@link Advisory}: the id is the GHSA id found in {@code url} when there is one
 * (so core can merge it with OSV data), else {@code NPM-<id>}; the numeric id becomes the alias
 * {@code NPM-<id>}; {@code title} is the summary; {@code severity} (upper-cased) the database
 * severity; {@code cvss.vectorString} a severity score ({@code CVSS_V3}, {@code CVSS_V4} or
 * {@code CVSS_V2} from its prefix); {@code vulnerable_versions} an {@link AffectedRange.Npm};
 * {@code url} the reference; the CWE ids go into the details as {@code CWE: CWE-1, CWE-2} (the
 * API has no CWE field), and {@code CWE-506} marks the advisory malicious. An advisory listed under
 * several names becomes one advisory with several affected entries. The result is sorted by id.
 *
 * <p>Immutable and thread-safe.
 */
final class NpmBulkResponseParser {
  private static final Pattern GHSA = Pattern.compile(
      "/advisories/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})(?:[/?#]|$)");

  private final Limits limits;
  private final long maxBytes;
  private final JsonFactory factory;

  NpmBulkResponseParser(Limits limits, long maxBytes) {
    this.limits = limits;
    this.maxBytes = maxBytes;
    this.factory = Json.factory(limits, maxBytes);
  }

  /**
   * Parses a response body.
   *
   * @param body the decoded body
   * @param source names the response in messages
   * @return the advisories, sorted by id
   * @throws InvalidInputException if the body is not the expected shape
   * @throws dev.tollgate.api.LimitExceededException if it is over a limit
   */
  List<Advisory> parse(byte[] body, String source) {
    try (JsonParser p = factory.createParser(body)) {
      return read(p, source);
    } catch (IOException e) {
      throw Json.translateResponse(source, e, limits, maxBytes);
    }
  }

  private List<Advisory> read(JsonParser p, String source) throws IOException {
    p.nextToken();
    Json.expect(source, p, JsonToken.START_OBJECT, "the bulk advisory response");
    StringPool pool = new StringPool();
    Map<String, Builder> byId = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      Json.expect(source, p, JsonToken.START_ARRAY, "the advisories of "
          + SupplyChainException.quote(name));
      if (name.isEmpty()) {
        throw Json.invalid(source, p, "advisories listed under an empty package name");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        readAdvisory(p, source, pool, name, byId);
      }
    }
    if (p.nextToken() != null) {
      throw Json.invalid(source, p, "unexpected content after the response");
    }
    List<Advisory> out = new ArrayList<>(byId.size());
    byId.values().forEach(b -> out.add(b.build()));
    return out;
  }

  private void readAdvisory(JsonParser p, String source, StringPool pool, String name,
      Map<String, Builder> byId) throws IOException {
    Json.expect(source, p, JsonToken.START_OBJECT, "an advisory");
    var start = p.currentTokenLocation();
    String id = null;
    String url = "";
    String title = "";
    String severity = "";
    String range = null;
    List<String> cwe = List.of();
    String vector = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> {
          JsonToken t = p.currentToken();
          if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
            id = p.getText();
          } else {
            throw Json.invalid(source, p, "advisory \"id\" must be a number or string, found "
                + Json.describe(t));
          }
        }
        case "url" -> url = Json.string(source, p, field);
        case "title" -> title = Json.string(source, p, field);
        case "severity" -> severity = Json.string(source, p, field).toUpperCase(Locale.ROOT);
        case "vulnerable_versions" -> range = Json.string(source, p, field);
        case "cwe" -> {
          if (p.currentToken() == JsonToken.VALUE_STRING) {
            cwe = List.of(p.getText());
          } else {
            cwe = Json.strings(source, p, field, pool);
          }
        }
        case "cvss" -> vector = readCvss(p, source);
        default -> p.skipChildren();
      }
    }
    if (id == null || id.isEmpty()) {
      throw Json.invalid(source, start, "advisory has no \"id\"", null);
    }
    if (range == null || range.isEmpty()) {
      throw Json.invalid(source, start, "advisory " + SupplyChainException.quote(id)
          + " has no \"vulnerable_versions\"", null);
    }
    Matcher m = GHSA.matcher(url);
    String npmId = "NPM-" + id;
    String key = m.find() ? m.group(1) : npmId;
    Builder b = byId.get(key);
    if (b == null) {
      b = new Builder(key, npmId.equals(key) ? List.of() : List.of(npmId), title, severity, url,
          cwe, vector);
      byId.put(key, b);
    }
    b.affected.add(new AffectedPackage(OsvRecordParser.NPM, pool.get(name),
        List.of(new AffectedRange.Npm(pool.get(range))), List.of()));
  }

  private static String readCvss(JsonParser p, String source) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return "";
    }
    Json.expect(source, p, JsonToken.START_OBJECT, "\"cvss\"");
    String vector = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("vectorString")) {
        vector = Json.string(source, p, field);
      } else {
        p.skipChildren();
      }
    }
    return vector;
  }

  /** Collects one advisory's affected entries across package names. */
  private static final class Builder {
    final String id;
    final List<String> aliases;
    final String title;
    final String severity;
    final String url;
    final List<String> cwe;
    final String vector;
    final List<AffectedPackage> affected = new ArrayList<>(1);

    Builder(String id, List<String> aliases, String title, String severity, String url,
        List<String> cwe, String vector) {
      this.id = id;
      this.aliases = aliases;
      this.title = title;
      this.severity = severity;
      this.url = url;
      this.cwe = cwe;
      this.vector = vector;
    }

    Advisory build() {
      List<Advisory.SeverityScore> scores = new ArrayList<>(1);
      if (!vector.isEmpty()) {
        String type = vector.startsWith("CVSS:4") ? "CVSS_V4"
            : vector.startsWith("CVSS:3") ? "CVSS_V3" : "CVSS_V2";
        scores.add(new Advisory.SeverityScore(type, vector));
      }
      String details = cwe.isEmpty() ? "" : "CWE: " + String.join(", ", cwe);
      return new Advisory(id, aliases, title, details, "", "", "", affected, scores, severity,
          url.isEmpty() ? List.of() : List.of(url), cwe.contains("CWE-506"));
    }
  }
}
