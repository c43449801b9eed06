package dev.tollgate.core.internal.lockfile;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.api.PackageSource;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import dev.tollgate.core.internal.lockfile.PnpmLockParser.Dep;
import dev.tollgate.core.internal.lockfile.PnpmLockParser.Doc;
import dev.tollgate.core.internal.lockfile.PnpmLockParser.Entry;
import dev.tollgate.core.internal.lockfile.PnpmLockParser.Importer;
import dev.tollgate.core.internal.lockfile.PnpmLockParser.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads {@code pnpm-lock.yaml} lockfileVersion 5.x (pnpm 5–7), 6.x (pnpm 8) and 9.x (pnpm 9 and
 * 10) into a {@link DependencyGraph}, in one streaming pass ({@link PnpmLockParser}) followed by
 * linking.
 *
 * <p><b>Nodes.</b> The root importer {@code .} is the root at location {@code ""} (source
 * {@link PackageSource.Project}); every other importer is a workspace root at its path (source
 * {@link PackageSource.Workspace}) with a {@link DependencyType#WORKSPACE} edge from the root, as
 * pnpm installs every importer. Every package (5.x, 6.x: {@code packages}; 9.x: {@code snapshots},
 * with metadata from the {@code packages} entry of the same key without its peer suffix) is one
 * node, so peer variants of a package are separate nodes. Its location is where pnpm's virtual
 * store puts it: {@code node_modules/.pnpm/<dir>/node_modules/<name>}, where {@code <dir>} is the
 * dependency path escaped as pnpm does (leading {@code /} dropped, the 5.x {@code name/version}
 * separator turned into {@code @}, {@code \ / : * ? " < > |} turned into {@code +}, peer
 * parentheses turned into {@code _}). pnpm shortens directory names longer than 120 characters or
 * with upper-case letters with a hash; this reader keeps the full escaped form instead, so locations
 * stay unique and stable across pnpm versions (a collision of two escaped forms, which needs
 * crafted keys, gets a {@code #2} suffix and a warning). Node names are real package names: an
 * alias ({@code str: npm:string-width@4}) is a {@link PackageSource.Registry} node named
 * {@code string-width}, reached by an edge named {@code str} whose spec is the alias specifier,
 * because pnpm installs the package once and links it under every alias.
 *
 * <p><b>Sources</b> come from {@code resolution}: {@code integrity} alone (or with a registry
 * {@code tarball}) is {@link PackageSource.Registry}; {@code type: git} is
 * {@link PackageSource.Git}; a hosted-git tarball ({@code codeload}) is {@link PackageSource.Git}
 * too; {@code type: directory} and {@code file:} tarballs are {@link PackageSource.LocalPath}; other
 * tarballs are {@link PackageSource.RemoteTarball}; anything else is {@link PackageSource.Unknown}
 * and the node is unscanned. {@code link:} dependencies resolve to the importer at that path, or
 * else to a {@link PackageSource.Link} node at the target path, unscanned because pnpm does not
 * record what the linked folder contains.
 *
 * <p><b>Edges.</b> Importers: {@code dependencies} (prod), {@code devDependencies} (dev),
 * {@code optionalDependencies} (optional), spec the importer's specifier. Packages:
 * {@code dependencies} (prod), {@code optionalDependencies} (optional), spec the locked reference;
 * names in {@code peerDependencies} are peer or peerOptional edges ({@code peerDependenciesMeta})
 * with the peer range as spec, resolved through the entry's dependencies (where pnpm records
 * resolved peers). A reference that resolves to no entry is an edge to {@code -1} with a warning;
 * an unresolved optional peer is an edge to {@code -1} without one.
 *
 * <p><b>Flags.</b> dev, optional, devOptional and peer are computed from the edges
 * ({@link DepFlags}), for every version: 9.x records no dev flags at all. HAS_INSTALL_SCRIPT is set
 * from {@code requiresBuild} (5.x, 6.x); 9.x records nothing equivalent, so it is never set for
 * 9.x lockfiles. Engines, os, cpu, integrity and (rarely present) license are copied.
 *
 * <p>Immutable and thread-safe.
 */
public final class PnpmLockReader implements LockfileReader {

  private static final String UNSUPPORTED = "see docs/errors.md#unsupported-lockfile-version";
  private static final String PNPM = "node_modules/.pnpm/";

  /** Creates the reader. */
  public PnpmLockReader() {
  }

  /**
   * Reads a {@code pnpm-lock.yaml}.
   *
   * @param source the source name for messages
   * @param in the bytes, bounded by {@link Limits#maxDocumentBytes()}
   * @param project the manifests beside the lockfile (names of the root and workspaces)
   * @param limits the limits
   * @return the lockfile, its graph and warnings
   * @throws IOException if reading fails
   * @throws InvalidInputException if the content is malformed or its version unsupported
   * @throws LimitExceededException if the content goes over a limit
   */
  @Override
  public Lockfile read(String source, InputStream in, ProjectFiles project, Limits limits)
      throws IOException {
    YAMLFactory factory = PnpmLockParser.factory(limits);
    Doc doc = PnpmLockParser.parse(factory, source, in, limits);
    return new Linker(source, doc, project, limits).link();
  }

  /** Builds the graph from the raw document. Not thread-safe; one per read. */
  private static final class Linker {
    private final String source;
    private final Doc doc;
    private final ProjectFiles project;
    private final Limits limits;
    private final List<String> warnings = new ArrayList<>();
    private final DependencyGraph.Builder b = DependencyGraph.builder();
    private int major;
    /** Node keys: packages (5.x, 6.x) or snapshots and orphan packages (9.x), sorted. */
    private final Map<String, Integer> keyToId = new HashMap<>();
    /** 9.x: the packages entry (metadata) of each node key. */
    private final Map<String, Entry> metaOf = new HashMap<>();
    private final Map<String, Integer> importerIds = new HashMap<>();
    private final Map<String, Integer> linkIds = new HashMap<>();
    private int root;

    Linker(String source, Doc doc, ProjectFiles project, Limits limits) {
      this.source = source;
      this.doc = doc;
      this.project = project;
      this.limits = limits;
    }

    Lockfile link() throws IOException {
      String version = doc.lockfileVersion;
      major = major(version);
      Map<String, Importer> importers = new TreeMap<>(doc.importers);
      if (importers.isEmpty() && doc.rootLevel != null) {
        importers.put(".", doc.rootLevel);
      }
      // importers
      root = addImporter(".", importers.get("."));
      for (Map.Entry<String, Importer> e : importers.entrySet()) {
        if (!e.getKey().equals(".")) {
          addImporter(e.getKey(), e.getValue());
        }
      }
      // package nodes
      TreeMap<String, Entry> nodeEntries = new TreeMap<>();
      if (major == 9) {
        nodeEntries.putAll(doc.snapshots);
        Set<String> used = new HashSet<>();
        for (String k : doc.snapshots.keySet()) {
          String stripped = stripPeers(k);
          used.add(stripped);
          Entry m = doc.packages.get(stripped);
          if (m != null) {
            metaOf.put(k, m);
          }
        }
        for (Map.Entry<String, Entry> e : doc.packages.entrySet()) {
          if (!used.contains(e.getKey()) && !nodeEntries.containsKey(e.getKey())) {
            nodeEntries.put(e.getKey(), e.getValue());
            metaOf.put(e.getKey(), e.getValue());
          }
        }
      } else {
        nodeEntries.putAll(doc.packages);
      }
      // names for entries whose key and metadata carry none (5.x git entries); rare, so only then
      boolean nameless = false;
      for (Map.Entry<String, Entry> e : nodeEntries.entrySet()) {
        Entry meta = major == 9 ? metaOf.get(e.getKey()) : e.getValue();
        if ((meta == null || nonEmpty(meta.name) == null) && parseKey(e.getKey()) == null) {
          nameless = true;
          break;
        }
      }
      Map<String, String> aliasNames = nameless
          ? aliasNamesFor(importers, new HashMap<>(nodeEntries)) : Map.of();
      for (Map.Entry<String, Entry> e : nodeEntries.entrySet()) {
        addPackage(e.getKey(), e.getValue(), aliasNames.get(e.getKey()));
      }
      // edges
      for (Map.Entry<String, Importer> e : importers.entrySet()) {
        importerEdges(e.getKey(), e.getValue());
      }
      for (Map.Entry<String, Entry> e : nodeEntries.entrySet()) {
        packageEdges(e.getKey(), e.getValue());
      }
      DepFlags.compute(b, root, null);
      b.root(root);
      DependencyGraph g = b.build();
      return new Lockfile(source, LockfileFormat.PNPM, version, g, warnings);
    }

    private int major(String version) {
      if (version == null) {
        throw new InvalidInputException(source, 1, 1, "malformed pnpm lockfile: lockfileVersion "
            + "is missing; regenerate the lockfile with pnpm; " + PnpmLockParser.MALFORMED);
      }
      int dot = version.indexOf('.');
      String head = dot < 0 ? version : version.substring(0, dot);
      int m = -1;
      if (!head.isEmpty() && head.length() < 4 && head.chars().allMatch(Character::isDigit)) {
        m = Integer.parseInt(head);
      }
      if (m != 5 && m != 6 && m != 9) {
        throw new InvalidInputException(source, doc.versionLine, doc.versionColumn,
            "unsupported pnpm-lock.yaml lockfileVersion " + SupplyChainException.quote(version)
                + ": supported are 5.x, 6.x and 9.x; regenerate the lockfile with pnpm 7 or later; "
                + UNSUPPORTED);
      }
      return m;
    }

    // ---- nodes ----

    private int addImporter(String path, Importer imp) throws IOException {
      boolean isRoot = path.equals(".");
      String location = isRoot ? "" : path;
      if (!isRoot) {
        checkPath(location);
        if (location.isEmpty() || b.nodeAt(location) >= 0 || location.startsWith(PNPM)) {
          throw new InvalidInputException(source, imp == null ? 0 : imp.line,
              imp == null ? 0 : imp.column, "malformed pnpm lockfile: importer "
              + SupplyChainException.quote(path) + " clashes with another node's location; "
              + PnpmLockParser.MALFORMED);
        }
      }
      Optional<PackageJson> manifest = project.manifest(isRoot ? "" : path, limits);
      String name = manifest.map(PackageJson::name).orElse("");
      if (name.isEmpty() && !isRoot) {
        name = path.substring(path.lastIndexOf('/') + 1);
      }
      String version = manifest.map(PackageJson::version).orElse("");
      PackageSource src = isRoot ? new PackageSource.Project() : new PackageSource.Workspace(path);
      int id = b.addNode(name, version, location, src);
      importerIds.put(path, id);
      if (!isRoot) {
        b.workspaceRoot(id);
        b.addEdge(root, id, name, path, DependencyType.WORKSPACE);
      }
      return id;
    }

    private void checkPath(String location) {
      if (location.length() > limits.maxPathLength()) {
        throw new LimitExceededException(source, "maxPathLength", limits.maxPathLength(),
            location.length());
      }
    }

    /** Names for entries whose key and metadata carry none (5.x git entries): the alias used. */
    private Map<String, String> aliasNamesFor(Map<String, Importer> importers,
        Map<String, Entry> entries) {
      Map<String, String> out = new HashMap<>();
      for (Importer imp : importers.values()) {
        if (imp == null) {
          continue;
        }
        for (Map<String, Dep> section : imp.sections) {
          for (Map.Entry<String, Dep> d : section.entrySet()) {
            noteAlias(out, d.getKey(), d.getValue().ref(), entries);
          }
        }
      }
      for (Entry e : entries.values()) {
        for (Map.Entry<String, String> d : e.dependencies.entrySet()) {
          noteAlias(out, d.getKey(), d.getValue(), entries);
        }
        for (Map.Entry<String, String> d : e.optionalDependencies.entrySet()) {
          noteAlias(out, d.getKey(), d.getValue(), entries);
        }
      }
      return out;
    }

    private void noteAlias(Map<String, String> out, String name, String ref,
        Map<String, Entry> entries) {
      if (ref.startsWith("link:")) {
        return;
      }
      String key = resolveKey(name, ref, entries);
      if (key != null) {
        out.merge(key, name, (a, c) -> a.compareTo(c) <= 0 ? a : c);
      }
    }

    private void addPackage(String key, Entry snap, String aliasName) {
      Entry meta = snap;
      if (major == 9) {
        Entry m = metaOf.get(key);
        if (m == null) {
          warnings.add(source + ":" + snap.line + ":" + snap.column + ": snapshot "
              + SupplyChainException.quote(key) + " has no entry in packages");
        } else {
          meta = m;
        }
      }
      String[] parsed = parseKey(key);
      String name = nonEmpty(meta.name);
      if (name == null && parsed != null) {
        name = parsed[0];
      }
      if (name == null) {
        name = aliasName == null ? "" : aliasName;
      }
      String version = nonEmpty(meta.version);
      if (version == null) {
        version = parsed != null && looksLikeVersion(parsed[1]) ? parsed[1] : "";
      }
      String dir = escape(key);
      String location = PNPM + dir + "/node_modules/" + name;
      if (b.nodeAt(location) >= 0) {
        int n = 2;
        while (b.nodeAt(location + "#" + n) >= 0) {
          n++;
        }
        warnings.add(source + ":" + snap.line + ":" + snap.column + ": entry "
            + SupplyChainException.quote(key) + " escapes to the same folder as another entry");
        location = location + "#" + n;
      }
      checkPath(location);
      Resolution r = meta.resolution;
      PackageSource src = source(key, parsed, r, meta == snap ? snap : meta);
      int id = b.addNode(name, version, location, src);
      keyToId.put(key, id);
      if (src instanceof PackageSource.Unknown) {
        b.unscanned(id, r == null ? "the lockfile records no resolution for this package"
            : "the lockfile records a resolution of an unknown kind");
      }
      if (r != null && !r.integrity.isEmpty()) {
        b.integrity(id, r.integrity);
      }
      if (!meta.engines.isEmpty()) {
        b.engines(id, meta.engines);
      }
      if (!meta.os.isEmpty()) {
        b.os(id, meta.os);
      }
      if (!meta.cpu.isEmpty()) {
        b.cpu(id, meta.cpu);
      }
      if (meta.license != null && !meta.license.isEmpty()) {
        b.license(id, meta.license);
      }
      if (meta.requiresBuild || snap.requiresBuild) {
        b.flag(id, NodeFlag.HAS_INSTALL_SCRIPT, true);
      }
    }

    private PackageSource source(String key, String[] parsed, Resolution r, Entry meta) {
      if (r == null) {
        return new PackageSource.Unknown("");
      }
      if (r.type != null) {
        switch (r.type) {
          case "git":
            if (r.repo != null && r.commit != null) {
              return new PackageSource.Git(r.repo, r.commit, "");
            }
            return new PackageSource.Unknown("git");
          case "directory":
            if (r.directory != null) {
              return new PackageSource.LocalPath(r.directory, true);
            }
            return new PackageSource.Unknown("directory");
          default:
            return new PackageSource.Unknown(r.type);
        }
      }
      if (r.tarball != null) {
        String t = r.tarball;
        if (t.startsWith("file:")) {
          return new PackageSource.LocalPath(t.substring(5), false);
        }
        PackageSource.Git hosted = hostedGit(t);
        if (hosted != null) {
          return hosted;
        }
        if (registryKey(key, parsed)) {
          return new PackageSource.Registry(t);
        }
        return new PackageSource.RemoteTarball(t);
      }
      if (!r.integrity.isEmpty() && registryKey(key, parsed)) {
        return new PackageSource.Registry("");
      }
      if (r.path != null) {
        return new PackageSource.LocalPath(r.path, true);
      }
      return new PackageSource.Unknown(r.integrity);
    }

    /** Whether a key is a registry dependency path: a name and a plain version. */
    private boolean registryKey(String key, String[] parsed) {
      if (parsed == null || !looksLikeVersion(parsed[1])) {
        return false;
      }
      return major == 9 || key.startsWith("/");
    }

    private static PackageSource.Git hostedGit(String url) {
      String prefix = "https://codeload.github.com/";
      if (!url.startsWith(prefix)) {
        return null;
      }
      String[] parts = url.substring(prefix.length()).split("/", -1);
      if (parts.length == 4 && parts[2].equals("tar.gz")) {
        return new PackageSource.Git("github:" + parts[0] + "/" + parts[1], parts[3], "");
      }
      return null;
    }

    // ---- edges ----

    private void importerEdges(String path, Importer imp) {
      if (imp == null) {
        return;
      }
      int from = importerIds.get(path);
      DependencyType[] types = {DependencyType.PROD, DependencyType.DEV, DependencyType.OPTIONAL};
      for (int s = 0; s < 3; s++) {
        for (Map.Entry<String, Dep> d : imp.sections[s].entrySet()) {
          String name = d.getKey();
          Dep dep = d.getValue();
          String spec = dep.specifier();
          if (spec.isEmpty()) {
            spec = imp.specifiers.getOrDefault(name, dep.ref());
          }
          int to = target(path.equals(".") ? "" : path, name, dep.ref());
          if (to < 0) {
            warnings.add(source + ":" + imp.line + ":" + imp.column + ": importer "
                + SupplyChainException.quote(path) + " depends on " + name + " "
                + SupplyChainException.quote(dep.ref()) + ", which is not in the lockfile");
          }
          b.addEdge(from, to, name, spec, types[s]);
        }
      }
    }

    private void packageEdges(String key, Entry snap) {
      int from = keyToId.get(key);
      Entry meta = snap;
      if (major == 9) {
        Entry m = metaOf.get(key);
        if (m != null) {
          meta = m;
        }
      }
      Map<String, String> peers = meta.peerDependencies;
      for (Map.Entry<String, String> d : snap.dependencies.entrySet()) {
        String name = d.getKey();
        if (peers.containsKey(name)) {
          continue;
        }
        edge(snap, from, name, d.getValue(), d.getValue(), DependencyType.PROD);
      }
      for (Map.Entry<String, String> d : snap.optionalDependencies.entrySet()) {
        if (peers.containsKey(d.getKey())) {
          continue;
        }
        edge(snap, from, d.getKey(), d.getValue(), d.getValue(), DependencyType.OPTIONAL);
      }
      for (Map.Entry<String, String> peer : peers.entrySet()) {
        String name = peer.getKey();
        boolean optional = meta.optionalPeers.contains(name);
        DependencyType type = optional ? DependencyType.PEER_OPTIONAL : DependencyType.PEER;
        String ref = snap.dependencies.get(name);
        if (ref == null) {
          ref = snap.optionalDependencies.get(name);
        }
        if (ref == null) {
          if (!optional) {
            warnings.add(source + ":" + snap.line + ":" + snap.column + ": "
                + SupplyChainException.quote(key) + " has an unresolved peer " + name + " "
                + SupplyChainException.quote(peer.getValue()));
          }
          b.addEdge(from, -1, name, peer.getValue(), type);
        } else {
          edge(snap, from, name, peer.getValue(), ref, type);
        }
      }
    }

    private void edge(Entry snap, int from, String name, String spec, String ref,
        DependencyType type) {
      int to = target("", name, ref);
      if (to < 0) {
        warnings.add(source + ":" + snap.line + ":" + snap.column + ": "
            + SupplyChainException.quote(snap.key) + " depends on " + name + " "
            + SupplyChainException.quote(ref) + ", which is not in the lockfile");
      }
      b.addEdge(from, to, name, spec, type);
    }

    /** Resolves a reference from an importer at {@code dir} ("" for the root) or a package. */
    private int target(String dir, String name, String ref) {
      if (ref.startsWith("link:")) {
        String path = normalize(dir, ref.substring(5));
        Integer imp = importerIds.get(path.isEmpty() ? "." : path);
        if (imp != null) {
          return imp;
        }
        Integer l = linkIds.get(path);
        if (l != null) {
          return l;
        }
        String location = path.isEmpty() ? "." : path;
        if (b.nodeAt(location) >= 0) {
          location = location + "#link";
        }
        checkPath(location);
        int id = b.addNode(name, "", location, new PackageSource.Link(path));
        b.unscanned(id, "linked folder: the lockfile does not record its contents");
        linkIds.put(path, id);
        return id;
      }
      String key = resolveKey(name, ref, keyToId);
      return key == null ? -1 : keyToId.get(key);
    }

    private String resolveKey(String name, String ref, Map<String, ?> keys) {
      if (major == 9) {
        String k = name + "@" + ref;
        if (keys.containsKey(k)) {
          return k;
        }
        return keys.containsKey(ref) ? ref : null;
      }
      if (ref.startsWith("/")) {
        return keys.containsKey(ref) ? ref : null;
      }
      String k = major == 5 ? "/" + name + "/" + ref : "/" + name + "@" + ref;
      if (keys.containsKey(k)) {
        return k;
      }
      return keys.containsKey(ref) ? ref : null;
    }

    // ---- keys and paths ----

    /** Returns {name, version without peers} of a registry-shaped key, or null. */
    private String[] parseKey(String key) {
      String s = key;
      if (major != 9) {
        if (!s.startsWith("/")) {
          return null;
        }
        s = s.substring(1);
      }
      if (major == 5) {
        int slash = s.indexOf('/');
        if (s.startsWith("@")) {
          slash = slash < 0 ? -1 : s.indexOf('/', slash + 1);
        }
        if (slash <= 0) {
          return null;
        }
        String name = s.substring(0, slash);
        String rest = s.substring(slash + 1);
        int cut = rest.indexOf('_');
        if (cut < 0) {
          cut = rest.indexOf('(');
        }
        String version = cut < 0 ? rest : rest.substring(0, cut);
        if (version.isEmpty() || version.indexOf('/') >= 0) {
          return null;
        }
        return new String[] {name, version};
      }
      int at = s.indexOf('@', 1);
      if (at <= 0) {
        return null;
      }
      String name = s.substring(0, at);
      int slashes = 0;
      for (int i = 0; i < name.length(); i++) {
        if (name.charAt(i) == '/') {
          slashes++;
        }
      }
      if (slashes != (name.startsWith("@") ? 1 : 0)) {
        return null;
      }
      String rest = s.substring(at + 1);
      int paren = rest.indexOf('(');
      String version = paren < 0 ? rest : rest.substring(0, paren);
      return version.isEmpty() ? null : new String[] {name, version};
    }

    private static boolean looksLikeVersion(String v) {
      return !v.isEmpty() && Character.isDigit(v.charAt(0)) && v.indexOf(':') < 0
          && v.indexOf('/') < 0;
    }

    /** The 9.x packages key of a snapshot key: without the peer (and patch) suffix. */
    static String stripPeers(String key) {
      int at = key.indexOf('@', 1);
      int paren = key.indexOf('(', at < 0 ? 0 : at);
      return paren < 0 ? key : key.substring(0, paren);
    }

    private String escape(String depPath) {
      return PnpmLockReader.escape(depPath, major);
    }
  }

  /**
   * Escapes a dependency path into its virtual-store folder name as pnpm's
   * {@code depPathToFilename} does, without pnpm's hashing of long or upper-case names.
   *
   * @param depPath the {@code packages} (5.x, 6.x) or {@code snapshots} (9.x) key
   * @param major the lockfile's major version
   * @return the folder name under {@code node_modules/.pnpm/}
   */
  static String escape(String depPath, int major) {
    String s;
    if (depPath.startsWith("file:")) {
      s = "file+" + depPath.substring(5);
    } else {
      s = depPath.startsWith("/") ? depPath.substring(1) : depPath;
      if (major == 5) {
        int paren = s.indexOf('(');
        int slash = s.lastIndexOf('/', paren < 0 ? s.length() : paren - 1);
        if (slash >= 0) {
          s = s.substring(0, slash) + "@" + s.substring(slash + 1);
        }
      }
    }
    StringBuilder sb = new StringBuilder(s.length());
    int end = s.length();
    boolean parens = s.indexOf('(') >= 0;
    if (parens && end > 0 && s.charAt(end - 1) == ')') {
      end--;
    }
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '/', ':', '*', '?', '"', '<', '>', '|' -> sb.append('+');
        case '(' -> sb.append(parens ? '_' : c);
        case ')' -> {
          if (parens) {
            sb.append('_');
            if (i + 1 < end && s.charAt(i + 1) == '(') {
              i++;
            }
          } else {
            sb.append(c);
          }
        }
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Joins and normalizes a relative path; leading {@code ..} segments are kept. */
  static String normalize(String dir, String rel) {
    String joined = dir.isEmpty() ? rel : dir + "/" + rel;
    Deque<String> parts = new ArrayDeque<>();
    for (String seg : joined.replace('\\', '/').split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.addLast(seg);
      }
    }
    return String.join("/", parts);
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
