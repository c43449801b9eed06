package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import dev.tollgate.core.internal.io.BoundedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads yarn berry lockfiles ({@code __metadata} version 4 to 10: yarn 2.x to 4.x). The YAML
 * subset yarn writes is read with a hand-written streaming reader (several times faster than a
 * general YAML parser on large lockfiles); a file using YAML that yarn never writes (flow
 * collections, block scalars, anchors: a hand-edited lockfile) is read again, whole, with Jackson's
 * YAML parser, when it is at most 64 MiB. Sequences are refused.
 *
 * <p>Entries have comma-separated descriptor keys ({@code a@npm:^1.0.0, a@npm:^1.1.0}) and the
 * fields {@code version}, {@code resolution}, {@code dependencies}, {@code peerDependencies},
 * {@code dependenciesMeta}, {@code peerDependenciesMeta}, {@code bin}, {@code checksum},
 * {@code conditions}, {@code languageName} and {@code linkType}. Dependency specs without a
 * protocol (lockfile versions before 8) get yarn's default {@code npm:} protocol when looked up.
 *
 * <p>Sources by protocol: {@code npm:} registry (resolved URL empty, yarn does not record it);
 * {@code patch:} the patched package's source (a patch other than yarn's built-in compatibility
 * patches marks the node unscanned, naming the patch); {@code workspace:} the root and workspace
 * nodes; {@code portal:} and {@code link:} a local directory, or a link when it points at a
 * workspace; {@code file:} a local tarball or directory; git URLs, {@code github:} and
 * {@code #commit=} references git; other {@code http(s)} URLs remote tarballs. Locations are
 * described in {@link YarnGraph}: workspaces use their folder, other packages their
 * {@code resolution}.
 *
 * <p>Integrity: berry's {@code checksum} is the SHA-512 of yarn's own cache archive, not of the
 * registry tarball, so it is kept prefixed as {@code yarn-berry:<cacheKey>/<hex>} (the cache key
 * is the one the lockfile declares when the checksum does not carry it), never confused with an
 * SRI value.
 *
 * <p>Workspace entries mix dev and production dependencies: they are told apart with the
 * workspaces' {@code package.json} files when {@link ProjectFiles} has them; otherwise they are all
 * production and the {@link Lockfile} carries a warning.
 *
 * <p>Immutable and thread-safe.
 */
public final class YarnBerryLockReader implements LockfileReader {

  /** The lowest {@code __metadata.version} read (yarn 2.0). */
  static final int MIN_VERSION = 4;
  /** The highest {@code __metadata.version} read (yarn 4.x). */
  static final int MAX_VERSION = 10;

  /** The largest document re-read with the general YAML parser. */
  static final int FALLBACK_MAX_BYTES = 64 * 1024 * 1024;

  /** Creates a reader. */
  public YarnBerryLockReader() {
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the syntax is wrong, {@code __metadata} is missing, or its
   *     version is not 4 to 10
   * @throws LimitExceededException if a limit is exceeded
   */
  @Override
  public Lockfile read(String source, InputStream in, ProjectFiles project, Limits limits)
      throws IOException {
    Recording recorded = new Recording(
        new BoundedInputStream(in, source, "maxDocumentBytes", limits.maxDocumentBytes()));
    InputStreamReader reader = new InputStreamReader(recorded, StandardCharsets.UTF_8);
    YarnLockLexer lexer = new YarnLockLexer(reader, source, limits, true);
    try {
      return read(source, lexer::next, project, limits);
    } catch (YarnLockLexer.Unsupported u) {
      if (recorded.overflow) {
        throw new InvalidInputException(source, u.line, u.column, "unsupported YAML: "
            + u.getMessage() + " in a lockfile too large for the general YAML parser; yarn.lock "
            + "files hold plain mappings and scalars; see docs/errors.md#malformed-lockfile");
      }
      recorded.drain();
      List<YarnLockLexer.Item> items = YarnYamlFallback.read(recorded.bytes(), source, limits);
      java.util.Iterator<YarnLockLexer.Item> it = items.iterator();
      return read(source, () -> it.hasNext() ? it.next() : null, project, limits);
    }
  }

  /** A source of top-level items. */
  private interface Items {
    YarnLockLexer.Item next() throws IOException;
  }

  private Lockfile read(String source, Items items, ProjectFiles project, Limits limits)
      throws IOException {
    List<YarnEntry> entries = new ArrayList<>();
    String version = null;
    String cacheKey = "";
    YarnLockLexer.Item item;
    while ((item = items.next()) != null) {
      String key = item.keys().get(0);
      if (key.equals("__metadata")) {
        if (version != null) {
          throw new InvalidInputException(source, item.line(), item.column(),
              "second __metadata; see docs/errors.md#malformed-lockfile");
        }
        if (!(item.value() instanceof Map<?, ?> meta)) {
          throw new InvalidInputException(source, item.line(), item.column(),
              "__metadata must be a mapping; see docs/errors.md#malformed-lockfile");
        }
        Object v = meta.get("version");
        version = v instanceof String s ? s : "";
        checkVersion(source, item, version);
        Object ck = meta.get("cacheKey");
        cacheKey = ck instanceof String s ? s : "";
        continue;
      }
      if (version == null) {
        throw new InvalidInputException(source, item.line(), item.column(),
            "entry before __metadata: a yarn berry lockfile starts with __metadata (version, "
                + "cacheKey); see docs/errors.md#malformed-lockfile");
      }
      if (entries.size() >= limits.maxEntries()) {
        throw new LimitExceededException(source, "maxEntries", limits.maxEntries(),
            entries.size() + 1L);
      }
      entries.add(entry(source, item, cacheKey));
    }
    if (version == null) {
      throw new InvalidInputException(source, 1, 1, "yarn berry lockfile without __metadata: "
          + "unsupported yarn lockfile version; see docs/errors.md#unsupported-lockfile-version");
    }
    YarnGraph g = new YarnGraph(source, true, entries, project, limits);
    return new Lockfile(source, LockfileFormat.YARN_BERRY, version, g.build(), g.warnings());
  }

  /** Keeps a copy of the bytes read, up to {@link #FALLBACK_MAX_BYTES}. */
  private static final class Recording extends java.io.FilterInputStream {
    private final java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
    boolean overflow;

    Recording(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        keep(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        keep(b, off, n);
      }
      return n;
    }

    private void keep(byte[] b, int off, int n) {
      if (overflow) {
        return;
      }
      if (copy.size() + (long) n > FALLBACK_MAX_BYTES) {
        overflow = true;
        copy.reset();
        return;
      }
      copy.write(b, off, n);
    }

    void drain() throws IOException {
      byte[] buf = new byte[1 << 16];
      while (!overflow && read(buf, 0, buf.length) >= 0) {
        // keep reading: the copy holds the document
      }
    }

    byte[] bytes() {
      return copy.toByteArray();
    }
  }

  private static void checkVersion(String source, YarnLockLexer.Item item, String version) {
    int v = -1;
    if (!version.isEmpty() && version.length() < 6 && version.chars().allMatch(Character::isDigit)) {
      v = Integer.parseInt(version);
    }
    if (v < MIN_VERSION || v > MAX_VERSION) {
      throw new InvalidInputException(source, item.line(), item.column(),
          "unsupported yarn berry lockfile __metadata version " + SupplyChainException.quote(
              version) + ": expected " + MIN_VERSION + " to " + MAX_VERSION + " (yarn 2 to 4); "
              + "see docs/errors.md#unsupported-lockfile-version");
    }
  }

  private static YarnEntry entry(String source, YarnLockLexer.Item item, String cacheKey) {
    String key = item.keys().get(0);
    if (!(item.value() instanceof Map<?, ?> map)) {
      throw new InvalidInputException(source, item.line(), item.column(), "entry "
          + SupplyChainException.quote(key) + " must be a mapping of fields; see "
          + "docs/errors.md#malformed-lockfile");
    }
    List<String> descriptors = new ArrayList<>(2);
    int start = 0;
    while (start <= key.length()) {
      int comma = key.indexOf(',', start);
      int end = comma < 0 ? key.length() : comma;
      String d = key.substring(start, end).strip();
      if (!d.isEmpty()) {
        descriptors.add(d);
      }
      start = end + 1;
    }
    if (descriptors.isEmpty()) {
      throw new InvalidInputException(source, item.line(), item.column(),
          "entry with an empty key; see docs/errors.md#malformed-lockfile");
    }
    YarnEntry e = new YarnEntry(List.copyOf(descriptors), item.line(), item.column());
    for (Map.Entry<?, ?> f : map.entrySet()) {
      String k = (String) f.getKey();
      Object v = f.getValue();
      switch (k) {
        case "version" -> e.version = YarnClassicLockReader.text(source, item, k, v);
        case "resolution" -> e.resolved = YarnClassicLockReader.text(source, item, k, v);
        case "checksum" -> {
          String c = YarnClassicLockReader.text(source, item, k, v);
          e.integrity = c.isEmpty() ? "" : c.indexOf('/') >= 0 || cacheKey.isEmpty()
              ? "yarn-berry:" + c : "yarn-berry:" + cacheKey + "/" + c;
        }
        case "linkType" -> e.linkType = YarnClassicLockReader.text(source, item, k, v);
        case "conditions" -> e.conditions = YarnClassicLockReader.text(source, item, k, v);
        case "dependencies" -> e.dependencies = YarnClassicLockReader.strings(source, item, k, v);
        case "peerDependencies" ->
            e.peerDependencies = YarnClassicLockReader.strings(source, item, k, v);
        case "dependenciesMeta" -> e.optionalNames = optional(source, item, k, v);
        case "peerDependenciesMeta" -> e.optionalPeers = optional(source, item, k, v);
        default -> {
          // bin, languageName and unknown fields carry nothing for the graph
        }
      }
    }
    if (e.resolved.isEmpty()) {
      throw new InvalidInputException(source, item.line(), item.column(), "entry "
          + SupplyChainException.quote(key) + " has no resolution; see "
          + "docs/errors.md#malformed-lockfile");
    }
    return e;
  }

  /** Names whose meta says {@code optional: true}; keys may be {@code name} or {@code name@range}. */
  private static Set<String> optional(String source, YarnLockLexer.Item item, String key,
      Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new InvalidInputException(source, item.line(), item.column(), "field "
          + SupplyChainException.quote(key) + " must be a mapping; see "
          + "docs/errors.md#malformed-lockfile");
    }
    Set<String> out = new HashSet<>();
    for (Map.Entry<?, ?> d : m.entrySet()) {
      if (d.getValue() instanceof Map<?, ?> meta && "true".equals(meta.get("optional"))) {
        String name = (String) d.getKey();
        int at = YarnEntry.split(name);
        out.add(at > 0 ? name.substring(0, at) : name);
      }
    }
    return out.isEmpty() ? Set.of() : Set.copyOf(out);
  }
}
