package dev.tollgate.spi.advisories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson support for hostile advisory data: constraints from {@link Limits}, no field-name
 * interning, and translation of Jackson failures into the typed exceptions.
 *
 * <p>Immutable and thread-safe.
 */
final class Json {

  /** Anchor of malformed advisory data (records and responses). */
  static final String ANCHOR_INVALID = "see docs/errors.md#advisory-data-invalid";

  private Json() {
  }

  /**
   * Creates a factory whose parsers enforce the limits; documents may be at most
   * {@code maxDocumentBytes} long.
   */
  static JsonFactory factory(Limits limits, long maxDocumentBytes) {
    return JsonFactory.builder()
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxJsonDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(Math.min(limits.maxStringLength(), 1 << 16))
            .maxNumberLength(1000)
            .maxDocumentLength(maxDocumentBytes)
            .build())
        .build();
  }

  /**
   * Turns any failure to read a remote service's JSON answer into the typed exception: Jackson's
   * syntax and constraint errors as {@link #translate}, a wrong encoding, or another read error.
   *
   * @param source the response's description (the endpoint, without credentials)
   * @param e the failure
   * @param limits the limits
   * @param maxBytes the response size bound
   * @return the exception to throw
   */
  static SupplyChainException translateResponse(String source, java.io.IOException e,
      Limits limits, long maxBytes) {
    if (e instanceof JsonProcessingException j) {
      return translate(source, j, limits, maxBytes, "maxResponseBytes");
    }
    if (e instanceof java.io.CharConversionException) {
      return new dev.tollgate.api.InvalidInputException(source, 0, 0,
          "response is not UTF-8 JSON; " + ANCHOR_INVALID, e);
    }
    return new dev.tollgate.api.InvalidInputException(source, 0, 0, "unreadable response: "
        + SupplyChainException.quote(String.valueOf(e.getMessage())) + "; " + ANCHOR_INVALID, e);
  }

  /** Turns a Jackson failure into the typed exception naming source, line and column. */
  static SupplyChainException translate(String source, JsonProcessingException e, Limits limits,
      long maxDocumentBytes, String documentLimitName) {
    if (e instanceof StreamConstraintsException) {
      String m = String.valueOf(e.getOriginalMessage());
      if (m.contains("nesting depth")) {
        return new LimitExceededException(source, "maxJsonDepth", limits.maxJsonDepth(),
            limits.maxJsonDepth() + 1L);
      }
      if (m.contains("String value length") || m.contains("Name length")) {
        return new LimitExceededException(source, "maxStringLength", limits.maxStringLength(),
            limits.maxStringLength() + 1L);
      }
      if (m.contains("Document length")) {
        return new LimitExceededException(source, documentLimitName, maxDocumentBytes,
            maxDocumentBytes + 1L);
      }
    }
    String msg = e.getOriginalMessage();
    return invalid(source, e.getLocation(), "malformed JSON: "
        + SupplyChainException.quote(msg == null ? e.getClass().getSimpleName() : msg), e);
  }

  /** An {@link InvalidInputException} at a parser location. */
  static InvalidInputException invalid(String source, JsonLocation loc, String reason,
      Throwable cause) {
    long line = loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    long col = loc == null || loc.getColumnNr() < 0 ? 0 : loc.getColumnNr();
    return new InvalidInputException(source, line, col, reason + "; " + ANCHOR_INVALID, cause);
  }

  /** An {@link InvalidInputException} at the parser's current token. */
  static InvalidInputException invalid(String source, JsonParser p, String reason) {
    return invalid(source, p.currentTokenLocation(), reason, null);
  }

  /** Requires the current token to be of a kind. */
  static void expect(String source, JsonParser p, JsonToken token, String what) {
    if (p.currentToken() != token) {
      throw invalid(source, p, what + " must be " + describe(token) + ", found "
          + describe(p.currentToken()));
    }
  }

  /** Reads a string value (current token), or empty for {@code null}. */
  static String string(String source, JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return "";
    }
    if (t != JsonToken.VALUE_STRING) {
      throw invalid(source, p, "\"" + field + "\" must be a string, found " + describe(t));
    }
    return p.getText();
  }

  /** Reads an array of strings (current token START_ARRAY or null). */
  static List<String> strings(String source, JsonParser p, String field, StringPool pool)
      throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    expect(source, p, JsonToken.START_ARRAY, "\"" + field + "\"");
    List<String> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw invalid(source, p, "\"" + field + "\" entries must be strings, found "
            + describe(p.currentToken()));
      }
      out.add(pool.get(p.getText()));
    }
    return out;
  }

  /** Names a token kind for messages. */
  static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    return switch (t) {
      case START_OBJECT, END_OBJECT -> "an object";
      case START_ARRAY, END_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case FIELD_NAME -> "a field name";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
