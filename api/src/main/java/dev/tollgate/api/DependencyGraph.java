package dev.tollgate.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * What will be installed: packages (nodes) and the dependencies between them (edges), read from a
 * lockfile or resolved from a {@code package.json}.
 *
 * <p>Storage is compact: nodes and edges are {@code int} ids into parallel arrays; {@link Node} and
 * {@link Edge} values are views created on demand. Nodes are ordered by location (the root, at
 * {@code ""}, first) and edges by source node, name, type and spec, so two graphs built from the
 * same data in any order are equal node by node.
 *
 * <pre>{@code
 * DependencyGraph g = DependencyGraph.builder();  // readers in tollgate-core build graphs
 * for (Node n : g.find("minimist")) {
 *   for (List<Node> path : g.pathsTo(n.id(), 10)) { ... }   // like npm explain
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class DependencyGraph {

  private static final NodeFlag[] FLAGS = NodeFlag.values();
  private static final DependencyType[] TYPES = DependencyType.values();

  private final int nodeCount;
  private final String[] names;
  private final String[] versions;
  private final String[] locations;
  private final PackageSource[] sources;
  private final String[] integrities;
  private final int[] flags;
  private final String[] licenses;
  private final Map<String, String>[] engines;
  private final List<String>[] oses;
  private final List<String>[] cpus;
  private final int[] linkTargets;
  private final String[] unscanned;

  private final int edgeCount;
  private final int[] edgeFrom;
  private final int[] edgeTo;
  private final String[] edgeName;
  private final String[] edgeSpec;
  private final byte[] edgeType;
  private final int[] outStart;
  private final int[] inStart;
  private final int[] inEdges;
  private final int[] linkStart;
  private final int[] linksTo;

  private final int root;
  private final int[] workspaceRoots;
  /** Lookup indexes, built on first use (a benign race: every thread builds the same maps). */
  private volatile Map<String, Integer> byLocation;
  private volatile Map<String, int[]> byName;

  @SuppressWarnings("unchecked")
  private DependencyGraph(Builder b, int[] order) {
    int n = order.length;
    nodeCount = n;
    int[] newId = new int[n];
    for (int i = 0; i < n; i++) {
      newId[order[i]] = i;
    }
    names = new String[n];
    versions = new String[n];
    locations = new String[n];
    sources = new PackageSource[n];
    integrities = new String[n];
    flags = new int[n];
    licenses = new String[n];
    engines = new Map[n];
    oses = new List[n];
    cpus = new List[n];
    linkTargets = new int[n];
    unscanned = new String[n];
    for (int i = 0; i < n; i++) {
      int o = order[i];
      names[i] = b.names.get(o);
      versions[i] = b.versions.get(o);
      locations[i] = b.locations.get(o);
      sources[i] = b.sources.get(o);
      integrities[i] = b.integrities.get(o);
      flags[i] = b.flags.get(o);
      licenses[i] = b.licenses.get(o);
      engines[i] = b.engines.get(o);
      oses[i] = b.oses.get(o);
      cpus[i] = b.cpus.get(o);
      int t = b.linkTargets.get(o);
      linkTargets[i] = t < 0 ? -1 : newId[t];
      unscanned[i] = b.unscanned.get(o);
    }
    // edges, sorted
    int m = b.edgeFrom.size();
    int[] from = new int[m];
    int[] to = new int[m];
    for (int i = 0; i < m; i++) {
      from[i] = newId[b.edgeFrom.get(i)];
      int t = b.edgeTo.get(i);
      to[i] = t < 0 ? -1 : newId[t];
    }
    // counting sort by source node, then a small insertion sort per node by name, type, spec, to
    int[] start = new int[n + 1];
    for (int i = 0; i < m; i++) {
      start[from[i] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] eo = new int[m];
    int[] fillPos = Arrays.copyOf(start, n);
    for (int i = 0; i < m; i++) {
      eo[fillPos[from[i]]++] = i;
    }
    for (int v = 0; v < n; v++) {
      for (int i = start[v] + 1; i < start[v + 1]; i++) {
        int x = eo[i];
        int j = i - 1;
        while (j >= start[v] && compareEdges(b, to, eo[j], x) > 0) {
          eo[j + 1] = eo[j];
          j--;
        }
        eo[j + 1] = x;
      }
    }
    edgeCount = m;
    edgeFrom = new int[m];
    edgeTo = new int[m];
    edgeName = new String[m];
    edgeSpec = new String[m];
    edgeType = new byte[m];
    for (int i = 0; i < m; i++) {
      int o = eo[i];
      edgeFrom[i] = from[o];
      edgeTo[i] = to[o];
      edgeName[i] = b.edgeName.get(o);
      edgeSpec[i] = b.edgeSpec.get(o);
      edgeType[i] = (byte) b.edgeType.get(o);
    }
    outStart = new int[n + 1];
    for (int i = 0; i < m; i++) {
      outStart[edgeFrom[i] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
    }
    inStart = new int[n + 1];
    for (int i = 0; i < m; i++) {
      if (edgeTo[i] >= 0) {
        inStart[edgeTo[i] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      inStart[i + 1] += inStart[i];
    }
    inEdges = new int[inStart[n]];
    int[] fill = Arrays.copyOf(inStart, n);
    for (int i = 0; i < m; i++) {
      if (edgeTo[i] >= 0) {
        inEdges[fill[edgeTo[i]]++] = i;
      }
    }
    linkStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      if (linkTargets[i] >= 0) {
        linkStart[linkTargets[i] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      linkStart[i + 1] += linkStart[i];
    }
    linksTo = new int[linkStart[n]];
    int[] lfill = Arrays.copyOf(linkStart, n);
    for (int i = 0; i < n; i++) {
      if (linkTargets[i] >= 0) {
        linksTo[lfill[linkTargets[i]]++] = i;
      }
    }
    root = b.root < 0 ? 0 : newId[b.root];
    workspaceRoots = b.workspaceRoots.stream().mapToInt(w -> newId[w]).sorted().distinct().toArray();
  }

  private Map<String, Integer> locationIndex() {
    Map<String, Integer> m = byLocation;
    if (m == null) {
      m = new HashMap<>(nodeCount * 2);
      for (int i = 0; i < nodeCount; i++) {
        m.put(locations[i], i);
      }
      byLocation = m;
    }
    return m;
  }

  private Map<String, int[]> nameIndex() {
    Map<String, int[]> m = byName;
    if (m == null) {
      Map<String, List<Integer>> byN = new HashMap<>();
      for (int i = 0; i < nodeCount; i++) {
        byN.computeIfAbsent(names[i], k -> new ArrayList<>(1)).add(i);
      }
      m = new HashMap<>(byN.size() * 2);
      for (Map.Entry<String, List<Integer>> e : byN.entrySet()) {
        m.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
      }
      byName = m;
    }
    return m;
  }

  private static int compareEdges(Builder b, int[] to, int x, int y) {
    int c = b.edgeName.get(x).compareTo(b.edgeName.get(y));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(b.edgeType.get(x), b.edgeType.get(y));
    if (c != 0) {
      return c;
    }
    c = b.edgeSpec.get(x).compareTo(b.edgeSpec.get(y));
    return c != 0 ? c : Integer.compare(to[x], to[y]);
  }

  /** A growable {@code int} list, so the builder boxes nothing. */
  private static final class IntList {
    private int[] data = new int[64];
    private int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int get(int i) {
      Objects.checkIndex(i, size);
      return data[i];
    }

    void set(int i, int v) {
      Objects.checkIndex(i, size);
      data[i] = v;
    }

    int size() {
      return size;
    }
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the number of nodes.
   *
   * @return the node count
   */
  public int size() {
    return nodeCount;
  }

  /**
   * Returns the number of edges.
   *
   * @return the edge count
   */
  public int edgeCount() {
    return edgeCount;
  }

  /**
   * Returns a node.
   *
   * @param id the id, {@code 0 <= id < size()}
   * @return the node
   * @throws IndexOutOfBoundsException if the id is out of range
   */
  public Node node(int id) {
    Objects.checkIndex(id, nodeCount);
    Set<NodeFlag> fs = EnumSet.noneOf(NodeFlag.class);
    int f = flags[id];
    for (NodeFlag flag : FLAGS) {
      if ((f & (1 << flag.ordinal())) != 0) {
        fs.add(flag);
      }
    }
    return new Node(id, names[id], versions[id], locations[id], sources[id], integrities[id], fs,
        licenses[id], engines[id], oses[id], cpus[id], linkTargets[id], unscanned[id]);
  }

  /**
   * Returns the name of a node without creating a {@link Node} view.
   *
   * @param id the node id
   * @return the name
   * @throws IndexOutOfBoundsException if the id is out of range
   */
  public String name(int id) {
    return names[Objects.checkIndex(id, nodeCount)];
  }

  /**
   * Returns the version of a node without creating a {@link Node} view.
   *
   * @param id the node id
   * @return the version, or empty
   * @throws IndexOutOfBoundsException if the id is out of range
   */
  public String version(int id) {
    return versions[Objects.checkIndex(id, nodeCount)];
  }

  /**
   * Returns the source of a node without creating a {@link Node} view.
   *
   * @param id the node id
   * @return the source
   * @throws IndexOutOfBoundsException if the id is out of range
   */
  public PackageSource source(int id) {
    return sources[Objects.checkIndex(id, nodeCount)];
  }

  /**
   * Tells whether a node has a flag, without creating a {@link Node} view.
   *
   * @param id the node id
   * @param flag the flag
   * @return true if set
   * @throws IndexOutOfBoundsException if the id is out of range
   */
  public boolean has(int id, NodeFlag flag) {
    return (flags[Objects.checkIndex(id, nodeCount)] & (1 << flag.ordinal())) != 0;
  }

  /**
   * Returns every node, in id order.
   *
   * @return the nodes
   */
  public List<Node> nodes() {
    List<Node> out = new ArrayList<>(nodeCount);
    for (int i = 0; i < nodeCount; i++) {
      out.add(node(i));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns every edge, ordered by source node, name, type and spec.
   *
   * @return the edges
   */
  public List<Edge> edges() {
    List<Edge> out = new ArrayList<>(edgeCount);
    for (int i = 0; i < edgeCount; i++) {
      out.add(edge(i));
    }
    return Collections.unmodifiableList(out);
  }

  private Edge edge(int i) {
    return new Edge(edgeFrom[i], edgeTo[i], edgeName[i], edgeSpec[i], TYPES[edgeType[i]]);
  }

  /**
   * Returns the edges a node declares.
   *
   * @param id the node id
   * @return its outgoing edges, by name
   * @throws IndexOutOfBoundsException if the id is out of range
   */
  public List<Edge> edgesFrom(int id) {
    Objects.checkIndex(id, nodeCount);
    List<Edge> out = new ArrayList<>(outStart[id + 1] - outStart[id]);
    for (int i = outStart[id]; i < outStart[id + 1]; i++) {
      out.add(edge(i));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the edges that resolve to a node.
   *
   * @param id the node id
   * @return its incoming edges
   * @throws IndexOutOfBoundsException if the id is out of range
   */
  public List<Edge> edgesTo(int id) {
    Objects.checkIndex(id, nodeCount);
    List<Edge> out = new ArrayList<>(inStart[id + 1] - inStart[id]);
    for (int i = inStart[id]; i < inStart[id + 1]; i++) {
      out.add(edge(inEdges[i]));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the link nodes whose target is a node.
   *
   * @param id the node id
   * @return the links pointing at it
   * @throws IndexOutOfBoundsException if the id is out of range
   */
  public List<Node> linksTo(int id) {
    Objects.checkIndex(id, nodeCount);
    List<Node> out = new ArrayList<>();
    for (int i = linkStart[id]; i < linkStart[id + 1]; i++) {
      out.add(node(linksTo[i]));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the root: the project itself.
   *
   * @return the root node
   */
  public Node root() {
    return node(root);
  }

  /**
   * Returns the workspace roots (the workspaces' own folders), by location.
   *
   * @return the workspace roots, possibly empty
   */
  public List<Node> workspaceRoots() {
    List<Node> out = new ArrayList<>(workspaceRoots.length);
    for (int w : workspaceRoots) {
      out.add(node(w));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Finds the node at a location.
   *
   * @param location the location, for example {@code node_modules/a}
   * @return the node, or empty
   */
  public Optional<Node> nodeAt(String location) {
    Integer id = locationIndex().get(location);
    return id == null ? Optional.empty() : Optional.of(node(id));
  }

  /**
   * Finds the nodes installed under a name.
   *
   * @param name the name
   * @return the nodes, by location; empty when none
   */
  public List<Node> find(String name) {
    int[] ids = nameIndex().get(name);
    if (ids == null) {
      return List.of();
    }
    List<Node> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(node(id));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Finds the nodes with a name and version.
   *
   * @param name the name
   * @param version the exact version
   * @return the nodes, by location; empty when none
   */
  public List<Node> find(String name, String version) {
    return find(name).stream().filter(n -> n.version().equals(version)).toList();
  }

  /**
   * Returns the dependency paths from the root to a node: why it is installed, like
   * {@code npm explain}. Each path starts at the root and ends at the node; a link and its target
   * both appear. Paths do not repeat a node. Search is depth-first in edge order, so the result is
   * deterministic.
   *
   * @param id the node id
   * @param limit the most paths to return, &gt; 0 (the count can grow exponentially)
   * @return the paths, each a list of nodes from the root; empty when unreachable
   * @throws IndexOutOfBoundsException if the id is out of range
   * @throws IllegalArgumentException if {@code limit} &lt;= 0
   */
  public List<List<Node>> pathsTo(int id, int limit) {
    Objects.checkIndex(id, nodeCount);
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0, was " + limit);
    }
    List<int[]> found = new ArrayList<>();
    // iterative depth-first walk up the incoming edges and links: hostile graphs can be deep
    int[] stack = new int[nodeCount];
    int[] next = new int[nodeCount];
    boolean[] onPath = new boolean[nodeCount];
    int depth = 0;
    stack[0] = id;
    onPath[id] = true;
    while (depth >= 0 && found.size() < limit) {
      int v = stack[depth];
      if (v == root) {
        found.add(Arrays.copyOf(stack, depth + 1));
        onPath[v] = false;
        depth--;
        continue;
      }
      int k = next[depth]++;
      int inCount = inStart[v + 1] - inStart[v];
      int u;
      if (k < inCount) {
        u = edgeFrom[inEdges[inStart[v] + k]];
      } else if (k < inCount + linkStart[v + 1] - linkStart[v]) {
        u = linksTo[linkStart[v] + k - inCount];
      } else {
        onPath[v] = false;
        depth--;
        continue;
      }
      if (!onPath[u]) {
        depth++;
        stack[depth] = u;
        next[depth] = 0;
        onPath[u] = true;
      }
    }
    List<List<Node>> out = new ArrayList<>(found.size());
    for (int[] p : found) {
      List<Node> path = new ArrayList<>(p.length);
      for (int i = p.length - 1; i >= 0; i--) {
        path.add(node(p[i]));
      }
      out.add(Collections.unmodifiableList(path));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the graph without dev-only nodes: what {@code npm install --omit=dev} installs.
   *
   * @return the production view
   */
  public DependencyGraph prodOnly() {
    int bit = 1 << NodeFlag.DEV.ordinal();
    return subgraph(i -> i == root || (flags[i] & bit) == 0);
  }

  /**
   * Returns the root and the nodes needed only for development (flag {@link NodeFlag#DEV}).
   *
   * @return the dev view
   */
  public DependencyGraph devOnly() {
    int bit = 1 << NodeFlag.DEV.ordinal();
    return subgraph(i -> i == root || (flags[i] & bit) != 0);
  }

  /**
   * Returns the subgraph of the nodes a predicate keeps, with the edges between them (and edges
   * from them that were already missing). The root is kept when the predicate keeps it.
   *
   * @param keep the predicate over node ids
   * @return the subgraph
   */
  public DependencyGraph subgraph(IntPredicate keep) {
    Builder b = builder();
    int[] map = new int[nodeCount];
    Arrays.fill(map, -1);
    for (int i = 0; i < nodeCount; i++) {
      if (keep.test(i)) {
        map[i] = b.copyNode(this, i);
      }
    }
    for (int i = 0; i < nodeCount; i++) {
      if (map[i] >= 0 && linkTargets[i] >= 0 && map[linkTargets[i]] >= 0) {
        b.linkTarget(map[i], map[linkTargets[i]]);
      }
    }
    for (int i = 0; i < edgeCount; i++) {
      int f = map[edgeFrom[i]];
      if (f < 0) {
        continue;
      }
      int t = edgeTo[i] < 0 ? -1 : map[edgeTo[i]];
      if (t < 0 && edgeTo[i] >= 0) {
        continue;
      }
      b.addEdge(f, t, edgeName[i], edgeSpec[i], TYPES[edgeType[i]]);
    }
    if (map[root] >= 0) {
      b.root(map[root]);
    }
    for (int w : workspaceRoots) {
      if (map[w] >= 0) {
        b.workspaceRoot(map[w]);
      }
    }
    return b.build();
  }

  /**
   * Returns the names installed in more than one version, with their versions sorted as strings.
   *
   * @return name to versions, sorted by name
   */
  public Map<String, List<String>> duplicates() {
    Map<String, Set<String>> all = new TreeMap<>();
    for (int i = 0; i < nodeCount; i++) {
      if (i != root && !versions[i].isEmpty() && linkTargets[i] < 0) {
        all.computeIfAbsent(names[i], k -> new TreeSet<>()).add(versions[i]);
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    all.forEach((k, v) -> {
      if (v.size() > 1) {
        out.put(k, List.copyOf(v));
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /**
   * Computes summary statistics: counts by flag, depth, duplicates, install scripts, unscanned.
   *
   * @return the statistics
   */
  public GraphStats stats() {
    int packages = 0;
    int dev = 0;
    int optional = 0;
    int devOptional = 0;
    int peer = 0;
    int scripts = 0;
    int unscannedCount = 0;
    int links = 0;
    int prod = 0;
    int notProd = (1 << NodeFlag.DEV.ordinal()) | (1 << NodeFlag.OPTIONAL.ordinal())
        | (1 << NodeFlag.DEV_OPTIONAL.ordinal()) | (1 << NodeFlag.PEER.ordinal());
    for (int i = 0; i < nodeCount; i++) {
      if (i == root) {
        continue;
      }
      if (linkTargets[i] >= 0 || sources[i] instanceof PackageSource.Link) {
        links++;
        continue;
      }
      packages++;
      int f = flags[i];
      if ((f & notProd) == 0) {
        prod++;
      }
      if ((f & (1 << NodeFlag.DEV.ordinal())) != 0) {
        dev++;
      }
      if ((f & (1 << NodeFlag.OPTIONAL.ordinal())) != 0) {
        optional++;
      }
      if ((f & (1 << NodeFlag.DEV_OPTIONAL.ordinal())) != 0) {
        devOptional++;
      }
      if ((f & (1 << NodeFlag.PEER.ordinal())) != 0) {
        peer++;
      }
      if ((f & (1 << NodeFlag.HAS_INSTALL_SCRIPT.ordinal())) != 0) {
        scripts++;
      }
      if ((f & (1 << NodeFlag.UNSCANNED.ordinal())) != 0) {
        unscannedCount++;
      }
    }
    int[] depth = new int[nodeCount];
    Arrays.fill(depth, -1);
    int[] queue = new int[nodeCount];
    int head = 0;
    int tail = 0;
    depth[root] = 0;
    queue[tail++] = root;
    int maxDepth = 0;
    while (head < tail) {
      int v = queue[head++];
      maxDepth = Math.max(maxDepth, depth[v]);
      for (int i = outStart[v]; i < outStart[v + 1]; i++) {
        int t = edgeTo[i];
        if (t >= 0 && depth[t] < 0) {
          depth[t] = depth[v] + 1;
          queue[tail++] = t;
        }
      }
      int lt = linkTargets[v];
      if (lt >= 0 && depth[lt] < 0) {
        depth[lt] = depth[v];
        queue[tail++] = lt;
      }
    }
    int unreachable = 0;
    for (int i = 0; i < nodeCount; i++) {
      if (depth[i] < 0) {
        unreachable++;
      }
    }
    int missing = 0;
    for (int i = 0; i < edgeCount; i++) {
      DependencyType t = TYPES[edgeType[i]];
      if (edgeTo[i] < 0 && t != DependencyType.PEER_OPTIONAL && t != DependencyType.OPTIONAL) {
        missing++;
      }
    }
    return new GraphStats(packages, prod, dev, optional,
        devOptional, peer, links, edgeCount, missing, maxDepth, unreachable, duplicates().size(),
        scripts, unscannedCount);
  }

  @Override
  public String toString() {
    return "DependencyGraph[" + nodeCount + " nodes, " + edgeCount + " edges]";
  }

  /**
   * Builds a {@link DependencyGraph}. Readers add nodes with builder-local ids, set their
   * attributes, add edges between those ids, and call {@link #build()}, which orders everything.
   *
   * <p>Not thread-safe; confine to one thread.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<String> versions = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();
    private final List<PackageSource> sources = new ArrayList<>();
    private final List<String> integrities = new ArrayList<>();
    private final IntList flags = new IntList();
    private final List<String> licenses = new ArrayList<>();
    private final List<Map<String, String>> engines = new ArrayList<>();
    private final List<List<String>> oses = new ArrayList<>();
    private final List<List<String>> cpus = new ArrayList<>();
    private final IntList linkTargets = new IntList();
    private final List<String> unscanned = new ArrayList<>();
    private final Map<String, Integer> byLocation = new HashMap<>();
    private final IntList edgeFrom = new IntList();
    private final IntList edgeTo = new IntList();
    private final List<String> edgeName = new ArrayList<>();
    private final List<String> edgeSpec = new ArrayList<>();
    private final IntList edgeType = new IntList();
    private final List<Integer> workspaceRoots = new ArrayList<>();
    private int root = -1;

    private Builder() {
    }

    /**
     * Adds a node.
     *
     * @param name the installed name
     * @param version the version, or empty
     * @param location the unique location
     * @param source the source
     * @return the node's builder id
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a node already has that location
     */
    public int addNode(String name, String version, String location, PackageSource source) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(source, "source");
      int id = names.size();
      if (byLocation.putIfAbsent(location, id) != null) {
        throw new IllegalArgumentException("duplicate location " + SupplyChainException.quote(location));
      }
      names.add(name);
      versions.add(version);
      locations.add(location);
      sources.add(source);
      integrities.add("");
      flags.add(source instanceof PackageSource.Unknown ? 1 << NodeFlag.UNSCANNED.ordinal() : 0);
      licenses.add("");
      engines.add(Map.of());
      oses.add(List.of());
      cpus.add(List.of());
      linkTargets.add(-1);
      unscanned.add(source instanceof PackageSource.Unknown ? "unrecognised source" : "");
      return id;
    }

    int copyNode(DependencyGraph g, int i) {
      int id = addNode(g.names[i], g.versions[i], g.locations[i], g.sources[i]);
      integrities.set(id, g.integrities[i]);
      flags.set(id, g.flags[i]);
      licenses.set(id, g.licenses[i]);
      engines.set(id, g.engines[i]);
      oses.set(id, g.oses[i]);
      cpus.set(id, g.cpus[i]);
      unscanned.set(id, g.unscanned[i]);
      return id;
    }

    /**
     * Returns the number of nodes added so far.
     *
     * @return the count
     */
    public int size() {
      return names.size();
    }

    /**
     * Returns the number of edges added so far.
     *
     * @return the count
     */
    public int edgeCount() {
      return edgeFrom.size();
    }

    /**
     * Returns the source node of an added edge.
     *
     * @param edge the edge's index, in the order added
     * @return the source's builder id
     */
    public int edgeFrom(int edge) {
      return edgeFrom.get(edge);
    }

    /**
     * Returns the target node of an added edge.
     *
     * @param edge the edge's index, in the order added
     * @return the target's builder id, or -1
     */
    public int edgeTo(int edge) {
      return edgeTo.get(edge);
    }

    /**
     * Returns the name of an added edge.
     *
     * @param edge the edge's index, in the order added
     * @return the dependency name
     */
    public String edgeName(int edge) {
      return edgeName.get(edge);
    }

    /**
     * Returns the type of an added edge.
     *
     * @param edge the edge's index, in the order added
     * @return the type
     */
    public DependencyType edgeType(int edge) {
      return TYPES[edgeType.get(edge)];
    }

    /**
     * Finds a node added at a location.
     *
     * @param location the location
     * @return its builder id, or -1
     */
    public int nodeAt(String location) {
      Integer id = byLocation.get(location);
      return id == null ? -1 : id;
    }

    /**
     * Returns the name of an added node.
     *
     * @param id the builder id
     * @return the name
     */
    public String name(int id) {
      return names.get(id);
    }

    /**
     * Returns the version of an added node.
     *
     * @param id the builder id
     * @return the version
     */
    public String version(int id) {
      return versions.get(id);
    }

    /**
     * Returns the location of an added node.
     *
     * @param id the builder id
     * @return the location
     */
    public String location(int id) {
      return locations.get(id);
    }

    /**
     * Returns the source of an added node.
     *
     * @param id the builder id
     * @return the source
     */
    public PackageSource source(int id) {
      return sources.get(id);
    }

    /**
     * Tells whether an added node has a flag.
     *
     * @param id the builder id
     * @param flag the flag
     * @return true if set
     */
    public boolean has(int id, NodeFlag flag) {
      return (flags.get(id) & (1 << flag.ordinal())) != 0;
    }

    /**
     * Returns the target of an added link node.
     *
     * @param id the builder id
     * @return the target's builder id, or -1
     */
    public int linkTargetOf(int id) {
      return linkTargets.get(id);
    }

    /**
     * Sets the integrity value.
     *
     * @param id the builder id
     * @param integrity the SRI string ({@code sha512-...}), or empty; yarn berry checksums, which hash
     *     berry's own zip and are not SRI, are stored as {@code yarn-berry:<cacheKey>/<hex>}
     * @return this builder
     */
    public Builder integrity(int id, String integrity) {
      integrities.set(id, Objects.requireNonNull(integrity, "integrity"));
      return this;
    }

    /**
     * Sets or clears a flag.
     *
     * @param id the builder id
     * @param flag the flag
     * @param on whether to set it
     * @return this builder
     */
    public Builder flag(int id, NodeFlag flag, boolean on) {
      int f = flags.get(id);
      flags.set(id, on ? f | (1 << flag.ordinal()) : f & ~(1 << flag.ordinal()));
      return this;
    }

    /**
     * Sets the declared license.
     *
     * @param id the builder id
     * @param license the license as recorded, or empty
     * @return this builder
     */
    public Builder license(int id, String license) {
      licenses.set(id, Objects.requireNonNull(license, "license"));
      return this;
    }

    /**
     * Sets the engines map.
     *
     * @param id the builder id
     * @param map the engines, in order
     * @return this builder
     */
    public Builder engines(int id, Map<String, String> map) {
      engines.set(id, map.isEmpty() ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(map)));
      return this;
    }

    /**
     * Sets the os list.
     *
     * @param id the builder id
     * @param os the list
     * @return this builder
     */
    public Builder os(int id, List<String> os) {
      oses.set(id, List.copyOf(os));
      return this;
    }

    /**
     * Sets the cpu list.
     *
     * @param id the builder id
     * @param cpu the list
     * @return this builder
     */
    public Builder cpu(int id, List<String> cpu) {
      cpus.set(id, List.copyOf(cpu));
      return this;
    }

    /**
     * Makes a node a link to another.
     *
     * @param id the link's builder id
     * @param target the target's builder id
     * @return this builder
     * @throws IndexOutOfBoundsException if an id is out of range
     */
    public Builder linkTarget(int id, int target) {
      Objects.checkIndex(target, names.size());
      linkTargets.set(id, target);
      return this;
    }

    /**
     * Marks a node unscanned.
     *
     * @param id the builder id
     * @param reason why it could not be evaluated, non-empty
     * @return this builder
     */
    public Builder unscanned(int id, String reason) {
      if (reason.isEmpty()) {
        throw new IllegalArgumentException("reason must not be empty");
      }
      unscanned.set(id, reason);
      return flag(id, NodeFlag.UNSCANNED, true);
    }

    /**
     * Adds an edge.
     *
     * @param from the declaring node's builder id
     * @param to the resolved node's builder id, or -1 when missing
     * @param name the dependency name
     * @param spec the spec as written
     * @param type the type
     * @return this builder
     * @throws IndexOutOfBoundsException if an id is out of range
     */
    public Builder addEdge(int from, int to, String name, String spec, DependencyType type) {
      Objects.checkIndex(from, names.size());
      if (to != -1) {
        Objects.checkIndex(to, names.size());
      }
      edgeFrom.add(from);
      edgeTo.add(to);
      edgeName.add(Objects.requireNonNull(name, "name"));
      edgeSpec.add(Objects.requireNonNull(spec, "spec"));
      edgeType.add(Objects.requireNonNull(type, "type").ordinal());
      return this;
    }

    /**
     * Sets the root node (by default the node at location {@code ""}, else the first).
     *
     * @param id the builder id
     * @return this builder
     */
    public Builder root(int id) {
      Objects.checkIndex(id, names.size());
      root = id;
      return this;
    }

    /**
     * Adds a workspace root.
     *
     * @param id the builder id
     * @return this builder
     */
    public Builder workspaceRoot(int id) {
      Objects.checkIndex(id, names.size());
      workspaceRoots.add(id);
      return this;
    }

    /**
     * Builds the graph, ordering nodes by location and edges by source, name, type and spec.
     *
     * @return the graph
     * @throws IllegalStateException if there are no nodes
     */
    public DependencyGraph build() {
      if (names.isEmpty()) {
        throw new IllegalStateException("a graph needs at least its root node");
      }
      if (root < 0) {
        int r = nodeAt("");
        root = r < 0 ? 0 : r;
      }
      int n = names.size();
      final int r = root;
      Comparator<Integer> byLocation = Comparator.<Integer>comparingInt(i -> i == r ? 0 : 1)
          .thenComparing(locations::get);
      // readers mostly add nodes in location order already: check before sorting
      boolean sorted = true;
      for (int i = 1; i < n && sorted; i++) {
        sorted = byLocation.compare(i - 1, i) < 0;
      }
      int[] order = new int[n];
      if (sorted) {
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
      } else {
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
          boxed[i] = i;
        }
        Arrays.sort(boxed, byLocation);
        for (int i = 0; i < n; i++) {
          order[i] = boxed[i];
        }
      }
      return new DependencyGraph(this, order);
    }
  }
}
