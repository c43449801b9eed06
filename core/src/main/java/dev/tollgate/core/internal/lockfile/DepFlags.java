package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.NodeFlag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Computes npm's dev, optional, devOptional, peer and extraneous flags from the edges, as Arborist's
 * {@code calc-dep-flags} does: every node starts with all flags set and each edge from a node that
 * lacks a flag clears it on the target (and, through prod and peer edges, on everything the target
 * needs).
 *
 * <p>Used by readers of formats that do not record the flags (yarn, pnpm, resolved graphs).
 *
 * <p>Not thread-safe; confine to one thread (it mutates the builder).
 */
public final class DepFlags {

  private static final int DEV = 1;
  private static final int OPT = 2;
  private static final int DEVOPT = 4;
  private static final int PEER = 8;
  private static final int EXTRANEOUS = 16;

  private final DependencyGraph.Builder b;
  private final int n;
  private final int[] flags;
  private final int[][] out;
  private final int[] parent;

  private DepFlags(DependencyGraph.Builder b, int[] parent) {
    this.b = b;
    this.n = b.size();
    this.flags = new int[n];
    this.parent = parent;
    int[] count = new int[n];
    for (int e = 0; e < b.edgeCount(); e++) {
      count[b.edgeFrom(e)]++;
    }
    out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new int[count[i]];
    }
    int[] fill = new int[n];
    for (int e = 0; e < b.edgeCount(); e++) {
      int f = b.edgeFrom(e);
      out[f][fill[f]++] = e;
    }
  }

  /**
   * Computes the flags of every node from the root and sets them on the builder.
   *
   * @param b the builder, with all nodes, link targets and edges added
   * @param root the root's builder id
   * @param parent for each node the id of its {@code node_modules} parent (npm's resolveParent), or
   *     -1; {@code null} when locations have no such hierarchy
   */
  public static void compute(DependencyGraph.Builder b, int root, int[] parent) {
    int[] p = parent;
    if (p == null) {
      p = new int[b.size()];
      Arrays.fill(p, -1);
    }
    new DepFlags(b, p).run(root);
  }

  private void run(int root) {
    Arrays.fill(flags, DEV | OPT | DEVOPT | PEER | EXTRANEOUS);
    flags[root] = 0;
    // depth-first over targets of edges, each node visited once (Arborist's depth())
    boolean[] seen = new boolean[n];
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(root);
    List<Integer> order = new ArrayList<>();
    while (!stack.isEmpty()) {
      int v = stack.pop();
      if (seen[v]) {
        continue;
      }
      seen[v] = true;
      order.add(v);
      step(v);
      int[] es = edgesOf(v);
      for (int i = es.length - 1; i >= 0; i--) {
        int t = b.edgeTo(es[i]);
        if (t >= 0 && !seen[t]) {
          stack.push(t);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int f = flags[i];
      b.flag(i, NodeFlag.DEV, (f & DEV) != 0);
      b.flag(i, NodeFlag.OPTIONAL, (f & OPT) != 0);
      // as in the package-lock: devOptional only when neither dev nor optional
      b.flag(i, NodeFlag.DEV_OPTIONAL, (f & DEVOPT) != 0 && (f & (DEV | OPT)) == 0);
      b.flag(i, NodeFlag.PEER, (f & PEER) != 0);
      b.flag(i, NodeFlag.EXTRANEOUS, (f & EXTRANEOUS) != 0);
    }
  }

  private int[] edgesOf(int v) {
    int t = b.linkTargetOf(v);
    return t >= 0 ? out[t] : out[v];
  }

  private void step(int node) {
    flags[node] &= ~EXTRANEOUS;
    resetParents(node, EXTRANEOUS);
    resetParents(node, DEV);
    resetParents(node, PEER);
    resetParents(node, DEVOPT);
    resetParents(node, OPT);
    int target = b.linkTargetOf(node);
    if (target >= 0) {
      flags[target] = (flags[target] & EXTRANEOUS) | (flags[node] & ~EXTRANEOUS);
      step(target);
      return;
    }
    for (int e : out[node]) {
      int to = b.edgeTo(e);
      if (to < 0) {
        continue;
      }
      DependencyType type = b.edgeType(e);
      boolean dev = type == DependencyType.DEV;
      boolean optional = type == DependencyType.OPTIONAL || type == DependencyType.PEER_OPTIONAL;
      boolean peer = type.isPeer();
      int nf = flags[node];
      flags[to] &= ~EXTRANEOUS;
      boolean unsetDevOpt = (nf & (DEVOPT | DEV | OPT)) == 0 && !dev && !optional;
      boolean unsetDev = unsetDevOpt || ((nf & DEV) == 0 && !dev);
      boolean unsetOpt = unsetDevOpt || ((nf & OPT) == 0 && !optional);
      boolean unsetPeer = (nf & PEER) == 0 && !peer;
      if (unsetPeer) {
        unset(to, PEER);
      }
      if (unsetDevOpt) {
        unset(to, DEVOPT);
      }
      if (unsetDev) {
        unset(to, DEV);
      }
      if (unsetOpt) {
        unset(to, OPT);
      }
    }
  }

  private void resetParents(int node, int flag) {
    if ((flags[node] & flag) != 0) {
      return;
    }
    for (int p = node; p >= 0 && (p == node || (flags[p] & flag) != 0); p = parent[p]) {
      flags[p] &= ~flag;
    }
  }

  private void unset(int start, int flag) {
    if ((flags[start] & flag) == 0) {
      return;
    }
    flags[start] &= ~flag;
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(start);
    boolean[] seen = new boolean[n];
    while (!stack.isEmpty()) {
      int v = stack.pop();
      if (seen[v]) {
        continue;
      }
      seen[v] = true;
      flags[v] &= ~(EXTRANEOUS | flag);
      int t = b.linkTargetOf(v);
      if (t >= 0) {
        flags[t] &= ~(EXTRANEOUS | flag);
      }
      for (int e : edgesOf(v)) {
        int to = b.edgeTo(e);
        DependencyType type = b.edgeType(e);
        if (to >= 0 && (flags[to] & flag) != 0
            && ((flag != PEER && type == DependencyType.PEER) || type == DependencyType.PROD)) {
          stack.push(to);
        }
      }
    }
  }
}
