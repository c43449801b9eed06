package dev.tollgate.core.internal.tarball;

import dev.tollgate.api.Evidence;
import dev.tollgate.api.Finding;
import dev.tollgate.api.FindingCategory;
import dev.tollgate.api.Fix;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Severity;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.PackageInspection;
import dev.tollgate.core.TarEntryInfo;
import dev.tollgate.core.TextFile;
import dev.tollgate.core.internal.lockfile.PackageJson;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
  private static final int SNIFF = 4;
  /** Files up to this size are read whole and scanned for secrets and license text. */
  private static final int TEXT_SCAN_MAX = 8 << 20;
  private static final Set<String> INSTALL_SCRIPTS = Set.of("preinstall", "install", "postinstall");

  private final String source;
  private final Limits limits;
  private final String expectedIntegrity;
  private final List<Pending> pending = new ArrayList<>();
  private final List<TarEntryInfo> entries = new ArrayList<>();
  private final List<TextFile> licenseFiles = new ArrayList<>();

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

  /** Digests and counts the raw bytes. */
  private static final class RawStream extends FilterInputStream {
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
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
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

    @Override
    public void close() {
      // the caller owns the stream
    }
  }

  /**
   * Counts decompressed bytes, enforces the total and ratio limits, and verifies each tar header's
   * checksum (the tar library does not), following the headers through the entry sizes.
   */
  private final class InflatedStream extends FilterInputStream {
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
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
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
    PackageJson manifest = null;
    String manifestPath = null;
    Set<String> paths = new HashSet<>();
    Set<String> tops = new HashSet<>();
    boolean bindingGyp = false;
    int index = 0;
    try {
      inflated = new InflatedStream(new GZIPInputStream(raw, 65536), raw);
      TarArchiveInputStream tar = new TarArchiveInputStream(inflated);
      TarArchiveEntry e;
      while ((e = nextEntry(tar, index)) != null) {
        index++;
        if (index > limits.maxTarEntries()) {
          throw new LimitExceededException(source, "maxTarEntries", limits.maxTarEntries(), index);
        }
        String path = e.getName();
        if (path.length() > limits.maxPathLength()) {
          throw new LimitExceededException(source, "maxPathLength", limits.maxPathLength(),
              path.length());
        }
        if (e.getSize() > limits.maxTarEntryBytes()) {
          throw new LimitExceededException(source, "maxTarEntryBytes", limits.maxTarEntryBytes(),
              e.getSize());
        }
        TarEntryInfo info = new TarEntryInfo(path, typeOf(e), e.isFile() ? e.getSize() : 0,
            e.getMode(), e.isSymbolicLink() || e.isLink() ? e.getLinkName() : "");
        entries.add(info);
        checkPath(info, paths, tops);
        if (info.type() != TarEntryInfo.Type.FILE) {
          continue;
        }
        String rel = relative(path);
        if (rel.equals("package.json") && manifest == null) {
          byte[] bytes = readEntry(tar, e);
          try {
            manifest = PackageJson.read(new ByteArrayInputStream(bytes), source + "!" + path, limits);
            manifestPath = path;
          } catch (InvalidInputException bad) {
            add(FindingCategory.MANIFEST, Severity.HIGH, "manifest-unreadable",
                "package.json cannot be read", bad.reason(), path, 0, "");
          }
          continue;
        }
        if (rel.equals("binding.gyp")) {
          bindingGyp = true;
        }
        String lower = rel.toLowerCase(Locale.ROOT);
        boolean addon = lower.endsWith(".node");
        if (addon) {
          add(FindingCategory.NATIVE_CODE, Severity.LOW, "native-addon:" + rel,
              "native Node.js addon " + SupplyChainException.quote(rel), "", path, 0, "");
        }
        byte[] bytes;
        if (e.getSize() <= TEXT_SCAN_MAX) {
          bytes = tar.readNBytes((int) e.getSize());
        } else {
          bytes = new byte[SNIFF];
          bytes = java.util.Arrays.copyOf(bytes, tar.readNBytes(bytes, 0, SNIFF));
          add(FindingCategory.UNSCANNED, Severity.INFO, "too-large-to-scan:" + rel,
              "file larger than " + (TEXT_SCAN_MAX >> 20) + " MiB not scanned for secrets: "
                  + SupplyChainException.quote(rel), "", path, 0, "");
        }
        String kind = !addon && bytes.length >= SNIFF ? binaryKind(bytes) : null;
        if (kind != null) {
          add(FindingCategory.NATIVE_CODE, Severity.LOW, "binary:" + rel,
              kind + " executable " + SupplyChainException.quote(rel), "", path, 0, "");
        }
        if (!addon && kind == null && e.getSize() <= TEXT_SCAN_MAX && isText(bytes)) {
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          for (SecretScanner.Hit h : SecretScanner.scan(rel, text)) {
            add(FindingCategory.SECRET, h.severity(), "secret:" + h.kind() + ":" + rel + ":"
                + h.line(), h.kind().replace('-', ' ') + " in " + SupplyChainException.quote(rel),
                "", path, h.line(), h.excerpt());
          }
          if (isLicenseName(lower) || text.contains("SPDX-License-Identifier")) {
            licenseFiles.add(new TextFile(rel, new String(bytes, StandardCharsets.UTF_8)));
          }
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
    String name = manifest == null ? "" : manifest.name();
    String version = manifest == null ? "" : manifest.version();
    if (manifest == null) {
      add(FindingCategory.MANIFEST, Severity.HIGH, "manifest-missing",
          "no package.json at the package root", "", "", 0, "");
    }
    if (tops.size() > 1) {
      add(FindingCategory.PATH_SAFETY, Severity.MODERATE, "multiple-roots",
          "entries outside a single top folder: " + String.join(", ", tops.stream().sorted().toList()),
          "npm unpacks every entry one folder down; entries in other folders land elsewhere", "", 0,
          "");
    }
    Map<String, String> scripts = manifest == null ? Map.of() : manifest.scripts();
    for (Map.Entry<String, String> s : scripts.entrySet()) {
      if (INSTALL_SCRIPTS.contains(s.getKey())) {
        add(FindingCategory.INSTALL_SCRIPT, Severity.MODERATE, "install-script:" + s.getKey(),
            s.getKey() + " script runs on install", "", manifestPath, 0,
            dev.tollgate.core.internal.Redactor.redact(truncate(s.getValue())));
      }
    }
    if (bindingGyp && !scripts.containsKey("install") && !scripts.containsKey("preinstall")) {
      add(FindingCategory.INSTALL_SCRIPT, Severity.MODERATE, "install-script:node-gyp",
          "binding.gyp makes npm run node-gyp rebuild on install", "", "binding.gyp", 0,
          "node-gyp rebuild");
    }
    checkIntegrity(sha512, sha1);
    List<Finding> findings = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      findings.add(p.toFinding(name, version));
    }
    return new PackageInspection(source, sha512, sha1, raw.count, inflated.count, entries, name,
        version, scripts, manifest == null ? "" : manifest.license(), licenseFiles, findings);
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

  private byte[] readEntry(TarArchiveInputStream tar, TarArchiveEntry e) throws IOException {
    long max = Math.min(limits.maxDocumentBytes(), limits.maxTarEntryBytes());
    if (e.getSize() > max) {
      throw new LimitExceededException(source + "!" + e.getName(), "maxDocumentBytes", max,
          e.getSize());
    }
    return tar.readNBytes((int) e.getSize());
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

  /** The path below the top folder ("package/lib/x.js" gives "lib/x.js"). */
  private static String relative(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private void checkPath(TarEntryInfo info, Set<String> paths, Set<String> tops) {
    String path = info.path();
    String shown = SupplyChainException.quote(path);
    if (path.indexOf('\0') >= 0) {
      add(FindingCategory.PATH_SAFETY, Severity.HIGH, "nul:" + path, "entry name contains NUL: "
          + shown, "", path, 0, "");
    }
    if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':')) {
      add(FindingCategory.PATH_SAFETY, Severity.HIGH, "absolute:" + path,
          "absolute entry path " + shown, "", path, 0, "");
    }
    if (path.indexOf('\\') >= 0) {
      add(FindingCategory.PATH_SAFETY, Severity.MODERATE, "backslash:" + path,
          "entry path contains a backslash: " + shown, "on Windows it is a folder separator", path,
          0, "");
    }
    String rel = relative(path);
    if (escapes(rel)) {
      add(FindingCategory.PATH_SAFETY, Severity.HIGH, "traversal:" + path,
          "entry path leaves the package folder: " + shown, "", path, 0, "");
    }
    String normal = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (!paths.add(normal) && info.type() != TarEntryInfo.Type.DIRECTORY) {
      add(FindingCategory.PATH_SAFETY, Severity.MODERATE, "duplicate:" + path,
          "duplicate entry " + shown, "a later entry silently replaces an earlier one", path, 0, "");
    }
    int slash = normal.indexOf('/');
    tops.add(slash < 0 ? (info.type() == TarEntryInfo.Type.DIRECTORY ? normal : "(root)")
        : normal.substring(0, slash));
    switch (info.type()) {
      case SYMLINK, HARDLINK -> {
        String target = info.linkTarget();
        boolean symlink = info.type() == TarEntryInfo.Type.SYMLINK;
        String kind = symlink ? "symlink" : "hardlink";
        boolean escapesRoot;
        if (symlink) {
          String relNormal = rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
          String parent = relNormal.contains("/")
              ? relNormal.substring(0, relNormal.lastIndexOf('/')) : "";
          escapesRoot = target.startsWith("/") || escapes(parent.isEmpty() ? target
              : parent + "/" + target);
        } else {
          escapesRoot = target.startsWith("/") || escapes(relative(target));
        }
        add(FindingCategory.PATH_SAFETY, escapesRoot ? Severity.HIGH : Severity.LOW,
            kind + ":" + path, kind + " " + shown + " -> " + SupplyChainException.quote(target)
                + (escapesRoot ? " escapes the package folder" : ""),
            "npm does not unpack links", path, 0, "");
      }
      case CHARACTER_DEVICE, BLOCK_DEVICE, FIFO -> add(FindingCategory.PATH_SAFETY, Severity.HIGH,
          "device:" + path, info.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " entry " + shown, "", path, 0, "");
      case OTHER -> add(FindingCategory.UNSCANNED, Severity.MODERATE, "entry-type:" + path,
          "entry of an unsupported type (sparse or vendor-specific) " + shown, "", path, 0, "");
      default -> {
        // files and folders need nothing more
      }
    }
  }

  /** Whether a relative path climbs above the package's top folder. */
  static boolean escapes(String path) {
    int depth = 0;
    for (String seg : path.replace('\\', '/').split("/", -1)) {
      if (seg.equals("..")) {
        depth--;
        if (depth < 0) {
          return true;
        }
      } else if (!seg.isEmpty() && !seg.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  /** Whether content looks like text: no NUL byte in its first 8,000 bytes. */
  static boolean isText(byte[] bytes) {
    int n = Math.min(bytes.length, 8000);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /** LICENSE, LICENCE, COPYING, NOTICE, UNLICENSE files, with any extension, at any depth. */
  static boolean isLicenseName(String lowerPath) {
    String base = lowerPath.substring(lowerPath.lastIndexOf('/') + 1);
    return base.startsWith("license") || base.startsWith("licence") || base.startsWith("copying")
        || base.startsWith("notice") || base.startsWith("unlicense") || base.endsWith("-license")
        || base.endsWith(".license") || base.startsWith("license-");
  }

  private static String binaryKind(byte[] h) {
    if (h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F') {
      return "ELF";
    }
    int be = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    if (be == 0xfeedface || be == 0xfeedfacf || be == 0xcefaedfe || be == 0xcffaedfe) {
      return "Mach-O";
    }
    if (be == 0xcafebabe) {
      return "Mach-O universal";
    }
    if (h[0] == 'M' && h[1] == 'Z') {
      return "PE";
    }
    return null;
  }

  private void checkIntegrity(String sha512, String sha1) {
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
      add(FindingCategory.INTEGRITY, Severity.MODERATE, "integrity-unsupported",
          "the claimed integrity uses no supported algorithm (sha512, sha1)",
          truncate(expectedIntegrity), "", 0, "");
      return;
    }
    add(FindingCategory.INTEGRITY, Severity.CRITICAL, "integrity-mismatch",
        "tarball does not match its claimed integrity",
        "claimed " + truncate(expectedIntegrity) + ", actual " + sha512, "", 0, "");
  }

  private static String truncate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private void add(FindingCategory category, Severity severity, String key, String title,
      String detail, String file, int line, String excerpt) {
    pending.add(new Pending(category, severity, key, title, detail, file, line, excerpt));
  }

  /** A finding seen before the manifest (and so the package's name) is known. */
  private record Pending(FindingCategory category, Severity severity, String key, String title,
      String detail, String file, int line, String excerpt) {
    Finding toFinding(String name, String version) {
      List<Evidence> ev = file.isEmpty() && excerpt.isEmpty() ? List.of()
          : List.of(new Evidence(SupplyChainException.quote(file).replace("\"", ""), line, excerpt));
      String id = category.id() + ":" + (name.isEmpty() ? "" : name + "@" + version + ":")
          + SupplyChainException.quote(key).replace("\"", "");
      return new Finding(id, category, severity, name, version, title, detail, List.of(), ev,
          List.of(), Fix.none());
    }
  }
}
