package dev.tollgate.spi.advisories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the OSV API's {@code querybatch} answer: {@code {"results": [{"vulns": [{"id": ...,
 * "modified": ...}], "next_page_token": ...}]}}, one result per query in order. Vulnerability ids
 * must look like OSV ids (letters, digits, {@code -._:}) since they become URL path segments.
 *
 * <p>Immutable and thread-safe.
 */
final class OsvQueryBatchParser {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  /**
   * One query's result.
   *
   * @param vulns the vulnerabilities: id to {@code modified} time (empty when not given)
   * @param nextPageToken the token to fetch more, or empty
   */
  record Result(java.util.Map<String, String> vulns, String nextPageToken) {
  }

  private final Limits limits;
  private final long maxBytes;
  private final JsonFactory factory;

  OsvQueryBatchParser(Limits limits, long maxBytes) {
    this.limits = limits;
    this.maxBytes = maxBytes;
    this.factory = Json.factory(limits, maxBytes);
  }

  /**
   * Parses a response.
   *
   * @param body the body
   * @param source names the response in messages
   * @param expected how many results there must be
   * @return the results, in query order
   * @throws InvalidInputException if the body is malformed or has another number of results
   */
  List<Result> parse(byte[] body, String source, int expected) {
    try (JsonParser p = factory.createParser(body)) {
      List<Result> results = read(p, source);
      if (results.size() != expected) {
        throw new InvalidInputException(source, 0, 0, "querybatch answered " + results.size()
            + " results for " + expected + " queries; " + Json.ANCHOR_INVALID);
      }
      return results;
    } catch (IOException e) {
      throw Json.translateResponse(source, e, limits, maxBytes);
    }
  }

  private List<Result> read(JsonParser p, String source) throws IOException {
    p.nextToken();
    Json.expect(source, p, JsonToken.START_OBJECT, "the querybatch response");
    List<Result> results = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (!field.equals("results")) {
        p.skipChildren();
        continue;
      }
      Json.expect(source, p, JsonToken.START_ARRAY, "\"results\"");
      results = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        results.add(readResult(p, source));
      }
    }
    if (p.nextToken() != null) {
      throw Json.invalid(source, p, "unexpected content after the response");
    }
    if (results == null) {
      throw new InvalidInputException(source, 0, 0, "querybatch response has no \"results\"; "
          + Json.ANCHOR_INVALID);
    }
    return results;
  }

  private Result readResult(JsonParser p, String source) throws IOException {
    Json.expect(source, p, JsonToken.START_OBJECT, "a result");
    java.util.Map<String, String> vulns = new java.util.LinkedHashMap<>();
    String token = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "vulns" -> {
          if (p.currentToken() == JsonToken.VALUE_NULL) {
            break;
          }
          Json.expect(source, p, JsonToken.START_ARRAY, "\"vulns\"");
          while (p.nextToken() != JsonToken.END_ARRAY) {
            Json.expect(source, p, JsonToken.START_OBJECT, "a vuln");
            String id = null;
            String modified = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String f = p.currentName();
              p.nextToken();
              if (f.equals("id")) {
                id = Json.string(source, p, f);
              } else if (f.equals("modified")) {
                modified = Json.string(source, p, f);
              } else {
                p.skipChildren();
              }
            }
            if (id == null || !ID.matcher(id).matches()) {
              throw Json.invalid(source, p, "vuln id " + SupplyChainException.quote(id)
                  + " is missing or not an OSV id");
            }
            vulns.put(id, modified);
          }
        }
        case "next_page_token" -> token = Json.string(source, p, field);
        default -> p.skipChildren();
      }
    }
    return new Result(vulns, token);
  }
}
