package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.NodeFlag;
import java.util.Arrays;

/**
 * Computes npm's dev, optional, devOptional, peer and extraneous flags from the edges, as Arborist
 * 9's {@code calc-dep-flags} does: every node but the root starts with all flags set; a work list
 * walks edges from the root, and each edge clears on its target the flags its source lacks (unless
 * the edge's own type keeps them: a dev edge keeps dev, an optional or peerOptional edge keeps
 * optional, a peer edge keeps peer, a peerOptional edge keeps extraneous); a target that changed is
 * walked again. A link passes its flags to its target. A node that is not extraneous clears
 * extraneous on its resolve-parents. Nodes never reached keep every flag (they are extraneous).
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
    if (parent.length < b.size()) {
      throw new IllegalArgumentException("parent has " + parent.length + " entries for "
          + b.size() + " nodes");
    }
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
    boolean[] seen = new boolean[n];
    int[] stack = new int[16];
    int top = 0;
    stack[top++] = root;
    while (top > 0) {
      int node = stack[--top];
      seen[node] = true;
      // unset extraneous from all resolve-parents, so children are not removed
      if ((flags[node] & EXTRANEOUS) == 0) {
        for (int p = parent[node]; p >= 0 && (flags[p] & EXTRANEOUS) != 0; p = parent[p]) {
          flags[p] &= ~EXTRANEOUS;
        }
      }
      int target = b.linkTargetOf(node);
      if (target >= 0) {
        // only unset, so several links to one target cannot clobber a correct value
        int before = flags[target];
        flags[target] &= flags[node] | ~(DEV | OPT | DEVOPT | PEER | EXTRANEOUS);
        if (flags[target] != before || !seen[target]) {
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = target;
        }
        continue;
      }
      int nf = flags[node];
      for (int e : out[node]) {
        int to = b.edgeTo(e);
        if (to < 0) {
          continue;
        }
        DependencyType type = b.edgeType(e);
        boolean peer = type.isPeer();
        boolean optional = type == DependencyType.OPTIONAL || type == DependencyType.PEER_OPTIONAL;
        boolean dev = type == DependencyType.DEV;
        int tf = flags[to];
        int f = tf;
        if ((f & EXTRANEOUS) != 0 && (nf & EXTRANEOUS) == 0 && !(peer && optional)) {
          f &= ~EXTRANEOUS;
        }
        if ((f & DEV) != 0 && (nf & DEV) == 0 && !dev) {
          f &= ~DEV;
        }
        if ((f & OPT) != 0 && (nf & OPT) == 0 && !optional) {
          f &= ~OPT;
        }
        if ((f & DEVOPT) != 0 && (nf & (DEVOPT | DEV | OPT)) == 0 && !dev && !optional) {
          f &= ~DEVOPT;
        }
        if ((f & PEER) != 0 && (nf & PEER) == 0 && !peer) {
          f &= ~PEER;
        }
        if (f != tf) {
          flags[to] = f;
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = to;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int f = flags[i];
      b.flag(i, NodeFlag.DEV, (f & DEV) != 0);
      b.flag(i, NodeFlag.OPTIONAL, (f & OPT) != 0);
      // as in the package-lock (and Arborist after its walk): devOptional only when neither dev
      // nor optional
      b.flag(i, NodeFlag.DEV_OPTIONAL, (f & DEVOPT) != 0 && (f & (DEV | OPT)) == 0);
      b.flag(i, NodeFlag.PEER, (f & PEER) != 0);
      b.flag(i, NodeFlag.EXTRANEOUS, (f & EXTRANEOUS) != 0);
    }
  }
}
