package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.PackageName;
import dev.tollgate.api.PackageSource;
import dev.tollgate.api.SupplyChainException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link DependencyGraph} from the entries of a yarn lockfile (classic or berry) and the
 * project's manifests.
 *
 * <p>Node locations (yarn records no install paths) are stable, unique keys:
 *
 * <ul>
 *   <li>the root is {@code ""} and a workspace is its folder relative to the root, for example
 *       {@code packages/a};
 *   <li>a berry package is its {@code resolution}, for example {@code ms@npm:2.1.3} or
 *       {@code resolve@patch:resolve@npm%3A1.22.8#~builtin<compat/resolve>::version=1.22.8&hash=c3c19d};
 *   <li>a classic registry package is {@code name@npm:version} (with {@code #} and its resolved URL
 *       appended when two entries share name and version); another classic package is
 *       {@code name@} followed by its resolved URL, or by its spec when it has none;
 *   <li>a package installed under an alias is {@code alias@} followed by the location of the real
 *       package, for example {@code str@string-width@npm:4.2.3}.
 * </ul>
 *
 * <p>Not thread-safe; confine to one thread (one instance per read).
 */
final class YarnGraph {

  private final String source;
  private final boolean berry;
  private final ProjectFiles project;
  private final Limits limits;
  private final List<YarnEntry> entries;
  private final List<String> warnings = new ArrayList<>();
  private final DependencyGraph.Builder b = DependencyGraph.builder();

  private final Map<String, Integer> byDescriptor = new HashMap<>();
  private final Map<String, Integer> byStripped = new HashMap<>();
  private final Map<String, Integer> patchOf = new HashMap<>();
  /** For each entry: installed name to node id. */
  private final List<Map<String, Integer>> nodesOf = new ArrayList<>();
  private final Map<String, List<Integer>> nodesByName = new HashMap<>();
  private final Map<String, Integer> workspaceByName = new HashMap<>();
  private final Map<String, Integer> workspaceByFolder = new HashMap<>();
  private final Map<String, Optional<PackageJson>> manifests = new HashMap<>();
  private int root = -1;
  private long edges;

  YarnGraph(String source, boolean berry, List<YarnEntry> entries, ProjectFiles project,
      Limits limits) {
    this.source = source;
    this.berry = berry;
    this.entries = entries;
    this.project = project;
    this.limits = limits;
  }

  /**
   * Returns the warnings, sorted and distinct (independent of entry order).
   *
   * @return the warnings
   */
  List<String> warnings() {
    return List.copyOf(new TreeSet<>(warnings));
  }

  DependencyGraph build() throws IOException {
    index();
    Kind[] kinds = new Kind[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      kinds[i] = classify(entries.get(i));
    }
    addWorkspaces(kinds);
    addPackages(kinds);
    for (int i = 0; i < entries.size(); i++) {
      addEntryEdges(i, kinds[i]);
    }
    if (!berry) {
      addManifestEdges();
    }
    DepFlags.compute(b, root, null);
    return b.build();
  }

  /** Reads a manifest once per folder. */
  private Optional<PackageJson> manifest(String folder) throws IOException {
    Optional<PackageJson> m = manifests.get(folder);
    if (m == null) {
      m = project.manifest(folder, limits);
      manifests.put(folder, m);
    }
    return m;
  }

  // ------------------------------------------------------------------ descriptors

  private void index() {
    for (int i = 0; i < entries.size(); i++) {
      YarnEntry e = entries.get(i);
      for (String d : e.descriptors) {
        if (YarnEntry.split(d) < 1) {
          throw invalid(e, "invalid descriptor " + SupplyChainException.quote(d)
              + ": expected name@range");
        }
        Integer old = byDescriptor.putIfAbsent(d, i);
        if (old != null && old != i) {
          throw invalid(e, "descriptor " + SupplyChainException.quote(d)
              + " also appears in the entry at line " + entries.get(old).line);
        }
        int loc = d.indexOf("::locator=");
        if (loc > 0) {
          String s = d.substring(0, loc);
          Integer prev = byStripped.putIfAbsent(s, i);
          if (prev != null && prev != i) {
            byStripped.put(s, -1);
          }
        }
        if (berry) {
          int at = YarnEntry.split(d);
          String spec = d.substring(at + 1);
          if (spec.startsWith("patch:")) {
            int hash = spec.indexOf('#');
            if (hash > 6 && (spec.indexOf("builtin<", hash) > 0)) {
              patchOf.putIfAbsent(decode(spec.substring(6, hash)), i);
            }
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ classification

  /** What an entry is: its real name, version, source and base location. */
  private record Kind(String realName, String version, PackageSource source, String location,
      String workspace, String unscanned) {
  }

  private Kind classify(YarnEntry e) {
    return berry ? classifyBerry(e) : classifyClassic(e);
  }

  private Kind classifyClassic(YarnEntry e) {
    // the real name: from an npm: alias spec, else the descriptor's name
    String first = firstSorted(e);
    int at = YarnEntry.split(first);
    String name = first.substring(0, at);
    String spec = first.substring(at + 1);
    for (String d : e.descriptors) {
      int a = YarnEntry.split(d);
      String s = d.substring(a + 1);
      if (!s.startsWith("npm:")) {
        name = d.substring(0, a);
        spec = s;
        break;
      }
    }
    if (spec.startsWith("npm:")) {
      String inner = spec.substring(4);
      int a = YarnEntry.split(inner);
      name = a > 0 ? inner.substring(0, a) : inner;
      spec = a > 0 ? inner.substring(a + 1) : "";
    }
    String resolved = e.resolved;
    int hash = resolved.indexOf('#');
    String url = hash >= 0 ? resolved.substring(0, hash) : resolved;
    String frag = hash >= 0 ? resolved.substring(hash + 1) : "";
    PackageSource src;
    String unscanned = "";
    boolean registry = false;
    if (resolved.isEmpty()) {
      if (spec.startsWith("file:") || spec.startsWith("link:")) {
        String p = spec.substring(5);
        src = new PackageSource.LocalPath(p, !isTarball(p));
      } else if (!e.version.isEmpty()) {
        src = new PackageSource.Registry("");
        registry = true;
      } else {
        src = new PackageSource.Unknown(spec);
        unscanned = "yarn.lock entry without version or resolved URL";
      }
    } else if (isGit(url) || spec.startsWith("github:") || url.contains("codeload.github")) {
      String repo = isGit(url) ? url : gitRepoFromSpec(spec, url);
      src = new PackageSource.Git(repo, isCommit(frag) ? frag : lastSegmentCommit(url),
          committish(spec));
    } else if (url.startsWith("http://") || url.startsWith("https://")) {
      if (url.contains("/-/") && isTarball(url)) {
        src = new PackageSource.Registry(url);
        registry = true;
      } else {
        src = new PackageSource.RemoteTarball(url);
      }
    } else if (url.startsWith("file:")) {
      String p = url.substring(5);
      src = new PackageSource.LocalPath(p, !isTarball(p));
    } else {
      src = new PackageSource.Unknown(resolved);
      unscanned = "unrecognised resolved URL";
    }
    String location = registry ? name + "@npm:" + e.version
        : name + "@" + (resolved.isEmpty() ? spec : resolved);
    return new Kind(name, e.version, src, location, null, unscanned);
  }

  private static String firstSorted(YarnEntry e) {
    String f = null;
    for (String d : e.descriptors) {
      if (f == null || d.compareTo(f) < 0) {
        f = d;
      }
    }
    return f;
  }

  private Kind classifyBerry(YarnEntry e) {
    String res = e.resolved;
    int at = YarnEntry.split(res);
    if (res.isEmpty() || at < 1) {
      throw invalid(e, "entry has no valid resolution " + SupplyChainException.quote(res)
          + ": expected name@protocol:reference");
    }
    String name = res.substring(0, at);
    String ref = res.substring(at + 1);
    String unscanned = "";
    PackageSource src;
    String workspace = null;
    if (ref.startsWith("patch:")) {
      int hash = ref.indexOf('#');
      String inner = decode(hash > 6 ? ref.substring(6, hash) : ref.substring(6));
      String patch = hash > 0 ? ref.substring(hash + 1) : "";
      int ia = YarnEntry.split(inner);
      String innerRef = ia > 0 ? inner.substring(ia + 1) : inner;
      src = berrySource(name, innerRef);
      if (!patch.contains("builtin<")) {
        int meta = patch.indexOf("::");
        unscanned = "patched by " + (meta >= 0 ? patch.substring(0, meta) : patch)
            + ": contents differ from the original package";
      }
    } else if (ref.startsWith("workspace:")) {
      String p = ref.substring("workspace:".length());
      workspace = p.equals(".") ? "" : p.startsWith("./") ? p.substring(2) : p;
      src = workspace.isEmpty() ? new PackageSource.Project()
          : new PackageSource.Workspace(workspace);
    } else {
      src = berrySource(name, ref);
    }
    if (src instanceof PackageSource.Unknown && unscanned.isEmpty()) {
      unscanned = "unrecognised resolution protocol";
    }
    return new Kind(name, e.version, src, workspace != null ? workspace : res, workspace,
        unscanned);
  }

  private static PackageSource berrySource(String name, String ref) {
    if (ref.startsWith("npm:")) {
      String v = ref.substring(4);
      int a = YarnEntry.split(v);
      if (a > 0) {
        return new PackageSource.Alias(realName(v.substring(0, a)), "");
      }
      return new PackageSource.Registry("");
    }
    if (ref.startsWith("portal:") || ref.startsWith("link:")) {
      return new PackageSource.LocalPath(path(ref.substring(ref.indexOf(':') + 1)), true);
    }
    if (ref.startsWith("file:")) {
      String p = path(ref.substring(5));
      return new PackageSource.LocalPath(p, !isTarball(p));
    }
    int hash = ref.indexOf('#');
    String url = hash >= 0 ? ref.substring(0, hash) : ref;
    String frag = hash >= 0 ? ref.substring(hash + 1) : "";
    if (isGit(url) || frag.startsWith("commit=") || url.startsWith("github:")) {
      String commit = "";
      String committish = "";
      for (String part : frag.split("&")) {
        if (part.startsWith("commit=")) {
          commit = part.substring(7);
        } else if (!part.isEmpty() && part.indexOf('=') < 0) {
          committish = part;
        } else if (part.startsWith("head=") || part.startsWith("tag=")
            || part.startsWith("semver=")) {
          committish = part;
        }
      }
      if (committish.isEmpty()) {
        committish = commit;
      }
      return new PackageSource.Git(url, commit, committish);
    }
    if (url.startsWith("http://") || url.startsWith("https://")) {
      return new PackageSource.RemoteTarball(ref);
    }
    return new PackageSource.Unknown(name + "@" + ref);
  }

  private static PackageName realName(String n) {
    return PackageName.tryParse(n).orElseGet(() -> new PackageName("invalid-name"));
  }

  /** A path reference without yarn's {@code #...} and {@code ::...} suffixes. */
  private static String path(String p) {
    int cut = p.length();
    int h = p.indexOf('#');
    if (h >= 0) {
      cut = h;
    }
    int m = p.indexOf("::");
    if (m >= 0 && m < cut) {
      cut = m;
    }
    return p.substring(0, cut);
  }

  private static boolean isTarball(String p) {
    return p.endsWith(".tgz") || p.endsWith(".tar.gz") || p.endsWith(".tar");
  }

  private static boolean isGit(String url) {
    return url.startsWith("git+") || url.startsWith("git:") || url.startsWith("git@")
        || url.startsWith("ssh:") || url.endsWith(".git");
  }

  private static boolean isCommit(String s) {
    if (s.length() < 7 || s.length() > 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String lastSegmentCommit(String url) {
    String last = url.substring(url.lastIndexOf('/') + 1);
    return isCommit(last) ? last : "";
  }

  private static String gitRepoFromSpec(String spec, String url) {
    int h = spec.indexOf('#');
    String s = h >= 0 ? spec.substring(0, h) : spec;
    return s.isEmpty() ? url : s;
  }

  private static String committish(String spec) {
    int h = spec.indexOf('#');
    return h >= 0 ? spec.substring(h + 1) : "";
  }

  // ------------------------------------------------------------------ nodes

  private void addWorkspaces(Kind[] kinds) throws IOException {
    if (berry) {
      for (int i = 0; i < entries.size(); i++) {
        Kind k = kinds[i];
        if (k.workspace() == null) {
          continue;
        }
        if (workspaceByFolder.containsKey(k.workspace())) {
          throw invalid(entries.get(i), "two entries for workspace "
              + SupplyChainException.quote(k.workspace()));
        }
        checkPath(k.workspace());
        String version = k.version();
        Optional<PackageJson> m = manifest(k.workspace());
        if (m.isPresent() && !m.get().version().isEmpty()) {
          version = m.get().version();
        } else if (version.equals("0.0.0-use.local")) {
          version = "";
        }
        int id = b.addNode(k.realName(), version, k.workspace(), k.source());
        addWorkspaceNode(id, k.realName(), k.workspace());
      }
      if (root < 0) {
        warnings.add("yarn.lock has no root workspace entry (name@workspace:.); the root is "
            + "taken from package.json");
        addManifestRoot();
      }
    } else {
      addManifestRoot();
      PackageJson rootManifest = manifest("").orElse(PackageJson.EMPTY);
      if (!rootManifest.workspaces().isEmpty()) {
        for (String folder : project.expandWorkspaces(rootManifest.workspaces(), limits)) {
          if (folder.isEmpty() || workspaceByFolder.containsKey(folder)) {
            continue;
          }
          checkPath(folder);
          Optional<PackageJson> m = manifest(folder);
          if (m.isEmpty()) {
            continue;
          }
          String name = m.get().name().isEmpty() ? folder.substring(folder.lastIndexOf('/') + 1)
              : m.get().name();
          int id = b.addNode(name, m.get().version(), folder,
              new PackageSource.Workspace(folder));
          addWorkspaceNode(id, name, folder);
        }
      }
    }
    for (Map.Entry<String, Integer> w : new TreeMap<>(workspaceByFolder).entrySet()) {
      if (!w.getKey().isEmpty()) {
        b.workspaceRoot(w.getValue());
        addEdge(root, w.getValue(), b.name(w.getValue()), w.getKey(), DependencyType.WORKSPACE);
      }
    }
  }

  private void addManifestRoot() throws IOException {
    Optional<PackageJson> m = manifest("");
    if (m.isEmpty()) {
      if (!berry) {
        warnings.add("package.json beside yarn.lock is not available: the root's own "
            + "dependencies are unknown, so every package appears extraneous");
      }
    }
    PackageJson pj = m.orElse(PackageJson.EMPTY);
    int id = b.addNode(pj.name(), pj.version(), "", new PackageSource.Project());
    addWorkspaceNode(id, pj.name(), "");
  }

  private void addWorkspaceNode(int id, String name, String folder) {
    if (folder.isEmpty()) {
      root = id;
      b.root(id);
    }
    workspaceByFolder.put(folder, id);
    if (!name.isEmpty()) {
      workspaceByName.putIfAbsent(name, id);
    }
    nodesByName.computeIfAbsent(name, k -> new ArrayList<>(1)).add(id);
  }

  private void addPackages(Kind[] kinds) {
    // classic: two entries giving the same location (name@npm:version) but recorded with
    // different URLs get the URL appended; identical ones share the node
    Map<String, TreeSet<String>> urls = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Kind k = kinds[i];
      if (k.workspace() == null) {
        for (String installed : installedNames(entries.get(i))) {
          String loc = installed.equals(k.realName()) ? k.location()
              : installed + "@" + k.location();
          urls.computeIfAbsent(loc, x -> new TreeSet<>()).add(entries.get(i).resolved);
        }
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      YarnEntry e = entries.get(i);
      Kind k = kinds[i];
      Map<String, Integer> nodes = new LinkedHashMap<>(2);
      nodesOf.add(nodes);
      if (k.workspace() != null) {
        int id = workspaceByFolder.get(k.workspace());
        for (String d : e.descriptors) {
          nodes.put(d.substring(0, YarnEntry.split(d)), id);
        }
        nodes.putIfAbsent(k.realName(), id);
        continue;
      }
      for (String installed : installedNames(e)) {
        boolean alias = !installed.equals(k.realName());
        String location = alias ? installed + "@" + k.location() : k.location();
        if (!berry && urls.get(location).size() > 1 && !e.resolved.isEmpty()) {
          location = location + "#" + e.resolved;
        }
        checkPath(location);
        PackageSource src = k.source();
        if (alias && src instanceof PackageSource.Registry r) {
          src = new PackageSource.Alias(realName(k.realName()), r.resolved());
        }
        int id = b.nodeAt(location);
        if (id < 0) {
          id = b.addNode(installed, k.version(), location, src);
          String integrity = integrity(e);
          b.integrity(id, integrity);
          conditions(id, e.conditions);
          if (!k.unscanned().isEmpty()) {
            b.unscanned(id, k.unscanned());
          }
          nodesByName.computeIfAbsent(installed, x -> new ArrayList<>(1)).add(id);
        }
        nodes.put(installed, id);
      }
    }
  }

  private static TreeSet<String> installedNames(YarnEntry e) {
    TreeSet<String> names = new TreeSet<>();
    for (String d : e.descriptors) {
      names.add(d.substring(0, YarnEntry.split(d)));
    }
    return names;
  }

  private String integrity(YarnEntry e) {
    if (!e.integrity.isEmpty() || berry) {
      return e.integrity;
    }
    int h = e.resolved.lastIndexOf('#');
    if (h >= 0) {
      String sha = e.resolved.substring(h + 1);
      if (sha.length() == 40 && isCommit(sha) && !isGit(e.resolved.substring(0, h))) {
        byte[] bytes = new byte[20];
        for (int i = 0; i < 20; i++) {
          bytes[i] = (byte) Integer.parseInt(sha.substring(2 * i, 2 * i + 2), 16);
        }
        return "sha1-" + Base64.getEncoder().encodeToString(bytes);
      }
    }
    return "";
  }

  private void conditions(int id, String conditions) {
    if (conditions.isEmpty()) {
      return;
    }
    List<String> os = new ArrayList<>();
    List<String> cpu = new ArrayList<>();
    for (String part : conditions.split("[&|()]")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = p.substring(0, eq).strip();
      String val = p.substring(eq + 1).strip();
      if (key.equals("os")) {
        os.add(val);
      } else if (key.equals("cpu")) {
        cpu.add(val);
      }
    }
    b.os(id, os);
    b.cpu(id, cpu);
  }

  private void checkPath(String location) {
    if (location.length() > limits.maxPathLength()) {
      throw new LimitExceededException(source, "maxPathLength", limits.maxPathLength(),
          location.length());
    }
  }

  // ------------------------------------------------------------------ edges

  private void addEntryEdges(int i, Kind k) throws IOException {
    YarnEntry e = entries.get(i);
    Map<String, Integer> nodes = nodesOf.get(i);
    if (nodes.isEmpty()) {
      return;
    }
    List<Integer> from = new ArrayList<>(new TreeSet<>(nodes.values()));
    PackageJson manifest = null;
    if (k.workspace() != null) {
      Optional<PackageJson> m = manifest(k.workspace());
      if (m.isPresent()) {
        manifest = m.get();
      } else if (!e.dependencies.isEmpty()) {
        warnings.add("workspace " + SupplyChainException.quote(k.workspace().isEmpty() ? "."
            : k.workspace()) + ": package.json not available, so its devDependencies cannot be "
            + "told apart and all its dependencies are counted as production");
      }
    }
    for (Map.Entry<String, String> d : e.dependencies.entrySet()) {
      String name = d.getKey();
      DependencyType type = DependencyType.PROD;
      if (e.optionalNames.contains(name)) {
        type = DependencyType.OPTIONAL;
      } else if (manifest != null) {
        if (manifest.optionalDependencies().containsKey(name)) {
          type = DependencyType.OPTIONAL;
        } else if (!manifest.dependencies().containsKey(name)
            && manifest.devDependencies().containsKey(name)) {
          type = DependencyType.DEV;
        }
      }
      edgeFrom(from, i, name, d.getValue(), type);
    }
    for (Map.Entry<String, String> d : e.optionalDependencies.entrySet()) {
      edgeFrom(from, i, d.getKey(), d.getValue(), DependencyType.OPTIONAL);
    }
    for (Map.Entry<String, String> d : e.peerDependencies.entrySet()) {
      DependencyType type = e.optionalPeers.contains(d.getKey()) ? DependencyType.PEER_OPTIONAL
          : DependencyType.PEER;
      edgeFrom(from, i, d.getKey(), d.getValue(), type);
    }
    if (k.source() instanceof PackageSource.LocalPath lp && lp.directory()
        && e.linkType.equals("soft")) {
      // portal: / link: to a workspace folder becomes a link to that workspace
      String folder = normalise(k.workspace() == null ? lp.path() : lp.path());
      Integer target = folder == null ? null : workspaceByFolder.get(folder);
      if (target != null) {
        for (int f : from) {
          b.linkTarget(f, target);
        }
      }
    }
  }

  private static String normalise(String p) {
    String s = p.startsWith("./") ? p.substring(2) : p;
    if (s.contains("..") || s.startsWith("/")) {
      return null;
    }
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private void edgeFrom(List<Integer> from, int entry, String name, String spec,
      DependencyType type) {
    int to = resolve(entry, name, spec, type);
    for (int f : from) {
      addEdge(f, to, name, spec, type);
    }
  }

  private void addManifestEdges() throws IOException {
    for (Map.Entry<String, Integer> w : new TreeMap<>(workspaceByFolder).entrySet()) {
      Optional<PackageJson> m = manifest(w.getKey());
      if (m.isEmpty()) {
        continue;
      }
      PackageJson pj = m.get();
      List<Integer> from = List.of(w.getValue());
      for (Map.Entry<String, String> d : pj.dependencies().entrySet()) {
        if (!pj.optionalDependencies().containsKey(d.getKey())) {
          edgeFrom(from, -1, d.getKey(), d.getValue(), DependencyType.PROD);
        }
      }
      for (Map.Entry<String, String> d : pj.optionalDependencies().entrySet()) {
        edgeFrom(from, -1, d.getKey(), d.getValue(), DependencyType.OPTIONAL);
      }
      for (Map.Entry<String, String> d : pj.devDependencies().entrySet()) {
        if (!pj.dependencies().containsKey(d.getKey())
            && !pj.optionalDependencies().containsKey(d.getKey())) {
          edgeFrom(from, -1, d.getKey(), d.getValue(), DependencyType.DEV);
        }
      }
      for (Map.Entry<String, String> d : pj.peerDependencies().entrySet()) {
        edgeFrom(from, -1, d.getKey(), d.getValue(), pj.optionalPeers().contains(d.getKey())
            ? DependencyType.PEER_OPTIONAL : DependencyType.PEER);
      }
    }
  }

  /** Resolves a dependency of an entry (or of a manifest when {@code entry < 0}) to a node. */
  private int resolve(int entry, String name, String spec, DependencyType type) {
    Integer target = lookup(entry, name, spec);
    if (target != null) {
      Integer id = nodesOf.get(target).get(name);
      if (id == null) {
        id = nodesOf.get(target).values().iterator().next();
      }
      return id;
    }
    Integer ws = workspaceByName.get(name);
    if (ws != null && (!berry || spec.startsWith("workspace:") || type.isPeer())) {
      return ws;
    }
    if (type.isPeer()) {
      int best = bestByName(name);
      if (best >= 0) {
        return best;
      }
    }
    if (type != DependencyType.OPTIONAL && type != DependencyType.PEER_OPTIONAL) {
      String from = entry < 0 ? "the project's package.json"
          : SupplyChainException.quote(firstSorted(entries.get(entry)));
      warnings.add("dependency " + name + "@" + spec + " of " + from
          + " has no entry in yarn.lock; the lockfile is out of date (run yarn install)");
    }
    return -1;
  }

  private Integer lookup(int entry, String name, String spec) {
    String d = name + "@" + spec;
    Integer t = exact(d);
    if (t != null) {
      return t;
    }
    if (berry) {
      if (!hasProtocol(spec)) {
        t = exact(name + "@npm:" + spec);
        if (t != null) {
          return t;
        }
      }
      if (entry >= 0 && !spec.contains("::")) {
        t = exact(d + "::locator=" + encode(entries.get(entry).resolved));
        if (t != null) {
          return t;
        }
      }
      Integer s = byStripped.get(d);
      if (s != null && s >= 0) {
        return s;
      }
    }
    return null;
  }

  private Integer exact(String d) {
    Integer p = patchOf.get(d);
    return p != null ? p : byDescriptor.get(d);
  }

  private int bestByName(String name) {
    List<Integer> c = nodesByName.get(name);
    if (c == null || c.isEmpty()) {
      return -1;
    }
    int best = c.get(0);
    for (int id : c) {
      if (compareVersions(b.version(id), b.version(best)) > 0
          || (compareVersions(b.version(id), b.version(best)) == 0
              && b.location(id).compareTo(b.location(best)) < 0)) {
        best = id;
      }
    }
    return best;
  }

  /** Orders versions by their numeric major.minor.patch, then as text. */
  static int compareVersions(String a, String c) {
    String[] x = a.split("[.+-]", 4);
    String[] y = c.split("[.+-]", 4);
    for (int i = 0; i < 3; i++) {
      long p = i < x.length ? num(x[i]) : 0;
      long q = i < y.length ? num(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    boolean pa = a.indexOf('-') >= 0;
    boolean pc = c.indexOf('-') >= 0;
    if (pa != pc) {
      return pa ? -1 : 1;
    }
    return a.compareTo(c);
  }

  private static long num(String s) {
    long v = 0;
    for (int i = 0; i < s.length() && i < 15; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  private static boolean hasProtocol(String spec) {
    int c = spec.indexOf(':');
    if (c <= 0) {
      return false;
    }
    for (int i = 0; i < c; i++) {
      char ch = spec.charAt(i);
      if (!((ch >= 'a' && ch <= 'z') || ch == '+' || ch == '-')) {
        return false;
      }
    }
    return true;
  }

  private void addEdge(int from, int to, String name, String spec, DependencyType type) {
    if (++edges > (long) limits.maxEntries() * 8) {
      throw new LimitExceededException(source, "maxEntries", limits.maxEntries(), edges / 8);
    }
    b.addEdge(from, to, name, spec, type);
  }

  // ------------------------------------------------------------------ helpers

  /** encodeURIComponent. */
  static String encode(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (byte x : bytes) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-_.!~*'()".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }

  /** decodeURIComponent, leaving malformed escapes as they are. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()
          && Character.digit(s.charAt(i + 1), 16) >= 0
          && Character.digit(s.charAt(i + 2), 16) >= 0) {
        out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] bs = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bs, 0, bs.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private InvalidInputException invalid(YarnEntry e, String reason) {
    return new InvalidInputException(source, e.line, e.column,
        reason + "; see docs/errors.md#malformed-lockfile");
  }
}
