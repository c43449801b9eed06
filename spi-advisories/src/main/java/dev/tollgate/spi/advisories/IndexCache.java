package dev.tollgate.spi.advisories;

import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A compact binary copy of a loaded OSV data set, so a restart reloads it without parsing JSON.
 *
 * <p>Format (version {@value #VERSION}, big-endian): the magic {@code TGOSVIDX}, the format
 * version, the payload length and its CRC-32C, then the payload: the source fingerprint, the load
 * counts, the newest {@code modified} time and the advisories. Strings are written once: a varint
 * {@code (length << 1)} followed by UTF-8 bytes introduces a string, {@code (index << 1) | 1}
 * repeats an earlier one. A file with another magic, version, length, checksum or fingerprint, or
 * one that does not decode, is not used: the caller reloads the source and rewrites the cache.
 *
 * <p>Immutable and thread-safe (static methods only).
 */
final class IndexCache {
  static final int VERSION = 1;
  private static final byte[] MAGIC = "TGOSVIDX".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 4 + 8 + 8;
  private static final AffectedRange.EventKind[] KINDS = AffectedRange.EventKind.values();

  private IndexCache() {
  }

  /** Thrown internally when a cache file is not usable. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Fingerprints the source data and the settings that shape a load: path, size and modification
   * time of a zip or file; of a directory, the count and a CRC-32C over every JSON file's relative
   * path, size and modification time.
   *
   * @throws IOException if the source cannot be read
   */
  static String fingerprint(Path source, String settings) throws IOException {
    Path abs = source.toAbsolutePath().normalize();
    StringBuilder sb = new StringBuilder("v").append(VERSION).append('|').append(settings)
        .append('|').append(abs);
    if (Files.isDirectory(abs)) {
      CRC32C crc = new CRC32C();
      int[] count = {0};
      try (var walk = Files.walk(abs, 64)) {
        for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
          String name = p.getFileName() == null ? "" : p.getFileName().toString();
          if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
              || !Files.isRegularFile(p)) {
            continue;
          }
          count[0]++;
          crc.update((abs.relativize(p) + "\0" + Files.size(p) + "\0"
              + Files.getLastModifiedTime(p).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      sb.append("|dir|").append(count[0]).append('|').append(Long.toHexString(crc.getValue()));
    } else {
      sb.append("|file|").append(Files.size(abs)).append('|')
          .append(Files.getLastModifiedTime(abs).toMillis());
    }
    return sb.toString();
  }

  // ---- writing ----

  /** Writes the cache atomically (temporary file, then move). */
  static void write(Path file, String fingerprint, OsvFileLoader.Result result) throws IOException {
    Writer w = new Writer();
    w.string(fingerprint);
    w.varint(result.files());
    w.varint(result.rejected());
    w.varint(result.nonNpm());
    w.varint(result.duplicates());
    w.varlong(result.newestModified().getEpochSecond());
    w.varint(result.newestModified().getNano());
    w.varint(result.advisories().size());
    for (Advisory a : result.advisories()) {
      w.string(a.id());
      w.strings(a.aliases());
      w.string(a.summary());
      w.string(a.details());
      w.string(a.published());
      w.string(a.modified());
      w.string(a.withdrawn());
      w.varint(a.affected().size());
      for (AffectedPackage p : a.affected()) {
        w.string(p.ecosystem());
        w.string(p.name());
        w.varint(p.ranges().size());
        for (AffectedRange r : p.ranges()) {
          if (r instanceof AffectedRange.Osv osv) {
            w.varint(0);
            w.string(osv.type());
            w.varint(osv.events().size());
            for (AffectedRange.Event e : osv.events()) {
              w.varint(e.kind().ordinal());
              w.string(e.version());
            }
          } else if (r instanceof AffectedRange.Npm npm) {
            w.varint(1);
            w.string(npm.range());
          }
        }
        w.strings(p.versions());
      }
      w.varint(a.severity().size());
      for (Advisory.SeverityScore s : a.severity()) {
        w.string(s.type());
        w.string(s.score());
      }
      w.string(a.databaseSeverity());
      w.strings(a.references());
      w.varint(a.malicious() ? 1 : 0);
    }
    byte[] payload = w.out.toByteArray();
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    header.put(MAGIC).putInt(VERSION).putLong(payload.length).putLong(crc.getValue());
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(header.array());
        out.write(payload);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    final Map<String, Integer> seen = new HashMap<>();

    void varint(int v) {
      varlong(v & 0xffffffffL);
    }

    void varlong(long v) {
      while ((v & ~0x7fL) != 0) {
        out.write((int) ((v & 0x7f) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    void string(String s) {
      Integer index = seen.get(s);
      if (index != null) {
        varlong(((long) index << 1) | 1);
        return;
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varlong((long) b.length << 1);
      out.write(b, 0, b.length);
      seen.put(s, seen.size());
    }

    void strings(List<String> list) {
      varint(list.size());
      for (String s : list) {
        string(s);
      }
    }
  }

  // ---- reading ----

  /**
   * Reads a cache file.
   *
   * @param file the file
   * @param fingerprint the fingerprint the source has now
   * @param maxBytes the largest cache file read
   * @return the load result it holds
   * @throws IOException if the file cannot be read
   * @throws Unusable if it is not a valid cache of this source in this format
   */
  static OsvFileLoader.Result read(Path file, String fingerprint, long maxBytes)
      throws IOException, Unusable {
    long size = Files.size(file);
    if (size < HEADER || size > maxBytes) {
      throw new Unusable("size " + size + " out of range");
    }
    byte[] all = Files.readAllBytes(file);
    ByteBuffer b = ByteBuffer.wrap(all);
    byte[] magic = new byte[MAGIC.length];
    b.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new Unusable("not a Tollgate OSV index");
    }
    int version = b.getInt();
    if (version != VERSION) {
      throw new Unusable("format version " + version + ", expected " + VERSION);
    }
    long length = b.getLong();
    long expectedCrc = b.getLong();
    if (length != all.length - HEADER) {
      throw new Unusable("payload length " + length + " does not match the file");
    }
    CRC32C crc = new CRC32C();
    crc.update(all, HEADER, all.length - HEADER);
    if (crc.getValue() != expectedCrc) {
      throw new Unusable("checksum mismatch");
    }
    Reader r = new Reader(all, HEADER);
    try {
      if (!r.string().equals(fingerprint)) {
        throw new Unusable("made from other source data");
      }
      int files = r.varint();
      int rejected = r.varint();
      int nonNpm = r.varint();
      int duplicates = r.varint();
      Instant newest = Instant.ofEpochSecond(r.varlong(), r.varint());
      int count = r.count();
      List<Advisory> advisories = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        advisories.add(readAdvisory(r));
      }
      if (r.pos != all.length) {
        throw new Unusable("trailing bytes");
      }
      return new OsvFileLoader.Result(advisories, files, rejected, nonNpm, duplicates, newest);
    } catch (RuntimeException e) {
      // Bounds, bad ordinals, bad times: a checksummed file that still does not decode.
      throw new Unusable("does not decode: " + e.getClass().getSimpleName());
    }
  }

  private static Advisory readAdvisory(Reader r) throws Unusable {
    String id = r.string();
    List<String> aliases = r.strings();
    String summary = r.string();
    String details = r.string();
    String published = r.string();
    String modified = r.string();
    String withdrawn = r.string();
    int nAffected = r.count();
    List<AffectedPackage> affected = new ArrayList<>(nAffected);
    for (int i = 0; i < nAffected; i++) {
      String ecosystem = r.string();
      String name = r.string();
      int nRanges = r.count();
      List<AffectedRange> ranges = new ArrayList<>(nRanges);
      for (int j = 0; j < nRanges; j++) {
        int kind = r.varint();
        if (kind == 0) {
          String type = r.string();
          int nEvents = r.count();
          List<AffectedRange.Event> events = new ArrayList<>(nEvents);
          for (int k = 0; k < nEvents; k++) {
            events.add(new AffectedRange.Event(KINDS[r.varint()], r.string()));
          }
          ranges.add(new AffectedRange.Osv(type, events));
        } else if (kind == 1) {
          ranges.add(new AffectedRange.Npm(r.string()));
        } else {
          throw new Unusable("unknown range kind " + kind);
        }
      }
      affected.add(new AffectedPackage(ecosystem, name, ranges, r.strings()));
    }
    int nSeverity = r.count();
    List<Advisory.SeverityScore> severity = new ArrayList<>(nSeverity);
    for (int i = 0; i < nSeverity; i++) {
      severity.add(new Advisory.SeverityScore(r.string(), r.string()));
    }
    String databaseSeverity = r.string();
    List<String> references = r.strings();
    boolean malicious = r.varint() == 1;
    return new Advisory(id, aliases, summary, details, published, modified, withdrawn, affected,
        severity, databaseSeverity, references, malicious);
  }

  private static final class Reader {
    final byte[] data;
    int pos;
    final List<String> strings = new ArrayList<>();

    Reader(byte[] data, int pos) {
      this.data = data;
      this.pos = pos;
    }

    long varlong() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = data[pos++];
        v |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalStateException("varint too long");
    }

    int varint() {
      long v = varlong();
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new IllegalStateException("varint out of range");
      }
      return (int) v;
    }

    /** A collection size: at most the bytes left, so a bad count cannot allocate much. */
    int count() {
      int n = varint();
      if (n > data.length - pos) {
        throw new IllegalStateException("count out of range");
      }
      return n;
    }

    String string() {
      long v = varlong();
      if ((v & 1) == 1) {
        return strings.get(Math.toIntExact(v >>> 1));
      }
      int len = Math.toIntExact(v >>> 1);
      if (len > data.length - pos) {
        throw new IllegalStateException("string out of range");
      }
      String s = new String(data, pos, len, StandardCharsets.UTF_8);
      pos += len;
      strings.add(s);
      return s;
    }

    List<String> strings() {
      int n = count();
      if (n == 0) {
        return List.of();
      }
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = string();
      }
      return List.of(out);
    }
  }
}
