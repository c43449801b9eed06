package dev.tollgate.core.internal.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.io.IOException;
import java.io.InputStream;

/**
 * Jackson factories configured for hostile input: constraints from {@link Limits}, no field-name
 * interning (lockfile keys are nearly all unique; interning costs 2-3x), canonicalisation kept on
 * (turning it off forces Jackson onto its slower Reader-based parser). Duplicate keys are not
 * rejected: like {@code JSON.parse} in npm, the last one wins.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonSupport {
  private JsonSupport() {
  }

  /** Factories by limits: a factory's field-name table is shared by every parser it makes. */
  private static final java.util.concurrent.ConcurrentHashMap<Limits, JsonFactory> FACTORIES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_FACTORIES = 16;

  /**
   * Returns a factory whose parsers enforce the limits. Factories are cached per {@link Limits}
   * value (at most 16), so repeated reads reuse Jackson's field-name table instead of growing a new
   * one each time.
   *
   * @param limits the limits
   * @return a factory
   */
  public static JsonFactory factory(Limits limits) {
    JsonFactory f = FACTORIES.get(limits);
    if (f == null) {
      if (FACTORIES.size() >= MAX_FACTORIES) {
        FACTORIES.clear();
      }
      f = FACTORIES.computeIfAbsent(limits, JsonSupport::newFactory);
    }
    return f;
  }

  private static JsonFactory newFactory(Limits limits) {
    return JsonFactory.builder()
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .streamReadConstraints(constraints(limits))
        .build();
  }

  /**
   * Returns stream-read constraints for the limits.
   *
   * @param limits the limits
   * @return the constraints
   */
  public static StreamReadConstraints constraints(Limits limits) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxJsonDepth())
        .maxStringLength(limits.maxStringLength())
        .maxNameLength(Math.min(limits.maxStringLength(), 1 << 20))
        .maxNumberLength(1000)
        .maxDocumentLength(limits.maxDocumentBytes())
        .build();
  }

  /**
   * Opens a parser over a stream bounded by {@link Limits#maxDocumentBytes()}.
   *
   * @param factory the factory
   * @param in the stream (not closed by the parser's close)
   * @param source the source name
   * @param limits the limits
   * @return the parser
   * @throws IOException if the stream cannot be read
   */
  public static JsonParser open(JsonFactory factory, InputStream in, String source, Limits limits)
      throws IOException {
    return factory.createParser(
        new BoundedInputStream(in, source, "maxDocumentBytes", limits.maxDocumentBytes()));
  }

  /**
   * Turns a character-encoding failure (Jackson's encoding detection reports it as a plain
   * {@link java.io.CharConversionException}) into the typed exception.
   *
   * @param source the source name
   * @param e the failure
   * @return the exception to throw
   */
  public static InvalidInputException translate(String source, java.io.CharConversionException e) {
    String msg = String.valueOf(e.getMessage());
    if (msg.length() > 200) {
      msg = msg.substring(0, 200) + "...";
    }
    return new InvalidInputException(source, 0, 0, "invalid character encoding: " + msg
        + "; see docs/errors.md#malformed-lockfile", e);
  }

  /**
   * Turns a Jackson failure into the typed exception naming source, line and column.
   *
   * @param source the source name
   * @param e the failure
   * @param limits the limits, to name the one a constraint failure is about
   * @return the exception to throw
   */
  public static RuntimeException translate(String source, JsonProcessingException e, Limits limits) {
    JsonLocation loc = e.getLocation();
    long line = loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    long col = loc == null || loc.getColumnNr() < 0 ? 0 : loc.getColumnNr();
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
        return new LimitExceededException(source, "maxDocumentBytes", limits.maxDocumentBytes(),
            limits.maxDocumentBytes() + 1L);
      }
    }
    String msg = e.getOriginalMessage();
    if (msg != null && msg.length() > 200) {
      msg = msg.substring(0, 200) + "...";
    }
    return new InvalidInputException(source, line, col,
        "malformed JSON: " + msg + "; see docs/errors.md#malformed-lockfile", e);
  }
}
