package dev.tollgate.spi.advisories;

import dev.tollgate.api.LimitExceededException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that throws {@link LimitExceededException} once more than a number of bytes has
 * been read.
 *
 * <p>Not thread-safe; confine to one thread.
 */
final class BoundedInputStream extends FilterInputStream {
  private final String source;
  private final String limitName;
  private final long limit;
  private long count;

  BoundedInputStream(InputStream in, String source, String limitName, long limit) {
    super(in);
    this.source = source;
    this.limitName = limitName;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    add(s);
    return s;
  }

  private void add(long n) {
    count += n;
    if (count > limit) {
      throw new LimitExceededException(source, limitName, limit, count);
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
