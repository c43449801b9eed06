package dev.tollgate.core.internal.lockfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.api.PackageName;
import dev.tollgate.api.PackageSource;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import dev.tollgate.core.internal.io.JsonSupport;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code package-lock.json} and {@code npm-shrinkwrap.json}, lockfileVersion 1, 2 and 3, into
 * the graph npm's Arborist {@code loadVirtual()} builds from the same file.
 *
 * <p>Version 2 and 3 files are read from their {@code packages} map, version 1 files from the nested
 * {@code dependencies} tree (converted as Arborist converts it). The document is streamed with
 * Jackson's {@link JsonParser}; only one small entry is held at a time besides the compact entry
 * list. {@link Limits} bound bytes, depth, strings, entries (and edges, at eight per entry) and
 * location length.
 *
 * <p>Differences from Arborist's own view, by design: a node outside {@code node_modules} (the root,
 * a workspace folder, a link target) is named after its package, not its folder; {@link
 * NodeFlag#DEV_OPTIONAL} is set only when a node is neither dev nor optional (as the lockfile
 * records it).
 *
 * <p>Immutable and thread-safe.
 */
public final class NpmLockReader implements LockfileReader {

  private static final String[] NONE = new String[0];
  private static final String NM = "node_modules/";
  private static final int MAX_BUNDLE_PASSES = 64;

  private final LockfileFormat format;

  /**
   * Creates a reader.
   *
   * @param format {@link LockfileFormat#NPM_PACKAGE_LOCK} or {@link LockfileFormat#NPM_SHRINKWRAP}
   * @throws IllegalArgumentException if the format is not an npm one
   */
  public NpmLockReader(LockfileFormat format) {
    if (format != LockfileFormat.NPM_PACKAGE_LOCK && format != LockfileFormat.NPM_SHRINKWRAP) {
      throw new IllegalArgumentException("not an npm format: " + format);
    }
    this.format = format;
  }

  /**
   * Reads a lockfile.
   *
   * @param source the source name for messages
   * @param in the bytes; not closed
   * @param project the manifests beside the lockfile (root manifest for v1, link targets)
   * @param limits the limits
   * @return the lockfile and its graph
   * @throws IOException if reading fails
   * @throws InvalidInputException if the content is malformed or of an unsupported version
   * @throws LimitExceededException if the content goes over a limit
   */
  @Override
  public Lockfile read(String source, InputStream in, ProjectFiles project, Limits limits)
      throws IOException {
    Doc doc;
    // shared per Limits: canonicalised, not interned (see JsonSupport)
    JsonFactory factory = JsonSupport.factory(limits);
    try (JsonParser p = JsonSupport.open(factory, in, source, limits)) {
      doc = new Parser(source, p, limits).parse();
    } catch (JsonProcessingException e) {
      throw JsonSupport.translate(source, e, limits);
    } catch (IllegalStateException e) {
      // Jackson's symbol table refuses keys crafted to collide
      throw new InvalidInputException(source, 0, 0, "field names collide in Jackson's symbol"
          + " table, which suggests a hash-flooding attack: "
          + SupplyChainException.quote(String.valueOf(e.getMessage()))
          + "; see docs/errors.md#malformed-lockfile", e);
    } catch (CharConversionException e) {
      // Jackson's UTF-16/32 detection found characters that cannot exist
      throw new InvalidInputException(source, 1, 1, "not JSON text in UTF-8, UTF-16 or UTF-32: "
          + SupplyChainException.quote(String.valueOf(e.getMessage()))
          + "; see docs/errors.md#malformed-lockfile", e);
    }
    String v = doc.lockfileVersion;
    if (v == null) {
      v = "1";
    }
    if (!v.equals("1") && !v.equals("2") && !v.equals("3")) {
      throw new InvalidInputException(source, doc.versionLine, doc.versionColumn,
          format.fileName() + " lockfileVersion " + SupplyChainException.quote(v)
              + " is not supported: expected 1, 2 or 3; regenerate the lockfile with npm 7 or"
              + " later; see docs/errors.md#unsupported-lockfile");
    }
    List<String> warnings = new ArrayList<>();
    Graph g;
    if (doc.packages != null) {
      Entry root = doc.packages.get("");
      if (root != null && root.name == null) {
        root.name = doc.name;
      }
      if (root != null && root.version == null) {
        root.version = doc.version;
      }
      g = new Graph(source, doc.packages, false, project, limits, warnings);
    } else {
      g = new Graph(source, fromV1(source, doc, project, limits), true, project, limits, warnings);
    }
    return new Lockfile(source, format, v, g.build(), warnings);
  }

  // ------------------------------------------------------------------------------------- model

  /** One {@code packages} entry (or one converted from a v1 tree entry). */
  static final class Entry {
    String loc;
    long line;
    long col;
    String name;
    String version;
    String resolved;
    String integrity;
    String license;
    boolean link;
    boolean dev;
    boolean optional;
    boolean devOptional;
    boolean peer;
    boolean inBundle;
    boolean extraneous;
    boolean hasInstallScript;
    String[] deps = NONE;
    String[] optDeps = NONE;
    String[] peerDeps = NONE;
    String[] devDeps = NONE;
    String[] peerOptional = NONE;
    List<String> bundled = List.of();
    boolean bundleAll;
    List<String> workspaces = List.of();
    Map<String, String> engines = Map.of();
    List<String> os = List.of();
    List<String> cpu = List.of();
    // v1 only
    String[] requires;
  }

  /** One entry of a v1 {@code dependencies} tree. */
  static final class V1 {
    int parent;
    String name;
    long line;
    long col;
    String version;
    String resolved;
    String integrity;
    String from;
    boolean dev;
    boolean optional;
    boolean bundled;
    String[] requires;
  }

  /** What the parser collected. */
  static final class Doc {
    String name;
    String version;
    String lockfileVersion;
    long versionLine;
    long versionColumn;
    LinkedHashMap<String, Entry> packages;
    List<V1> v1;
    String[] rootRequires;
  }

  // ------------------------------------------------------------------------------------ parser

  /** Streaming parser of one document. */
  private static final class Parser {
    private final String source;
    private final JsonParser p;
    private final Limits limits;
    private int entries;
    private long pairs;

    Parser(String source, JsonParser p, Limits limits) {
      this.source = source;
      this.p = p;
      this.limits = limits;
    }

    Doc parse() throws IOException {
      Doc doc = new Doc();
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw invalid("a package-lock must hold a JSON object");
      }
      boolean deferredV1 = false;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        t = p.nextToken();
        switch (field) {
          case "name" -> doc.name = text(t);
          case "version" -> doc.version = text(t);
          case "lockfileVersion" -> {
            JsonLocation l = p.currentTokenLocation();
            doc.versionLine = Math.max(0, l.getLineNr());
            doc.versionColumn = Math.max(0, l.getColumnNr());
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_STRING) {
              doc.lockfileVersion = p.getText();
            } else {
              doc.lockfileVersion = t.isStructStart() ? "(structure)" : String.valueOf(p.getText());
              skip(t);
            }
          }
          case "packages" -> {
            if (t == JsonToken.START_OBJECT) {
              doc.packages = packages();
            } else {
              skip(t);
            }
          }
          case "requires" -> {
            if (t == JsonToken.START_OBJECT) {
              doc.rootRequires = stringMap();
            } else {
              skip(t);
            }
          }
          case "dependencies" -> {
            boolean modern = doc.packages != null || ("2".equals(doc.lockfileVersion)
                || "3".equals(doc.lockfileVersion));
            if (t == JsonToken.START_OBJECT && !modern) {
              doc.v1 = v1Tree();
            } else {
              deferredV1 |= t == JsonToken.START_OBJECT;
              skip(t);
            }
          }
          default -> skip(t);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw invalid("malformed JSON: expected a field name");
      }
      if (p.nextToken() != null) {
        throw invalid("malformed JSON: content after the top-level object");
      }
      if (doc.packages == null && doc.v1 == null && deferredV1) {
        // a v2/v3 file without packages: cannot happen from npm; read nothing rather than guess
        doc.v1 = List.of();
      }
      if (doc.packages == null && doc.v1 == null) {
        doc.v1 = List.of();
      }
      return doc;
    }

    private InvalidInputException invalid(String reason) {
      JsonLocation l = p.currentTokenLocation();
      return new InvalidInputException(source, Math.max(0, l.getLineNr()),
          Math.max(0, l.getColumnNr()), reason + "; see docs/errors.md#malformed-lockfile");
    }

    private void countEntry() {
      if (++entries > limits.maxEntries()) {
        throw new LimitExceededException(source, "maxEntries", limits.maxEntries(), entries);
      }
    }

    private void countPairs(int n) {
      pairs += n;
      if (pairs > 8L * limits.maxEntries()) {
        throw new LimitExceededException(source, "maxEntries", limits.maxEntries(), pairs / 8 + 1);
      }
    }

    /**
     * Field names come canonicalized from Jackson's symbol table, one instance per distinct name
     * in the document, so names are interned for free; values are short and stay as read.
     */
    private static String intern(String s) {
      return s;
    }

    private void skip(JsonToken t) throws IOException {
      if (t != null && t.isStructStart()) {
        p.skipChildren();
      }
    }

    private String text(JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      skip(t);
      return null;
    }

    private boolean bool(JsonToken t) throws IOException {
      skip(t);
      return t == JsonToken.VALUE_TRUE;
    }

    /** Reads an object of strings, at START_OBJECT, into name/value pairs. */
    private String[] stringMap() throws IOException {
      String[] out = NONE;
      int n = 0;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
          if (n + 2 > out.length) {
            out = Arrays.copyOf(out, Math.max(8, out.length * 2));
          }
          out[n++] = intern(k);
          out[n++] = intern(p.getText());
        } else {
          skip(t);
        }
      }
      countPairs(n / 2);
      return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private Map<String, String> engines(JsonToken t) throws IOException {
      if (t != JsonToken.START_OBJECT) {
        skip(t);
        return Map.of();
      }
      String[] kv = stringMap();
      if (kv.length == 0) {
        return Map.of();
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < kv.length; i += 2) {
        m.put(kv[i], kv[i + 1]);
      }
      return m;
    }

    private List<String> strings(JsonToken t) throws IOException {
      if (t != JsonToken.START_ARRAY) {
        skip(t);
        return List.of();
      }
      List<String> out = new ArrayList<>(4);
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == JsonToken.VALUE_STRING) {
          out.add(intern(p.getText()));
        } else {
          skip(t);
        }
      }
      return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    private String[] optionalPeers(JsonToken t) throws IOException {
      if (t != JsonToken.START_OBJECT) {
        skip(t);
        return NONE;
      }
      List<String> out = new ArrayList<>(2);
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
          boolean opt = false;
          while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            t = p.nextToken();
            if (f.equals("optional")) {
              opt = t == JsonToken.VALUE_TRUE;
            }
            skip(t);
          }
          if (opt) {
            out.add(intern(k));
          }
        } else {
          skip(t);
        }
      }
      return out.toArray(NONE);
    }

    private LinkedHashMap<String, Entry> packages() throws IOException {
      LinkedHashMap<String, Entry> out = new LinkedHashMap<>();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String loc = p.currentName();
        JsonLocation l = p.currentTokenLocation();
        t = p.nextToken();
        countEntry();
        if (loc.length() > limits.maxPathLength()) {
          throw new LimitExceededException(source, "maxPathLength", limits.maxPathLength(),
              loc.length());
        }
        if (t != JsonToken.START_OBJECT) {
          skip(t);
          continue;
        }
        Entry e = entry();
        e.loc = loc;
        e.line = Math.max(0, l.getLineNr());
        e.col = Math.max(0, l.getColumnNr());
        out.put(loc, e);
      }
      return out;
    }

    private Entry entry() throws IOException {
      Entry e = new Entry();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        t = p.nextToken();
        switch (f) {
          case "name" -> {
            String s = text(t);
            e.name = s == null ? null : intern(s);
          }
          case "version" -> {
            String s = text(t);
            e.version = s == null ? null : intern(s);
          }
          case "resolved" -> e.resolved = text(t);
          case "integrity" -> e.integrity = text(t);
          case "license" -> {
            String s = text(t);
            e.license = s == null ? null : intern(s);
          }
          case "link" -> e.link = bool(t);
          case "dev" -> e.dev = bool(t);
          case "optional" -> e.optional = bool(t);
          case "devOptional" -> e.devOptional = bool(t);
          case "peer" -> e.peer = bool(t);
          case "inBundle" -> e.inBundle = bool(t);
          case "extraneous" -> e.extraneous = bool(t);
          case "hasInstallScript" -> e.hasInstallScript = bool(t);
          case "dependencies" -> e.deps = map(t);
          case "optionalDependencies" -> e.optDeps = map(t);
          case "peerDependencies" -> e.peerDeps = map(t);
          case "devDependencies" -> e.devDeps = map(t);
          case "peerDependenciesMeta" -> e.peerOptional = optionalPeers(t);
          case "bundleDependencies", "bundledDependencies" -> {
            if (t == JsonToken.VALUE_TRUE) {
              e.bundleAll = true;
            } else {
              e.bundled = strings(t);
            }
          }
          case "workspaces" -> {
            if (t == JsonToken.START_OBJECT) {
              while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                t = p.nextToken();
                if (k.equals("packages")) {
                  e.workspaces = strings(t);
                } else {
                  skip(t);
                }
              }
            } else {
              e.workspaces = strings(t);
            }
          }
          case "engines" -> e.engines = engines(t);
          case "os" -> e.os = strings(t);
          case "cpu" -> e.cpu = strings(t);
          default -> skip(t);
        }
      }
      return e;
    }

    private String[] map(JsonToken t) throws IOException {
      if (t != JsonToken.START_OBJECT) {
        skip(t);
        return NONE;
      }
      return stringMap();
    }

    /** Reads a v1 tree iteratively, at the START_OBJECT of the top-level dependencies. */
    private List<V1> v1Tree() throws IOException {
      List<V1> out = new ArrayList<>();
      // stack of entry indexes whose "dependencies" object we are in; -1 is the document
      ArrayDeque<int[]> stack = new ArrayDeque<>();
      stack.push(new int[] {-1});
      while (!stack.isEmpty()) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
          // the dependencies map ends: continue the fields of its owner entry
          int owner = stack.pop()[0];
          v1EntryFields(out, owner, stack);
          continue;
        }
        if (t != JsonToken.FIELD_NAME) {
          throw invalid("malformed JSON: expected a field name");
        }
        String name = p.currentName();
        JsonLocation l = p.currentTokenLocation();
        t = p.nextToken();
        countEntry();
        if (t != JsonToken.START_OBJECT) {
          skip(t);
          continue;
        }
        V1 v = new V1();
        v.parent = stack.peek()[0];
        v.name = intern(name);
        v.line = Math.max(0, l.getLineNr());
        v.col = Math.max(0, l.getColumnNr());
        out.add(v);
        v1EntryFields(out, out.size() - 1, stack);
      }
      return out;
    }

    /**
     * Reads fields of a v1 entry until its end or its nested dependencies object. Returns true if
     * it descended (pushed a frame), false at the entry's end. When it ends an entry nested inside
     * a dependencies map, the caller continues with the map.
     */
    private boolean v1EntryFields(List<V1> out, int idx, ArrayDeque<int[]> stack)
        throws IOException {
      if (idx < 0) {
        return false;
      }
      V1 v = out.get(idx);
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        t = p.nextToken();
        switch (f) {
          case "version" -> {
            String s = text(t);
            v.version = s == null ? null : intern(s);
          }
          case "resolved" -> v.resolved = text(t);
          case "integrity" -> v.integrity = text(t);
          case "from" -> v.from = text(t);
          case "dev" -> v.dev = bool(t);
          case "optional" -> v.optional = bool(t);
          case "bundled" -> v.bundled = bool(t);
          case "requires" -> v.requires = t == JsonToken.START_OBJECT ? stringMap() : skipNull(t);
          case "dependencies" -> {
            if (t == JsonToken.START_OBJECT) {
              stack.push(new int[] {idx});
              return true;
            }
            skip(t);
          }
          default -> skip(t);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw invalid("malformed JSON: expected a field name");
      }
      return false;
    }

    private String[] skipNull(JsonToken t) throws IOException {
      skip(t);
      return null;
    }
  }

  // --------------------------------------------------------------------------- v1 conversion

  /** Converts a v1 tree to packages entries, as Arborist's Shrinkwrap does. */
  private static LinkedHashMap<String, Entry> fromV1(String source, Doc doc, ProjectFiles project,
      Limits limits) throws IOException {
    LinkedHashMap<String, Entry> out = new LinkedHashMap<>();
    Entry root = new Entry();
    root.loc = "";
    root.name = doc.name;
    root.version = doc.version;
    Optional<PackageJson> pj = project.manifest("", limits);
    if (pj.isPresent()) {
      applyManifest(root, pj.get());
      if (root.name == null || root.name.isEmpty()) {
        root.name = doc.name;
      }
      if (root.version == null || root.version.isEmpty()) {
        root.version = doc.version;
      }
    }
    out.put("", root);
    List<V1> tree = doc.v1;
    String[] childBase = new String[tree.size()];
    for (int i = 0; i < tree.size(); i++) {
      V1 v = tree.get(i);
      String base = v.parent < 0 ? "" : childBase[v.parent];
      String loc = base + (base.isEmpty() ? "" : "/") + NM + v.name;
      if (loc.length() > limits.maxPathLength()) {
        throw new LimitExceededException(source, "maxPathLength", limits.maxPathLength(),
            loc.length());
      }
      childBase[i] = loc;
      Spec spec = specFromLock(v);
      if (spec.type == SpecType.DIRECTORY) {
        String target = normalize(spec.path);
        Entry link = new Entry();
        link.loc = loc;
        link.line = v.line;
        link.col = v.col;
        link.link = true;
        link.resolved = target;
        out.put(loc, link);
        if (!out.containsKey(target)) {
          Entry te = v1Meta(target, v, new Spec(SpecType.TAG, null, null));
          te.version = null;
          out.put(target, te);
        }
        childBase[i] = target;
        continue;
      }
      out.put(loc, v1Meta(loc, v, spec));
    }
    // Arborist's fixDependencies: requires become typed dependencies
    for (Entry e : out.values()) {
      if (e.requires == null || e.loc.isEmpty()) {
        continue;
      }
      List<String> prod = new ArrayList<>();
      List<String> opt = new ArrayList<>();
      List<String> dev = new ArrayList<>();
      for (int i = 0; i < e.requires.length; i += 2) {
        String name = e.requires[i];
        Entry dep = resolveMeta(out, e.loc, name);
        List<String> into = prod;
        if (dep != null && dep.optional && !e.optional) {
          into = opt;
        } else if (dep != null && dep.dev && !e.dev) {
          into = dev;
        }
        into.add(name);
        into.add(e.requires[i + 1]);
      }
      e.deps = prod.toArray(NONE);
      e.optDeps = opt.toArray(NONE);
      e.devDeps = dev.toArray(NONE);
      e.requires = null;
    }
    return out;
  }

  private static Entry resolveMeta(Map<String, Entry> all, String loc, String name) {
    String path = loc;
    while (true) {
      Entry e = all.get(path + (path.isEmpty() ? "" : "/") + NM + name);
      if (e != null) {
        return e;
      }
      if (path.isEmpty()) {
        return null;
      }
      int slash = path.lastIndexOf('/');
      path = slash < 0 ? "" : path.substring(0, slash);
    }
  }

  private static Entry v1Meta(String loc, V1 v, Spec spec) {
    Entry e = new Entry();
    e.loc = loc;
    e.line = v.line;
    e.col = v.col;
    e.requires = v.requires;
    e.optional = v.optional;
    e.dev = v.dev;
    e.integrity = v.integrity;
    if (v.version != null && v.integrity == null) {
      if (spec.type == SpecType.GIT) {
        e.resolved = spec.path;
        return e;
      } else if (spec.registry()) {
        e.version = v.version;
      }
    }
    if (v.resolved != null || (spec.type != null && !spec.registry())) {
      if (spec.registry()) {
        e.resolved = v.resolved;
      } else if (spec.type == SpecType.FILE) {
        e.resolved = "file:" + normalize(spec.path);
      } else if (spec.path != null) {
        e.resolved = spec.path;
      }
    }
    if (e.version == null) {
      if (spec.type == SpecType.FILE || spec.type == SpecType.REMOTE) {
        String ver = versionFromTgz(v.name, spec.path);
        if (ver == null) {
          ver = versionFromTgz(v.name, e.resolved);
        }
        e.version = ver;
      } else if (spec.type == SpecType.ALIAS) {
        e.name = spec.aliasName;
        e.version = spec.path;
      } else if (spec.type == SpecType.VERSION) {
        e.version = spec.path;
      }
    }
    e.inBundle = v.bundled;
    return e;
  }

  private static String versionFromTgz(String name, String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    String u = q >= 0 ? url.substring(0, q) : url;
    int hash = u.indexOf('#');
    u = hash >= 0 ? u.substring(0, hash) : u;
    String file = u.substring(u.lastIndexOf('/') + 1);
    String lower = file.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".tgz")) {
      file = file.substring(0, file.length() - 4);
    } else if (lower.endsWith(".tar.gz")) {
      file = file.substring(0, file.length() - 7);
    } else if (lower.endsWith(".tar")) {
      file = file.substring(0, file.length() - 4);
    } else {
      return null;
    }
    String bare = name.startsWith("@") && name.indexOf('/') > 0
        ? name.substring(name.indexOf('/') + 1) : name;
    if (file.startsWith(bare + "-") && file.length() > bare.length() + 1) {
      String ver = file.substring(bare.length() + 1);
      return Character.isDigit(ver.charAt(0)) ? ver : null;
    }
    return null;
  }

  enum SpecType { VERSION, RANGE, TAG, ALIAS, GIT, REMOTE, FILE, DIRECTORY }

  /** A classified v1 spec: type, the fetch spec (path, URL, version) and an alias's real name. */
  record Spec(SpecType type, String path, String aliasName) {
    boolean registry() {
      return type == SpecType.VERSION || type == SpecType.RANGE || type == SpecType.TAG
          || type == SpecType.ALIAS;
    }
  }

  /** Arborist's spec-from-lock. */
  private static Spec specFromLock(V1 v) {
    if (v.version != null) {
      Spec s = classify(v.version);
      if (v.integrity != null || s.type == SpecType.GIT) {
        return s;
      }
    }
    if (v.from != null) {
      String from = v.from;
      int at = from.indexOf('@', from.startsWith("@") ? 1 : 0);
      Spec s = classify(at > 0 && from.substring(0, at).equals(v.name)
          ? from.substring(at + 1) : from);
      if (s.registry() && v.version != null) {
        return classify(v.version);
      } else if (v.resolved == null) {
        return s;
      }
    }
    if (v.resolved != null) {
      return classify(v.resolved);
    }
    return classify(v.version == null ? "" : v.version);
  }

  /** An npm-package-arg style classification of a spec string. */
  static Spec classify(String spec) {
    String s = spec.strip();
    if (s.startsWith("npm:")) {
      String sub = s.substring(4);
      int at = sub.indexOf('@', sub.startsWith("@") ? 1 : 0);
      String name = at > 0 ? sub.substring(0, at) : sub;
      String range = at > 0 ? sub.substring(at + 1) : "*";
      return new Spec(SpecType.ALIAS, range, name);
    }
    if (isGit(s)) {
      return new Spec(SpecType.GIT, s, null);
    }
    if (s.startsWith("http://") || s.startsWith("https://")) {
      return new Spec(SpecType.REMOTE, s, null);
    }
    String path = null;
    if (s.startsWith("file:")) {
      path = s.substring(5);
      if (path.startsWith("//")) {
        path = path.substring(2);
      }
    } else if (s.startsWith("./") || s.startsWith("../") || s.startsWith("/")
        || s.startsWith("~/") || s.equals(".") || s.equals("..")) {
      path = s;
    }
    if (path != null) {
      return new Spec(isTarball(path) ? SpecType.FILE : SpecType.DIRECTORY, path, null);
    }
    if (isVersion(s)) {
      return new Spec(SpecType.VERSION, s.startsWith("v") || s.startsWith("=") ? s.substring(1) : s,
          null);
    }
    if (s.isEmpty() || s.indexOf(' ') >= 0 || s.indexOf('^') >= 0 || s.indexOf('~') >= 0
        || s.indexOf('>') >= 0 || s.indexOf('<') >= 0 || s.indexOf('*') >= 0
        || s.indexOf('x') >= 0 || s.indexOf('|') >= 0) {
      return new Spec(SpecType.RANGE, s, null);
    }
    if (s.indexOf('/') > 0 && s.indexOf(':') < 0 && !s.startsWith("@")) {
      return new Spec(SpecType.GIT, s, null);
    }
    return new Spec(SpecType.TAG, s, null);
  }

  private static boolean isVersion(String s) {
    int i = s.startsWith("v") || s.startsWith("=") ? 1 : 0;
    int dots = 0;
    int digits = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.') {
        if (digits == 0) {
          return false;
        }
        dots++;
        digits = 0;
        if (dots > 2) {
          return false;
        }
      } else if ((c == '-' || c == '+') && dots == 2 && digits > 0) {
        return i + 1 < s.length();
      } else {
        return false;
      }
    }
    return dots == 2 && digits > 0;
  }

  static boolean isTarball(String path) {
    String l = path.toLowerCase(java.util.Locale.ROOT);
    return l.endsWith(".tgz") || l.endsWith(".tar.gz") || l.endsWith(".tar");
  }

  static boolean isGit(String s) {
    return s.startsWith("git+") || s.startsWith("git://") || s.startsWith("git@")
        || s.startsWith("github:") || s.startsWith("gitlab:") || s.startsWith("bitbucket:")
        || s.startsWith("gist:") || s.startsWith("ssh://");
  }

  /** Normalizes a relative path as path.resolve + relative do: drops "." and "", folds "..". */
  static String normalize(String path) {
    if (isNormal(path)) {
      return path;
    }
    String p = path.replace('\\', '/');
    boolean abs = p.startsWith("/");
    List<String> parts = new ArrayList<>();
    int ups = 0;
    int i = 0;
    int n = p.length();
    while (i <= n) {
      int j = p.indexOf('/', i);
      if (j < 0) {
        j = n;
      }
      String seg = p.substring(i, j);
      i = j + 1;
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        } else if (!abs) {
          ups++;
        }
        continue;
      }
      parts.add(seg);
    }
    StringBuilder sb = new StringBuilder();
    if (abs) {
      sb.append('/');
    }
    for (int k = 0; k < ups; k++) {
      sb.append(sb.length() > 0 && sb.charAt(sb.length() - 1) != '/' ? "/" : "").append("..");
    }
    for (String seg : parts) {
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') {
        sb.append('/');
      }
      sb.append(seg);
    }
    return sb.toString();
  }

  /** Tells whether a relative path has no empty, "." or ".." segment and no backslash. */
  private static boolean isNormal(String path) {
    int n = path.length();
    if (n == 0) {
      return true;
    }
    if (path.charAt(0) == '/' || path.charAt(n - 1) == '/') {
      return false;
    }
    int segStart = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? path.charAt(i) : '/';
      if (c == '\\') {
        return false;
      }
      if (c == '/') {
        int len = i - segStart;
        if (len == 0 || (len == 1 && path.charAt(segStart) == '.')
            || (len == 2 && path.charAt(segStart) == '.' && path.charAt(segStart + 1) == '.')) {
          return false;
        }
        segStart = i + 1;
      }
    }
    return true;
  }

  /** Npm's nameFromFolder: the last segment, with its scope when the one before starts with @. */
  static String nameFromLocation(String loc) {
    int slash = loc.lastIndexOf('/');
    if (slash < 0) {
      return loc;
    }
    int prev = loc.lastIndexOf('/', slash - 1);
    if (loc.charAt(prev + 1) == '@') {
      return loc.substring(prev + 1);
    }
    return loc.substring(slash + 1);
  }

  private static void applyManifest(Entry e, PackageJson pj) {
    if (!pj.name().isEmpty()) {
      e.name = pj.name();
    }
    if (!pj.version().isEmpty()) {
      e.version = pj.version();
    }
    e.deps = pairs(pj.dependencies());
    e.devDeps = pairs(pj.devDependencies());
    e.optDeps = pairs(pj.optionalDependencies());
    e.peerDeps = pairs(pj.peerDependencies());
    e.peerOptional = pj.optionalPeers().toArray(NONE);
    e.bundled = pj.bundleDependencies();
    e.bundleAll = false;
    e.workspaces = pj.workspaces();
    e.license = pj.license().isEmpty() ? null : pj.license();
    Map<String, String> sc = pj.scripts();
    e.hasInstallScript = e.hasInstallScript || sc.containsKey("install")
        || sc.containsKey("preinstall") || sc.containsKey("postinstall");
    e.requires = null;
  }

  private static String[] pairs(Map<String, String> m) {
    if (m.isEmpty()) {
      return NONE;
    }
    String[] out = new String[m.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> e : m.entrySet()) {
      out[i++] = e.getKey();
      out[i++] = e.getValue();
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ graph

  /** Turns entries into the graph: placement, links, workspaces, edges, flags, sources. */
  private static final class Graph {
    private final String source;
    private final boolean v1;
    private final List<String> warnings;
    private final Entry[] entry;
    private final String[] loc;
    private final String[] name;
    private final String[] folderName;
    private final HashMap<String, Integer> byLoc;
    private final int[] parent;
    private final int[] fsParent;
    private final int[] target;
    private final boolean[] workspace;
    private final int n;
    private int edgeCount;
    private int[] eFrom = new int[64];
    private int[] eTo = new int[64];
    private String[] eName = new String[64];
    private String[] eSpec = new String[64];
    private DependencyType[] eType = new DependencyType[64];
    private final Limits limits;

    Graph(String source, LinkedHashMap<String, Entry> entries, boolean v1, ProjectFiles project,
        Limits limits, List<String> warnings) throws IOException {
      this.source = source;
      this.v1 = v1;
      this.warnings = warnings;
      this.limits = limits;
      // normalize locations; later duplicates win, as JSON.parse keeps the last
      LinkedHashMap<String, Entry> byNorm = new LinkedHashMap<>();
      Entry root = entries.get("");
      for (Entry e : entries.values()) {
        if (e.loc.isEmpty()) {
          continue;
        }
        String norm = normalize(e.loc);
        if (norm.isEmpty() || norm.startsWith("/")) {
          warnings.add(source + ":" + e.line + ":" + e.col + ": entry "
              + SupplyChainException.quote(e.loc)
              + " does not name a folder inside the project and was not read");
          continue;
        }
        e.loc = norm;
        byNorm.put(norm, e);
      }
      if (root == null) {
        root = new Entry();
        root.loc = "";
      }
      n = byNorm.size() + 1;
      entry = new Entry[n];
      loc = new String[n];
      name = new String[n];
      folderName = new String[n];
      byLoc = new HashMap<>(n * 2);
      entry[0] = root;
      loc[0] = "";
      byLoc.put("", 0);
      int i = 1;
      for (Entry e : byNorm.values()) {
        entry[i] = e;
        loc[i] = e.loc;
        byLoc.put(e.loc, i);
        i++;
      }
      for (int k = 0; k < n; k++) {
        folderName[k] = nameFromLocation(loc[k]);
      }
      parent = new int[n];
      fsParent = new int[n];
      target = new int[n];
      workspace = new boolean[n];
      Arrays.fill(parent, -1);
      Arrays.fill(fsParent, -1);
      Arrays.fill(target, -1);
      place();
      links();
      // link targets outside node_modules are read from disk, as Arborist does
      for (int k = 1; k < n; k++) {
        if (!entry[k].link && parent[k] < 0 && isTargetOfLink(k)) {
          Optional<PackageJson> pj = project.manifest(loc[k], limits);
          if (pj.isPresent()) {
            applyManifest(entry[k], pj.get());
          }
        }
      }
      for (int k = 0; k < n; k++) {
        name[k] = nodeName(k);
      }
    }

    private boolean[] linkTargets;

    private boolean isTargetOfLink(int k) {
      if (linkTargets == null) {
        linkTargets = new boolean[n];
        for (int j = 0; j < n; j++) {
          if (target[j] >= 0) {
            linkTargets[target[j]] = true;
          }
        }
      }
      return linkTargets[k];
    }

    private String nodeName(int k) {
      Entry e = entry[k];
      if (entry[k].link) {
        return folderName[k];
      }
      if (k == 0 || parent[k] < 0) {
        if (e.name != null && !e.name.isEmpty()) {
          return e.name;
        }
        return k == 0 ? "" : folderName[k];
      }
      return folderName[k];
    }

    /**
     * Arborist's tree placement: the nearest ancestor folder that is a (non-link) node is the
     * parent when the node sits in its node_modules, else the fs parent. Ancestor folders are
     * looked up by the prefix's hash (String.hashCode is computed incrementally), so a long
     * location costs linear time.
     */
    private void place() {
      HashMap<Integer, Integer> firstByHash = new HashMap<>(n * 2);
      int[] nextSameHash = new int[n];
      for (int k = n - 1; k >= 0; k--) {
        Integer prev = firstByHash.put(loc[k].hashCode(), k);
        nextSameHash[k] = prev == null ? -1 : prev;
      }
      int[] prefixHash = new int[16];
      for (int k = 1; k < n; k++) {
        String l = loc[k];
        if (prefixHash.length < l.length() + 1) {
          prefixHash = new int[l.length() + 1];
        }
        int h = 0;
        for (int i = 0; i < l.length(); i++) {
          prefixHash[i] = h;
          h = 31 * h + l.charAt(i);
        }
        String nm = folderName[k];
        int found = -1;
        for (int i = l.lastIndexOf('/'); found < 0; i = i <= 0 ? -1 : l.lastIndexOf('/', i - 1)) {
          int len = Math.max(i, 0);
          Integer c = firstByHash.get(len == 0 ? 0 : prefixHash[len]);
          for (int a = c == null ? -1 : c; a >= 0; a = nextSameHash[a]) {
            if (a != k && loc[a].length() == len && l.regionMatches(0, loc[a], 0, len)
                && !entry[a].link) {
              found = a;
              break;
            }
          }
          if (i <= 0) {
            break;
          }
        }
        if (found < 0) {
          continue;
        }
        String dir = loc[found];
        boolean child = l.length() == dir.length() + (dir.isEmpty() ? 0 : 1) + NM.length()
            + nm.length() && l.startsWith(NM, dir.isEmpty() ? 0 : dir.length() + 1)
            && l.endsWith(nm);
        if (child) {
          parent[k] = found;
        } else {
          fsParent[k] = found;
        }
      }
    }

    private void links() {
      for (int k = 1; k < n; k++) {
        Entry e = entry[k];
        if (!e.link) {
          continue;
        }
        String t = normalize(e.resolved == null ? "" : e.resolved);
        Integer ti = byLoc.get(t);
        if (ti == null || entry[ti].link || ti == k) {
          throw new InvalidInputException(source, e.line, e.col, "link "
              + SupplyChainException.quote(e.loc) + " points at "
              + SupplyChainException.quote(e.resolved == null ? "" : e.resolved)
              + ", which is not a package of the lockfile; delete the lockfile and run npm install"
              + " again; see docs/errors.md#malformed-lockfile");
        }
        target[k] = ti;
      }
    }

    private int resolveParent(int k) {
      return parent[k] >= 0 ? parent[k] : fsParent[k];
    }

    private HashMap<String, Integer>[] children;

    /** Node's module resolution from a node: its children, then its resolve-parents'. */
    @SuppressWarnings("unchecked")
    private int resolve(int from, String dep) {
      if (children == null) {
        children = new HashMap[n];
        for (int k = 1; k < n; k++) {
          int p = parent[k];
          if (p >= 0) {
            if (children[p] == null) {
              children[p] = new HashMap<>(8);
            }
            children[p].put(folderName[k], k);
          }
        }
      }
      int steps = 0;
      for (int a = from; a >= 0 && steps <= n; a = resolveParent(a), steps++) {
        HashMap<String, Integer> c = children[a];
        Integer hit = c == null ? null : c.get(dep);
        if (hit != null) {
          return hit;
        }
      }
      return -1;
    }

    private void addEdge(int from, int to, String dep, String spec, DependencyType type) {
      if (edgeCount == eFrom.length) {
        int cap = edgeCount * 2;
        eFrom = Arrays.copyOf(eFrom, cap);
        eTo = Arrays.copyOf(eTo, cap);
        eName = Arrays.copyOf(eName, cap);
        eSpec = Arrays.copyOf(eSpec, cap);
        eType = Arrays.copyOf(eType, cap);
      }
      eFrom[edgeCount] = from;
      eTo[edgeCount] = to;
      eName[edgeCount] = dep;
      eSpec[edgeCount] = spec;
      eType[edgeCount] = type;
      edgeCount++;
      if (edgeCount > 8L * limits.maxEntries()) {
        throw new LimitExceededException(source, "maxEntries", limits.maxEntries(),
            edgeCount / 8 + 1);
      }
    }

    private String[] dName = new String[16];
    private String[] dSpec = new String[16];
    private DependencyType[] dType = new DependencyType[16];
    private int dCount;
    private final HashMap<String, Integer> dIndex = new HashMap<>();

    /**
     * Edges of one node. Arborist keeps one edge per name, and later kinds overwrite earlier ones
     * (peer, peerOptional, prod, optional, dev), except that nothing overwrites a workspace edge.
     */
    private void edges(int k, Map<String, String[]> ws) {
      Entry e = entry[k];
      dCount = 0;
      dIndex.clear();
      if (ws != null) {
        for (Map.Entry<String, String[]> w : ws.entrySet()) {
          put(w.getKey(), w.getValue()[1], DependencyType.WORKSPACE);
        }
      }
      if (e.peerDeps.length > 0) {
        for (int i = 0; i < e.peerDeps.length; i += 2) {
          if (!contains(e.peerOptional, e.peerDeps[i])) {
            put(e.peerDeps[i], e.peerDeps[i + 1], DependencyType.PEER);
          }
        }
        for (int i = 0; i < e.peerDeps.length; i += 2) {
          if (contains(e.peerOptional, e.peerDeps[i])) {
            put(e.peerDeps[i], e.peerDeps[i + 1], DependencyType.PEER_OPTIONAL);
          }
        }
      }
      for (int i = 0; i < e.deps.length; i += 2) {
        put(e.deps[i], e.deps[i + 1], DependencyType.PROD);
      }
      for (int i = 0; i < e.optDeps.length; i += 2) {
        put(e.optDeps[i], e.optDeps[i + 1], DependencyType.OPTIONAL);
      }
      if (parent[k] < 0) {
        for (int i = 0; i < e.devDeps.length; i += 2) {
          put(e.devDeps[i], e.devDeps[i + 1], DependencyType.DEV);
        }
      }
      for (int i = 0; i < dCount; i++) {
        addEdge(k, resolve(k, dName[i]), dName[i], dSpec[i], dType[i]);
      }
    }

    private void put(String dep, String spec, DependencyType type) {
      int at = -1;
      if (dCount <= 8) {
        for (int i = 0; i < dCount; i++) {
          if (dName[i].equals(dep)) {
            at = i;
            break;
          }
        }
      } else {
        if (dIndex.isEmpty()) {
          for (int i = 0; i < dCount; i++) {
            dIndex.put(dName[i], i);
          }
        }
        Integer i = dIndex.get(dep);
        at = i == null ? -1 : i;
      }
      if (at >= 0) {
        if (dType[at] != DependencyType.WORKSPACE) {
          dSpec[at] = spec;
          dType[at] = type;
        }
        return;
      }
      if (dCount == dName.length) {
        dName = Arrays.copyOf(dName, dCount * 2);
        dSpec = Arrays.copyOf(dSpec, dCount * 2);
        dType = Arrays.copyOf(dType, dCount * 2);
      }
      dName[dCount] = dep;
      dSpec[dCount] = spec;
      dType[dCount] = type;
      if (!dIndex.isEmpty()) {
        dIndex.put(dep, dCount);
      }
      dCount++;
    }

    private static boolean contains(String[] a, String s) {
      for (String x : a) {
        if (x.equals(s)) {
          return true;
        }
      }
      return false;
    }

    /** The root's workspaces: folder nodes matching its globs, by package name. */
    private Map<String, String[]> workspaces() {
      List<String> globs = entry[0].workspaces;
      if (globs.isEmpty()) {
        return null;
      }
      LinkedHashMap<String, String[]> out = new LinkedHashMap<>();
      List<String[]> patterns = new ArrayList<>();
      for (String g : globs) {
        String ng = normalize(g);
        if (!ng.isEmpty()) {
          patterns.add(ng.split("/", -1));
        }
      }
      for (int k = 1; k < n; k++) {
        if (entry[k].link || parent[k] >= 0 || loc[k].startsWith("..")
            || loc[k].contains(NM) || loc[k].startsWith("node_modules")) {
          continue;
        }
        String[] segs = loc[k].split("/", -1);
        for (String[] pat : patterns) {
          if (glob(pat, segs)) {
            out.put(name[k], new String[] {loc[k], "file:" + loc[k]});
            break;
          }
        }
      }
      return out.isEmpty() ? null : out;
    }

    private static boolean glob(String[] pat, String[] segs) {
      // dynamic programming over (pattern index, segment index): no backtracking blow-up
      boolean[][] ok = new boolean[pat.length + 1][segs.length + 1];
      ok[pat.length][segs.length] = true;
      for (int pi = pat.length - 1; pi >= 0; pi--) {
        for (int si = segs.length; si >= 0; si--) {
          if (pat[pi].equals("**")) {
            ok[pi][si] = ok[pi + 1][si] || (si < segs.length && ok[pi][si + 1]);
          } else {
            ok[pi][si] = si < segs.length && ok[pi + 1][si + 1]
                && segMatch(pat[pi], 0, segs[si], 0);
          }
        }
      }
      return ok[0][0];
    }

    private static boolean segMatch(String p, int i, String s, int j) {
      // iterative wildcard match of '*' and '?' within one segment
      int star = -1;
      int mark = 0;
      while (j < s.length()) {
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == s.charAt(j))) {
          i++;
          j++;
        } else if (i < p.length() && p.charAt(i) == '*') {
          star = i++;
          mark = j;
        } else if (star >= 0) {
          i = star + 1;
          j = ++mark;
        } else {
          return false;
        }
      }
      while (i < p.length() && p.charAt(i) == '*') {
        i++;
      }
      return i == p.length();
    }

    DependencyGraph build() {
      Map<String, String[]> ws = workspaces();
      for (int k = 0; k < n; k++) {
        if (!entry[k].link) {
          edges(k, k == 0 ? ws : null);
        }
      }
      if (ws != null) {
        for (int e = 0; e < edgeCount; e++) {
          if (eFrom[e] == 0 && eType[e] == DependencyType.WORKSPACE && eTo[e] >= 0) {
            int t = eTo[e];
            int w = target[t] >= 0 ? target[t] : t;
            workspace[w] = true;
          }
        }
      }
      int[] flags = flags();
      boolean[] bundled = bundled();
      DependencyGraph.Builder b = DependencyGraph.builder();
      PackageSource[] sources = new PackageSource[n];
      String[] unscanned = new String[n];
      for (int k = 0; k < n; k++) {
        classify(k, sources, unscanned);
      }
      for (int k = 0; k < n; k++) {
        Entry e = entry[k];
        Entry pe = target[k] >= 0 ? entry[target[k]] : e;
        String version = pe.version == null ? "" : pe.version;
        int id = b.addNode(name[k], version, loc[k], sources[k]);
        if (id != k) {
          throw new IllegalStateException("builder ids out of step");
        }
        if (e.integrity != null) {
          b.integrity(k, e.integrity);
        }
        if (pe.license != null) {
          b.license(k, pe.license);
        }
        if (!pe.engines.isEmpty()) {
          b.engines(k, pe.engines);
        }
        if (!pe.os.isEmpty()) {
          b.os(k, pe.os);
        }
        if (!pe.cpu.isEmpty()) {
          b.cpu(k, pe.cpu);
        }
        int f = flags[target[k] >= 0 ? target[k] : k];
        b.flag(k, NodeFlag.DEV, (f & 1) != 0);
        b.flag(k, NodeFlag.OPTIONAL, (f & 2) != 0);
        b.flag(k, NodeFlag.DEV_OPTIONAL, (f & 4) != 0 && (f & 3) == 0);
        b.flag(k, NodeFlag.PEER, (f & 8) != 0);
        b.flag(k, NodeFlag.EXTRANEOUS, (f & 16) != 0);
        b.flag(k, NodeFlag.BUNDLED, bundled[k]);
        b.flag(k, NodeFlag.HAS_INSTALL_SCRIPT, pe.hasInstallScript);
        if (unscanned[k] != null) {
          b.unscanned(k, unscanned[k]);
        }
      }
      for (int k = 0; k < n; k++) {
        if (target[k] >= 0) {
          b.linkTarget(k, target[k]);
        }
        if (workspace[k]) {
          b.workspaceRoot(k);
        }
      }
      for (int e = 0; e < edgeCount; e++) {
        b.addEdge(eFrom[e], eTo[e], eName[e], eSpec[e], eType[e]);
      }
      b.root(0);
      if (v1 && hasRootEdges()) {
        // Arborist recomputes the flags of converted v1 trees
        DependencyGraph.Builder fb = b;
        int[] rp = new int[n];
        for (int k = 0; k < n; k++) {
          rp[k] = resolveParent(k);
        }
        DepFlags.compute(fb, 0, rp);
      }
      return b.build();
    }

    private boolean hasRootEdges() {
      for (int e = 0; e < edgeCount; e++) {
        if (eFrom[e] == 0) {
          return true;
        }
      }
      return false;
    }

    /** Flags as recorded: bit 1 dev, 2 optional, 4 devOptional, 8 peer, 16 extraneous. */
    private int[] flags() {
      int[] f = new int[n];
      for (int k = 1; k < n; k++) {
        Entry e = entry[k];
        f[k] = (e.dev ? 1 : 0) | (e.optional ? 2 : 0) | (e.devOptional ? 4 : 0)
            | (e.peer ? 8 : 0) | (e.extraneous ? 16 : 0);
      }
      return f;
    }

    /** Arborist's getBundler, as a fixpoint over the tree and incoming edges. */
    private boolean[] bundled() {
      boolean[] out = new boolean[n];
      List<String>[] bd = bundleLists();
      if (bd == null) {
        return out;
      }
      int[] bundler = new int[n];
      Arrays.fill(bundler, -1);
      // incoming edges by target
      int[] inStart = new int[n + 1];
      for (int e = 0; e < edgeCount; e++) {
        if (eTo[e] >= 0) {
          inStart[eTo[e] + 1]++;
        }
      }
      for (int k = 0; k < n; k++) {
        inStart[k + 1] += inStart[k];
      }
      int[] in = new int[inStart[n]];
      int[] fill = Arrays.copyOf(inStart, n);
      for (int e = 0; e < edgeCount; e++) {
        if (eTo[e] >= 0) {
          in[fill[eTo[e]]++] = eFrom[e];
        }
      }
      Integer[] order = new Integer[n];
      for (int k = 0; k < n; k++) {
        order[k] = k;
      }
      int[] depth = new int[n];
      for (int k = 0; k < n; k++) {
        depth[k] = depth(k);
      }
      Arrays.sort(order, (a, c) -> Integer.compare(depth[a], depth[c]));
      boolean changed = true;
      for (int pass = 0; changed && pass < MAX_BUNDLE_PASSES; pass++) {
        changed = false;
        for (int k : order) {
          int p = parent[k];
          if (k == 0 || p < 0 || bundler[k] >= 0) {
            continue;
          }
          int found = -1;
          if (bundler[p] >= 0) {
            found = bundler[p];
          } else if (bd[p] != null && bd[p].contains(folderName[k])) {
            found = p;
          } else {
            for (int i = inStart[k]; i < inStart[k + 1]; i++) {
              if (bundler[in[i]] == p) {
                found = p;
                break;
              }
            }
          }
          if (found >= 0) {
            bundler[k] = found;
            changed = true;
          }
        }
      }
      for (int k = 0; k < n; k++) {
        out[k] = bundler[k] >= 0;
      }
      return out;
    }

    private int depth(int k) {
      int d = 0;
      for (int a = parent[k]; a >= 0 && d <= n; a = parent[a]) {
        d++;
      }
      return d;
    }

    @SuppressWarnings("unchecked")
    private List<String>[] bundleLists() {
      List<String>[] bd = new List[n];
      boolean any = false;
      for (int k = 0; k < n; k++) {
        Entry e = entry[k];
        if (e.link) {
          continue;
        }
        List<String> l = e.bundled;
        if (e.bundleAll) {
          List<String> all = new ArrayList<>();
          for (int i = 0; i < e.deps.length; i += 2) {
            all.add(e.deps[i]);
          }
          l = all;
        }
        if (!l.isEmpty()) {
          bd[k] = new ArrayList<>(l);
          any = true;
        }
      }
      if (v1) {
        // Arborist's assignBundles for converted v1 trees
        java.util.HashSet<String> declared = null;
        for (int k = 1; k < n; k++) {
          int p = parent[k];
          if (entry[k].link || p < 0 || !entry[k].inBundle || entry[p].inBundle) {
            continue;
          }
          String nm = folderName[k];
          if (declared == null) {
            declared = new java.util.HashSet<>();
            for (int e = 0; e < edgeCount; e++) {
              declared.add(eFrom[e] + "\u0000" + eName[e]);
            }
          }
          if (declared.contains(p + "\u0000" + nm)) {
            if (bd[p] == null) {
              bd[p] = new ArrayList<>();
            }
            bd[p].add(nm);
            any = true;
          }
        }
      }
      return any ? bd : null;
    }

    private void classify(int k, PackageSource[] sources, String[] unscanned) {
      Entry e = entry[k];
      if (k == 0) {
        sources[k] = new PackageSource.Project();
        return;
      }
      if (e.link) {
        sources[k] = new PackageSource.Link(loc[target[k]]);
        return;
      }
      if (parent[k] < 0 && !loc[k].contains(NM) && !loc[k].startsWith("node_modules")) {
        sources[k] = workspace[k] ? new PackageSource.Workspace(loc[k])
            : new PackageSource.LocalPath(loc[k], true);
        return;
      }
      String nm = folderName[k];
      String real = e.name != null && !e.name.isEmpty() ? e.name : nm;
      String r = e.resolved;
      String version = e.version == null ? "" : e.version;
      if (r == null || r.isEmpty()) {
        if (!version.isEmpty() || e.inBundle) {
          sources[k] = registry(real, nm, "", unscanned, k);
        } else {
          sources[k] = new PackageSource.Unknown("");
          unscanned[k] = "the lockfile records neither a version nor where the package comes from";
        }
        return;
      }
      boolean http = r.startsWith("https://") || r.startsWith("http://");
      if (!http && isGit(r)) {
        int hash = r.lastIndexOf('#');
        String repo = hash >= 0 ? r.substring(0, hash) : r;
        String frag = hash >= 0 ? r.substring(hash + 1) : "";
        String commit = isCommit(frag) ? frag : "";
        String committish = commit.isEmpty() ? frag : committishFromEdges(k);
        sources[k] = new PackageSource.Git(repo, commit, committish);
        return;
      }
      if (r.startsWith("file:")) {
        String path = r.substring(5);
        sources[k] = new PackageSource.LocalPath(path, !isTarball(path));
        return;
      }
      if (http) {
        if (registryUrl(r, real, version)) {
          sources[k] = registry(real, nm, r, unscanned, k);
        } else {
          sources[k] = new PackageSource.RemoteTarball(r);
        }
        return;
      }
      sources[k] = new PackageSource.Unknown(r);
      unscanned[k] = "unrecognised resolved value " + SupplyChainException.quote(r);
    }

    private PackageSource registry(String real, String nm, String resolved, String[] unscanned,
        int k) {
      if (real.equals(nm)) {
        return new PackageSource.Registry(resolved);
      }
      Optional<PackageName> pn = PackageName.tryParse(real);
      if (pn.isPresent()) {
        return new PackageSource.Alias(pn.get(), resolved);
      }
      unscanned[k] = "alias of an invalid package name " + SupplyChainException.quote(real);
      return new PackageSource.Unknown(resolved);
    }

    private int[] firstSpecIn;

    private String committishFromEdges(int k) {
      if (firstSpecIn == null) {
        firstSpecIn = new int[n];
        Arrays.fill(firstSpecIn, -1);
        for (int e = 0; e < edgeCount; e++) {
          if (eTo[e] >= 0 && firstSpecIn[eTo[e]] < 0 && eSpec[e].indexOf('#') >= 0) {
            firstSpecIn[eTo[e]] = e;
          }
        }
      }
      int e = firstSpecIn[k];
      return e < 0 ? "" : eSpec[e].substring(eSpec[e].lastIndexOf('#') + 1);
    }

    private static boolean isCommit(String s) {
      if (s.length() != 40 && s.length() != 64) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          return false;
        }
      }
      return true;
    }

    /** A registry tarball URL ends with {@code <name>/-/<bare>-<version>.tgz}. */
    private static boolean registryUrl(String url, String real, String version) {
      if (version.isEmpty()) {
        return false;
      }
      int q = url.indexOf('?');
      int end = q >= 0 ? q : url.length();
      int slash = real.indexOf('/');
      String bare = real.startsWith("@") && slash > 0 ? real.substring(slash + 1) : real;
      // ".../<bare>/-/<bare>-<version>.tgz"
      int vEnd = end - 4;
      int vStart = vEnd - version.length();
      int bStart = vStart - 1 - bare.length();
      int dash = bStart - 3;
      int head = dash - bare.length();
      if (head < 1 || !url.startsWith(".tgz", vEnd) || !url.startsWith(version, vStart)
          || url.charAt(vStart - 1) != '-' || !url.startsWith(bare, bStart)
          || !url.startsWith("/-/", dash) || !url.startsWith(bare, head)) {
        return false;
      }
      char before = url.charAt(head - 1);
      return before == '/' || (head >= 3 && (url.startsWith("%2f", head - 3)
          || url.startsWith("%2F", head - 3)));
    }
  }
}
