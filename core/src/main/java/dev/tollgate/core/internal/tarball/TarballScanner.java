package dev.tollgate.core.internal.tarball;

import dev.tollgate.api.FindingCategory;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Severity;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.PackageInspection;
import dev.tollgate.core.TarEntryInfo;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * One streaming pass over a gzipped npm tarball: digests of the raw bytes, decompression with a
 * ratio guard, tar entries with path and type checks, the root manifest, install scripts, native
 * code.
 *
 * <p>Not thread-safe; create one per tarball.
 */
public final class TarballScanner {

  /** Below this many uncompressed bytes the ratio is not checked (tiny files compress well). */
  private static final long RATIO_FLOOR = 1L << 20;

  private final String source;
  private final Limits limits;
  private final String expectedIntegrity;

  /**
   * Creates a scanner.
   *
   * @param source the tarball's name
   * @param limits the limits
   * @param expectedIntegrity the claimed SRI, or empty
   */
  public TarballScanner(String source, Limits limits, String expectedIntegrity) {
    this.source = source;
    this.limits = limits;
    this.expectedIntegrity = expectedIntegrity.strip();
  }

  /** Marks I/O failures of the caller's stream so they stay IOExceptions. */
  private static final class SourceIOException extends IOException {
    private static final long serialVersionUID = 1L;

    SourceIOException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * A filter whose every read, single-byte reads and skips included, goes through
   * {@link #read(byte[], int, int)}, so a subclass sees each byte exactly once.
   */
  private abstract static class SeeEveryByte extends FilterInputStream {
    SeeEveryByte(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[8192];
      long done = 0;
      while (done < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  /** Digests and counts the raw bytes. */
  private static final class RawStream extends SeeEveryByte {
    final MessageDigest sha512;
    final MessageDigest sha1;
    long count;

    RawStream(InputStream in) {
      super(in);
      try {
        sha512 = MessageDigest.getInstance("SHA-512");
        sha1 = MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("JDK lacks SHA-512 or SHA-1", e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (IOException e) {
        throw new SourceIOException(e);
      }
      if (n > 0) {
        sha512.update(b, off, n);
        sha1.update(b, off, n);
        count += n;
      }
      return n;
    }


    @Override
    public void close() {
      // the caller owns the stream
    }
  }

  /**
   * Counts decompressed bytes, enforces the total and ratio limits, and verifies each tar header's
   * checksum (the tar library does not), following the headers through the entry sizes.
   */
  private final class InflatedStream extends SeeEveryByte {
    private final RawStream raw;
    private final byte[] header = new byte[512];
    private int headerFill;
    private long nextHeader;
    private boolean tracking = true;
    long count;

    InflatedStream(InputStream in, RawStream raw) {
      super(in);
      this.raw = raw;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        if (tracking) {
          track(b, off, n);
        }
        count += n;
        if (count > limits.maxTarTotalBytes()) {
          throw new LimitExceededException(source, "maxTarTotalBytes", limits.maxTarTotalBytes(),
              count);
        }
        if (count > RATIO_FLOOR && count / Math.max(1, raw.count) > limits.maxCompressionRatio()) {
          throw new LimitExceededException(source, "maxCompressionRatio",
              limits.maxCompressionRatio(), count / Math.max(1, raw.count));
        }
      }
      return n;
    }

    private void track(byte[] b, int off, int n) {
      long pos = count;
      int i = 0;
      while (i < n && tracking) {
        if (pos + i < nextHeader) {
          i += (int) Math.min(nextHeader - (pos + i), n - i);
          continue;
        }
        int take = Math.min(512 - headerFill, n - i);
        System.arraycopy(b, off + i, header, headerFill, take);
        headerFill += take;
        i += take;
        if (headerFill == 512) {
          headerFill = 0;
          long start = pos + i - 512;
          onHeader(start);
        }
      }
    }

    private void onHeader(long start) {
      boolean zero = true;
      for (byte x : header) {
        if (x != 0) {
          zero = false;
          break;
        }
      }
      if (zero) {
        tracking = false;
        return;
      }
      long unsigned = 0;
      long signed = 0;
      for (int k = 0; k < 512; k++) {
        int v = k >= 148 && k < 156 ? ' ' : header[k];
        unsigned += v & 0xff;
        signed += v;
      }
      long stored = octal(148, 8);
      if (stored != unsigned && stored != signed) {
        throw new InvalidInputException(source, 0, 0, "corrupt tar header at byte " + start
            + ": checksum " + stored + " does not match " + unsigned
            + "; see docs/errors.md#corrupt-tarball");
      }
      byte type = header[156];
      if (type == 'S') {
        tracking = false;
        return;
      }
      long size;
      if ((header[124] & 0x80) != 0) {
        size = 0;
        for (int k = 125; k < 136; k++) {
          size = (size << 8) | (header[k] & 0xff);
          if (size > limits.maxTarTotalBytes()) {
            break;
          }
        }
      } else {
        size = octal(124, 12);
      }
      nextHeader = start + 512 + ((size + 511) / 512) * 512;
    }

    private long octal(int offset, int length) {
      long v = 0;
      int end = offset + length;
      int k = offset;
      while (k < end && (header[k] == ' ' || header[k] == 0)) {
        k++;
      }
      for (; k < end; k++) {
        byte c = header[k];
        if (c < '0' || c > '7') {
          break;
        }
        v = (v << 3) + (c - '0');
        if (v > (1L << 40)) {
          break;
        }
      }
      return v;
    }

  }

  /**
   * Scans the tarball.
   *
   * @param in the gzipped bytes; read to the end, not closed
   * @return the inspection
   * @throws IOException if the caller's stream fails
   */
  public PackageInspection scan(InputStream in) throws IOException {
    RawStream raw = new RawStream(in);
    InflatedStream inflated;
    PackageAnalyzer analyzer = new PackageAnalyzer(source, limits);
    int index = 0;
    try {
      inflated = new InflatedStream(new GZIPInputStream(raw, 65536), raw);
      TarArchiveInputStream tar = new TarArchiveInputStream(inflated);
      TarArchiveEntry e;
      while ((e = nextEntry(tar, index)) != null) {
        index++;
        if (e.getSize() > limits.maxTarEntryBytes()) {
          throw new LimitExceededException(source, "maxTarEntryBytes", limits.maxTarEntryBytes(),
              e.getSize());
        }
        TarEntryInfo info = new TarEntryInfo(e.getName(), typeOf(e), e.isFile() ? e.getSize() : 0,
            e.getMode(), e.isSymbolicLink() || e.isLink() ? e.getLinkName() : "");
        analyzer.entry(info);
        if (info.type() == TarEntryInfo.Type.FILE) {
          byte[] bytes = PackageAnalyzer.wantsWhole(info) ? tar.readNBytes((int) info.size())
              : tar.readNBytes(PackageAnalyzer.SNIFF);
          analyzer.file(info, bytes);
        }
      }
      // drain trailing padding so the digest covers every byte
      byte[] buf = new byte[8192];
      while (inflated.read(buf) >= 0) {
        // discard
      }
      while (raw.read(buf) >= 0) {
        // discard
      }
    } catch (SourceIOException io) {
      throw (IOException) io.getCause();
    } catch (EOFException eof) {
      throw new InvalidInputException(source, 0, 0, "truncated gzip or tar stream after entry "
          + index + "; see docs/errors.md#corrupt-tarball", eof);
    } catch (ZipException z) {
      throw new InvalidInputException(source, 0, 0, "not a gzip stream or corrupt: "
          + z.getMessage() + "; see docs/errors.md#corrupt-tarball", z);
    }
    String sha512 = "sha512-" + Base64.getEncoder().encodeToString(raw.sha512.digest());
    String sha1 = "sha1-" + Base64.getEncoder().encodeToString(raw.sha1.digest());
    checkIntegrity(analyzer, sha512, sha1);
    return analyzer.finish(sha512, sha1, raw.count, inflated.count);
  }

  private TarArchiveEntry nextEntry(TarArchiveInputStream tar, int index) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (SourceIOException | EOFException | ZipException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(source, 0, 0, "corrupt tar header after entry " + index + ": "
          + SupplyChainException.quote(String.valueOf(e.getMessage()))
          + "; see docs/errors.md#corrupt-tarball", e);
    }
  }

  private static TarEntryInfo.Type typeOf(TarArchiveEntry e) {
    if (e.isSymbolicLink()) {
      return TarEntryInfo.Type.SYMLINK;
    }
    if (e.isLink()) {
      return TarEntryInfo.Type.HARDLINK;
    }
    if (e.isCharacterDevice()) {
      return TarEntryInfo.Type.CHARACTER_DEVICE;
    }
    if (e.isBlockDevice()) {
      return TarEntryInfo.Type.BLOCK_DEVICE;
    }
    if (e.isFIFO()) {
      return TarEntryInfo.Type.FIFO;
    }
    if (e.isDirectory()) {
      return TarEntryInfo.Type.DIRECTORY;
    }
    if (e.isSparse()) {
      return TarEntryInfo.Type.OTHER;
    }
    return e.isFile() ? TarEntryInfo.Type.FILE : TarEntryInfo.Type.OTHER;
  }

  private void checkIntegrity(PackageAnalyzer analyzer, String sha512, String sha1) {
    if (expectedIntegrity.isEmpty()) {
      return;
    }
    boolean anyKnown = false;
    for (String claim : expectedIntegrity.split("\\s+")) {
      String c = claim.contains("?") ? claim.substring(0, claim.indexOf('?')) : claim;
      if (c.startsWith("sha512-")) {
        anyKnown = true;
        if (c.equals(sha512)) {
          return;
        }
      } else if (c.startsWith("sha1-")) {
        anyKnown = true;
        if (c.equals(sha1)) {
          return;
        }
      }
    }
    if (!anyKnown) {
      analyzer.add(FindingCategory.INTEGRITY, Severity.MODERATE, "integrity-unsupported",
          "the claimed integrity uses no supported algorithm (sha512, sha1)",
          truncate(expectedIntegrity), "", 0, "");
      return;
    }
    analyzer.add(FindingCategory.INTEGRITY, Severity.CRITICAL, "integrity-mismatch",
        "tarball does not match its claimed integrity",
        "claimed " + truncate(expectedIntegrity) + ", actual " + sha512, "", 0, "");
  }

  private static String truncate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
