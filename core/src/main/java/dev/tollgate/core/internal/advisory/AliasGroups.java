package dev.tollgate.core.internal.advisory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Union-find over advisory ids and their aliases: ids that alias one another, directly or through a
 * chain (MAL to GHSA to CVE), end in one group. The group's name ({@link #root}) is its
 * lexicographically smallest id, so it does not depend on insertion order.
 *
 * <p>Not thread-safe.
 */
final class AliasGroups {

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<Integer> parent = new ArrayList<>();

  /** Adds an id and joins it with its aliases. */
  void add(String id, List<String> aliases) {
    int a = idOf(id);
    for (String alias : aliases) {
      if (!alias.isEmpty()) {
        union(a, idOf(alias));
      }
    }
  }

  /** Returns the group's smallest id; an unknown id is its own group. */
  String root(String id) {
    Integer i = index.get(id);
    return i == null ? id : names.get(find(i));
  }

  private int idOf(String id) {
    Integer i = index.get(id);
    if (i != null) {
      return i;
    }
    int n = names.size();
    index.put(id, n);
    names.add(id);
    parent.add(n);
    return n;
  }

  private int find(int x) {
    int r = x;
    while (parent.get(r) != r) {
      r = parent.get(r);
    }
    while (parent.get(x) != r) { // path compression, iterative
      int next = parent.get(x);
      parent.set(x, r);
      x = next;
    }
    return r;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return;
    }
    // the smaller id becomes the root, so the group's name is its smallest id
    if (names.get(ra).compareTo(names.get(rb)) < 0) {
      parent.set(rb, ra);
    } else {
      parent.set(ra, rb);
    }
  }
}
