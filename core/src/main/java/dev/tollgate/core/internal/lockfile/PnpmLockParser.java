package dev.tollgate.core.internal.lockfile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.internal.io.BoundedInputStream;
import dev.tollgate.core.internal.io.JsonSupport;
import java.io.IOException;
import java.io.FilterReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One streaming pass over a {@code pnpm-lock.yaml} into a small raw model (importers, package
 * entries, snapshots); no tree of the whole document is built and parts the reader does not use are
 * skipped token by token.
 *
 * <p>Hostile input: the byte count is bounded by {@link Limits#maxDocumentBytes()} (and SnakeYAML's
 * code point limit is raised to it, its 3 MiB default being too small for big lockfiles), nesting by
 * {@link Limits#maxJsonDepth()} (counted here, without recursion), each key and scalar by
 * {@link Limits#maxStringLength()}, the entries of each section by {@link Limits#maxEntries()} and
 * the dependency entries in all by eight times that. Runs of characters without a blank are bounded
 * by {@link #MAX_RUN} (reported as {@code maxStringLength}) before SnakeYAML sees them, because its
 * scanner is quadratic in their length. YAML aliases are refused (pnpm never writes
 * them, and refusing them removes alias expansion bombs altogether); SnakeYAML's own alias budget is
 * set low as a second guard.
 *
 * <p>Not thread-safe; confine to one thread (one instance per read).
 */
final class PnpmLockParser {

  /** Anchor for malformed content. */
  static final String MALFORMED = "see docs/errors.md#malformed-lockfile";

  /** A dependency: the range as written ({@code specifier}, possibly empty) and the locked ref. */
  record Dep(String specifier, String ref) {
  }

  /** One importer: the project root or a workspace. */
  static final class Importer {
    final String path;
    final long line;
    final long column;
    final Map<String, String> specifiers = new HashMap<>();
    /** Index 0 dependencies, 1 devDependencies, 2 optionalDependencies. */
    @SuppressWarnings("unchecked")
    final Map<String, Dep>[] sections = new Map[] {
        new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>()};

    Importer(String path, long line, long column) {
      this.path = path;
      this.line = line;
      this.column = column;
    }
  }

  /** A {@code resolution} object. */
  static final class Resolution {
    String integrity = "";
    String tarball;
    String type;
    String repo;
    String commit;
    String directory;
    String path;
  }

  /** A {@code packages} or {@code snapshots} entry. */
  static final class Entry {
    final String key;
    final long line;
    final long column;
    Resolution resolution;
    String name;
    String version;
    String license;
    Map<String, String> dependencies = Map.of();
    Map<String, String> optionalDependencies = Map.of();
    Map<String, String> peerDependencies = Map.of();
    Set<String> optionalPeers = Set.of();
    Map<String, String> engines = Map.of();
    List<String> os = List.of();
    List<String> cpu = List.of();
    /** Recorded {@code dev}: TRUE, FALSE or null when absent. */
    Boolean dev;
    boolean optional;
    boolean requiresBuild;

    Entry(String key, long line, long column) {
      this.key = key;
      this.line = line;
      this.column = column;
    }
  }

  /** One YAML document of a lockfile. */
  static final class Doc {
    String lockfileVersion;
    long versionLine;
    long versionColumn;
    /** Root-level sections (lockfile 5/6 without workspaces), or null when absent. */
    Importer rootLevel;
    final Map<String, Importer> importers = new LinkedHashMap<>();
    final Map<String, Entry> packages = new LinkedHashMap<>();
    final Map<String, Entry> snapshots = new LinkedHashMap<>();
  }

  private final String source;
  private final Limits limits;
  private final JsonParser p;
  private int depth;
  private long depEntries;

  private PnpmLockParser(String source, Limits limits, JsonParser p) {
    this.source = source;
    this.limits = limits;
    this.p = p;
  }

  /**
   * Creates the YAML factory for the limits.
   *
   * @param limits the limits
   * @return a factory
   */
  static YAMLFactory factory(Limits limits) {
    LoaderOptions lo = new LoaderOptions();
    lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxDocumentBytes()));
    lo.setNestingDepthLimit(limits.maxJsonDepth());
    lo.setMaxAliasesForCollections(10);
    lo.setAllowRecursiveKeys(false);
    lo.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(lo)
        .streamReadConstraints(JsonSupport.constraints(limits))
        .disable(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES)
        .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .build();
  }

  /**
   * Reads the lockfile's main document: the last of the stream (pnpm 10 may put an environment
   * document before it).
   *
   * @param factory the factory from {@link #factory(Limits)}
   * @param source the source name
   * @param in the bytes
   * @param limits the limits
   * @return the main document
   * @throws IOException if reading fails
   * @throws InvalidInputException if the YAML or its shape is malformed
   * @throws LimitExceededException if a limit is exceeded
   */
  static Doc parse(YAMLFactory factory, String source, InputStream in, Limits limits)
      throws IOException {
    InputStream bounded = new BoundedInputStream(in, source, "maxDocumentBytes",
        limits.maxDocumentBytes());
    Reader reader = new RunBoundedReader(new InputStreamReader(bounded, StandardCharsets.UTF_8),
        source, Math.min(limits.maxStringLength(), MAX_RUN));
    try (JsonParser p = factory.createParser(reader)) {
      return new PnpmLockParser(source, limits, p).documents();
    } catch (StreamConstraintsException e) {
      throw JsonSupport.translate(source, e, limits);
    } catch (JsonProcessingException e) {
      throw translate(source, e, limits);
    }
  }

  /**
   * The longest run of characters without a space, tab or line break. SnakeYAML's scanner copies
   * its whole look-ahead window for every 1 Ki characters it reads while scanning such a run, so its
   * cost grows with the square of the run's length (4 Mi characters cost seconds, 16 Mi minutes).
   * No real lockfile comes close: its longest runs are keys with peer suffixes, a few Ki.
   */
  static final int MAX_RUN = 1 << 16;

  /** Refuses runs of non-blank characters longer than a bound, as {@code maxStringLength}. */
  private static final class RunBoundedReader extends FilterReader {
    private final String source;
    private final int max;
    private int run;

    RunBoundedReader(Reader in, String source, int max) {
      super(in);
      this.source = source;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        check((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      for (int i = off; i < off + n; i++) {
        check(buf[i]);
      }
      return n;
    }

    private void check(char c) {
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        run = 0;
      } else if (++run > max) {
        throw new LimitExceededException(source, "maxStringLength", max, run);
      }
    }
  }

  private static RuntimeException translate(String source, JsonProcessingException e,
      Limits limits) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("exceeds the limit") && m.contains("code points")) {
      return new LimitExceededException(source, "maxDocumentBytes", limits.maxDocumentBytes(),
          limits.maxDocumentBytes() + 1L);
    }
    if (m.contains("Nesting Depth exceeded")) {
      return new LimitExceededException(source, "maxJsonDepth", limits.maxJsonDepth(),
          limits.maxJsonDepth() + 1L);
    }
    JsonLocation loc = e.getLocation();
    long line = loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    long col = loc == null || loc.getColumnNr() < 0 ? 0 : loc.getColumnNr();
    if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
      m = y.getContext() == null ? y.getProblem() : y.getContext() + ": " + y.getProblem();
      Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
      if (mark != null) {
        line = mark.getLine() + 1L;
        col = mark.getColumn() + 1L;
      }
    }
    String first = m.strip();
    int nl = first.indexOf('\n');
    if (nl >= 0) {
      first = first.substring(0, nl).strip();
    }
    return new InvalidInputException(source, line, col, "malformed YAML: "
        + SupplyChainException.quote(first) + "; fix or regenerate the lockfile with pnpm; "
        + MALFORMED, e);
  }

  // ---- token layer ----

  private JsonToken next() throws IOException {
    JsonToken t;
    try {
      t = p.nextToken();
    } catch (JsonProcessingException | SupplyChainException e) {
      throw e;
    } catch (RuntimeException e) {
      // SnakeYAML failures that Jackson does not wrap: still the typed exception
      JsonLocation loc = p.currentLocation();
      throw new InvalidInputException(source, Math.max(0, loc.getLineNr()),
          Math.max(0, loc.getColumnNr()), "malformed YAML: the parser failed with "
          + e.getClass().getSimpleName() + "; fix or regenerate the lockfile with pnpm; "
          + MALFORMED, e);
    }
    if (t == null) {
      return null;
    }
    switch (t) {
      case START_OBJECT, START_ARRAY -> {
        if (++depth > limits.maxJsonDepth()) {
          throw new LimitExceededException(source, "maxJsonDepth", limits.maxJsonDepth(), depth);
        }
      }
      case END_OBJECT, END_ARRAY -> depth--;
      case FIELD_NAME, VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        if (((YAMLParser) p).isCurrentAlias()) {
          throw invalid("YAML alias " + SupplyChainException.quote("*" + p.getText())
              + " is not allowed (pnpm never writes aliases); regenerate the lockfile with pnpm");
        }
        int len = p.getTextLength();
        if (len > limits.maxStringLength()) {
          throw new LimitExceededException(source, "maxStringLength", limits.maxStringLength(),
              len);
        }
      }
      default -> {
        if (((YAMLParser) p).isCurrentAlias()) {
          throw invalid("YAML alias is not allowed (pnpm never writes aliases); regenerate the "
              + "lockfile with pnpm");
        }
      }
    }
    return t;
  }

  InvalidInputException invalid(String reason) {
    return invalidAt(p.currentTokenLocation(), reason);
  }

  private InvalidInputException invalidAt(JsonLocation loc, String reason) {
    return new InvalidInputException(source, Math.max(0, loc.getLineNr()),
        Math.max(0, loc.getColumnNr()), "malformed pnpm lockfile: " + reason + "; " + MALFORMED);
  }

  private static String kind(JsonToken t) {
    if (t == null) {
      return "the end of the document";
    }
    return switch (t) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a sequence";
      case VALUE_NULL -> "an empty value";
      case VALUE_EMBEDDED_OBJECT -> "a binary value";
      default -> "a scalar";
    };
  }

  private void skip(JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return;
    }
    int d = 1;
    while (d > 0) {
      JsonToken n = next();
      if (n == null) {
        throw invalid("unexpected end of the document");
      }
      if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) {
        d++;
      } else if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) {
        d--;
      }
    }
  }

  /** Returns true when a mapping starts; false for an empty value; throws otherwise. */
  private boolean mapping(JsonToken t, String what) {
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw invalid("expected a mapping for " + what + ", found " + kind(t));
  }

  /** Moves to the next key of the current mapping; null at its end. */
  private String nextKey() throws IOException {
    JsonToken t = next();
    if (t == JsonToken.FIELD_NAME) {
      return p.currentName();
    }
    if (t == JsonToken.END_OBJECT) {
      return null;
    }
    throw invalid("expected a key, found " + kind(t));
  }

  private String scalar(JsonToken t, String what) throws IOException {
    if (t == null) {
      throw invalid("unexpected end of the document");
    }
    return switch (t) {
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          p.getText();
      case VALUE_NULL -> "";
      default -> throw invalid("expected a scalar for " + what + ", found " + kind(t));
    };
  }

  private boolean bool(JsonToken t, String what) throws IOException {
    String s = scalar(t, what);
    return s.equals("true");
  }

  private void countDep() {
    if (++depEntries > 8L * limits.maxEntries()) {
      throw new LimitExceededException(source, "maxEntries", limits.maxEntries(),
          depEntries / 8);
    }
  }

  private Map<String, String> stringMap(JsonToken t, String what) throws IOException {
    if (!mapping(t, what)) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String k = nextKey(); k != null; k = nextKey()) {
      countDep();
      String v = scalar(next(), what + " " + SupplyChainException.quote(k));
      if (out.put(k, v) != null) {
        throw invalid("duplicate key " + SupplyChainException.quote(k) + " in " + what);
      }
    }
    return out;
  }

  private List<String> stringList(JsonToken t, String what) throws IOException {
    if (t == JsonToken.START_ARRAY) {
      List<String> out = new ArrayList<>(2);
      for (JsonToken n = next(); n != JsonToken.END_ARRAY; n = next()) {
        out.add(scalar(n, what));
      }
      return out;
    }
    String s = scalar(t, what);
    return s.isEmpty() ? List.of() : List.of(s);
  }

  // ---- document layer ----

  private Doc documents() throws IOException {
    Doc last = null;
    for (JsonToken t = next(); t != null; t = next()) {
      if (t != JsonToken.START_OBJECT) {
        throw invalid("expected a mapping at the top of the document, found " + kind(t));
      }
      last = document();
    }
    if (last == null) {
      throw new InvalidInputException(source, 1, 1, "malformed pnpm lockfile: the document is "
          + "empty, expected lockfileVersion, importers and packages; " + MALFORMED);
    }
    return last;
  }

  private Doc document() throws IOException {
    Doc d = new Doc();
    for (String k = nextKey(); k != null; k = nextKey()) {
      JsonLocation keyLoc = p.currentTokenLocation();
      JsonToken t = next();
      switch (k) {
        case "lockfileVersion" -> {
          d.lockfileVersion = scalar(t, "lockfileVersion");
          d.versionLine = Math.max(0, keyLoc.getLineNr());
          d.versionColumn = Math.max(0, keyLoc.getColumnNr());
        }
        case "importers" -> importers(t, d);
        case "packages" -> entries(t, d.packages, "packages");
        case "snapshots" -> entries(t, d.snapshots, "snapshots");
        case "specifiers", "dependencies", "devDependencies", "optionalDependencies" -> {
          if (d.rootLevel == null) {
            d.rootLevel = new Importer(".", Math.max(0, keyLoc.getLineNr()),
                Math.max(0, keyLoc.getColumnNr()));
          }
          importerField(d.rootLevel, k, t);
        }
        default -> skip(t);
      }
    }
    return d;
  }

  private void importers(JsonToken t, Doc d) throws IOException {
    if (!mapping(t, "importers")) {
      return;
    }
    int count = 0;
    for (String path = nextKey(); path != null; path = nextKey()) {
      if (++count > limits.maxEntries()) {
        throw new LimitExceededException(source, "maxEntries", limits.maxEntries(), count);
      }
      JsonLocation loc = p.currentTokenLocation();
      Importer imp = new Importer(path, Math.max(0, loc.getLineNr()),
          Math.max(0, loc.getColumnNr()));
      if (d.importers.put(path, imp) != null) {
        throw invalid("duplicate importer " + SupplyChainException.quote(path));
      }
      if (mapping(next(), "importer " + SupplyChainException.quote(path))) {
        for (String k = nextKey(); k != null; k = nextKey()) {
          importerField(imp, k, next());
        }
      }
    }
  }

  private void importerField(Importer imp, String k, JsonToken t) throws IOException {
    switch (k) {
      case "specifiers" -> {
        Map<String, String> m = stringMap(t, "specifiers");
        imp.specifiers.putAll(m);
      }
      case "dependencies" -> deps(t, imp.sections[0], "dependencies");
      case "devDependencies" -> deps(t, imp.sections[1], "devDependencies");
      case "optionalDependencies" -> deps(t, imp.sections[2], "optionalDependencies");
      default -> skip(t);
    }
  }

  /** Importer dependencies: {@code name: ref} (5.x) or {@code name: {specifier, version}}. */
  private void deps(JsonToken t, Map<String, Dep> out, String what) throws IOException {
    if (!mapping(t, what)) {
      return;
    }
    for (String name = nextKey(); name != null; name = nextKey()) {
      countDep();
      JsonLocation keyLoc = p.currentTokenLocation();
      JsonToken v = next();
      Dep dep;
      if (v == JsonToken.START_OBJECT) {
        String spec = "";
        String ref = null;
        for (String k = nextKey(); k != null; k = nextKey()) {
          JsonToken f = next();
          switch (k) {
            case "specifier" -> spec = scalar(f, "specifier");
            case "version" -> ref = scalar(f, "version");
            default -> skip(f);
          }
        }
        if (ref == null || ref.isEmpty()) {
          throw invalidAt(keyLoc, "dependency " + SupplyChainException.quote(name) + " in " + what
              + " has no version");
        }
        dep = new Dep(spec, ref);
      } else {
        String ref = scalar(v, what + " " + SupplyChainException.quote(name));
        if (ref.isEmpty()) {
          throw invalidAt(keyLoc, "dependency " + SupplyChainException.quote(name) + " in " + what
              + " has no version");
        }
        dep = new Dep("", ref);
      }
      if (out.put(name, dep) != null) {
        throw invalid("duplicate key " + SupplyChainException.quote(name) + " in " + what);
      }
    }
  }

  private void entries(JsonToken t, Map<String, Entry> out, String what) throws IOException {
    if (!mapping(t, what)) {
      return;
    }
    int count = 0;
    for (String key = nextKey(); key != null; key = nextKey()) {
      if (++count > limits.maxEntries()) {
        throw new LimitExceededException(source, "maxEntries", limits.maxEntries(), count);
      }
      if (key.isEmpty()) {
        throw invalid("empty key in " + what);
      }
      JsonLocation loc = p.currentTokenLocation();
      Entry e = new Entry(key, Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()));
      if (out.put(key, e) != null) {
        throw invalid("duplicate key " + SupplyChainException.quote(key) + " in " + what);
      }
      if (mapping(next(), what + " " + SupplyChainException.quote(key))) {
        entry(e);
      }
    }
  }

  private void entry(Entry e) throws IOException {
    for (String k = nextKey(); k != null; k = nextKey()) {
      JsonToken t = next();
      switch (k) {
        case "resolution" -> e.resolution = resolution(t);
        case "name" -> e.name = scalar(t, "name");
        case "version" -> e.version = scalar(t, "version");
        case "license" -> e.license = scalar(t, "license");
        case "dependencies" -> e.dependencies = stringMap(t, "dependencies");
        case "optionalDependencies" -> e.optionalDependencies =
            stringMap(t, "optionalDependencies");
        case "peerDependencies" -> e.peerDependencies = stringMap(t, "peerDependencies");
        case "peerDependenciesMeta" -> e.optionalPeers = peerMeta(t);
        case "engines" -> e.engines = stringMap(t, "engines");
        case "os" -> e.os = stringList(t, "os");
        case "cpu" -> e.cpu = stringList(t, "cpu");
        case "dev" -> e.dev = bool(t, "dev");
        case "optional" -> e.optional = bool(t, "optional");
        case "requiresBuild" -> e.requiresBuild = bool(t, "requiresBuild");
        default -> skip(t);
      }
    }
  }

  private Resolution resolution(JsonToken t) throws IOException {
    if (!mapping(t, "resolution")) {
      return null;
    }
    Resolution r = new Resolution();
    for (String k = nextKey(); k != null; k = nextKey()) {
      JsonToken v = next();
      switch (k) {
        case "integrity" -> r.integrity = scalar(v, "integrity");
        case "tarball" -> r.tarball = scalar(v, "tarball");
        case "type" -> r.type = scalar(v, "type");
        case "repo" -> r.repo = scalar(v, "repo");
        case "commit" -> r.commit = scalar(v, "commit");
        case "directory" -> r.directory = scalar(v, "directory");
        case "path" -> r.path = scalar(v, "path");
        default -> skip(v);
      }
    }
    return r;
  }

  private Set<String> peerMeta(JsonToken t) throws IOException {
    if (!mapping(t, "peerDependenciesMeta")) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (String name = nextKey(); name != null; name = nextKey()) {
      countDep();
      JsonToken v = next();
      if (!mapping(v, "peerDependenciesMeta " + SupplyChainException.quote(name))) {
        continue;
      }
      for (String k = nextKey(); k != null; k = nextKey()) {
        JsonToken f = next();
        if (k.equals("optional")) {
          if (bool(f, "optional")) {
            out.add(name);
          }
        } else {
          skip(f);
        }
      }
    }
    return out;
  }
}
