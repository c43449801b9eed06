package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The one way the command line writes JSON: UTF-8, two-space indent, {@code "key": value}, fields
 * in the order the code writes them (so output is deterministic), the target left open.
 *
 * <p>Stateless and thread-safe.
 */
final class Json {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private Json() {
  }

  /**
   * Opens a pretty-printing generator.
   *
   * @param out the target; flushed on close, not closed
   * @return the generator
   * @throws IOException if it cannot be created
   */
  static JsonGenerator open(OutputStream out) throws IOException {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(pretty);
    return g;
  }
}
