package dev.tollgate.spi.similarity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Anchor for this package's bundled data: {@code Anchor.class.getResourceAsStream(name)} reads
 * {@code data/<name>} with the module's own loader.
 *
 * <p>Immutable and thread-safe.
 */
final class Anchor {

  private Anchor() {
  }

  /**
   * Opens a bundled data file.
   *
   * @param name the file name under {@code data/}
   * @return the stream; the caller closes it
   * @throws UncheckedIOException if the resource is missing
   */
  static InputStream open(String name) {
    InputStream in = Anchor.class.getResourceAsStream("data/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("bundled resource missing: "
          + "dev/tollgate/spi/similarity/data/" + name));
    }
    return in;
  }
}
