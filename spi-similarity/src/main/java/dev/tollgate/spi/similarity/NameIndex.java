package dev.tollgate.spi.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An index of the target names' skeletons (see {@link Fold}) answering "which targets are at most
 * one edit away" without scanning the list: a deletion neighbourhood (symmetric delete). Each
 * skeleton and each of its one-character deletions is stored by a 64-bit polynomial hash in an
 * open-addressing table; a query hashes the candidate's skeleton and its deletions (no string is
 * built) and verifies each hit with a bounded edit distance. Also indexes exact skeletons and
 * sorted words (for reordered words).
 *
 * <p>Immutable and thread-safe once built.
 */
final class NameIndex {

  /** Skeletons longer than this are not put in, or looked up in, the deletion table. */
  static final int MAX_LEN = 128;
  private static final long P = 0x9E3779B97F4A7C15L | 1L;
  private static final long[] POW = new long[MAX_LEN + 2];

  static {
    POW[0] = 1;
    for (int i = 1; i < POW.length; i++) {
      POW[i] = POW[i - 1] * P;
    }
  }

  private final int targets;
  private final String[] skeletons;
  private final String[] lights;
  private final Map<String, int[]> exact;
  private final Map<String, int[]> words;
  private final Map<String, int[]> bares;
  /** Per slot: the key's upper 40 bits, and 1 + the first entry in the lower 24 (0 = empty). */
  private final long[] table;
  private final int[] next;
  private final int[] values;
  private final int mask;

  NameIndex(PopularNames names, int targets) {
    this.targets = Math.min(targets, names.size());
    this.skeletons = new String[this.targets];
    this.lights = new String[this.targets];
    Map<String, List<Integer>> ex = new HashMap<>();
    Map<String, List<Integer>> wd = new HashMap<>();
    Map<String, List<Integer>> br = new HashMap<>();
    int entries = 0;
    for (int t = 0; t < this.targets; t++) {
      String plain = Fold.plain(names.name(t));
      String s = Fold.homoglyphs(plain);
      skeletons[t] = s;
      String l = Fold.light(plain);
      if (!l.equals(s)) {
        lights[t] = l;
        if (l.length() <= MAX_LEN) {
          entries += l.length() + 1;
        }
      }
      ex.computeIfAbsent(s, k -> new ArrayList<>(1)).add(t);
      String full = names.name(t);
      int slash = full.indexOf('/');
      if (full.startsWith("@") && slash > 0) {
        br.computeIfAbsent(full.substring(slash + 1).toLowerCase(java.util.Locale.ROOT),
            k -> new ArrayList<>(1)).add(t);
      }
      String w = sortedWords(names.name(t));
      if (w != null) {
        wd.computeIfAbsent(w, k -> new ArrayList<>(1)).add(t);
      }
      if (s.length() <= MAX_LEN) {
        entries += s.length() + 1;
      }
    }
    this.exact = freeze(ex);
    this.words = freeze(wd);
    this.bares = freeze(br);
    int cap = Integer.highestOneBit(Math.max(16, entries * 2)) << 1;
    this.mask = cap - 1;
    if (entries >= ENTRY_MASK) {
      throw new IllegalArgumentException("too many names to index: " + entries + " entries");
    }
    this.table = new long[cap];
    this.next = new int[entries];
    this.values = new int[entries];
    int e = 0;
    long[] pre = new long[MAX_LEN + 1];
    for (int t = 0; t < this.targets; t++) {
      e = putAll(skeletons[t], t, e, pre);
      if (lights[t] != null) {
        e = putAll(lights[t], t, e, pre);
      }
    }
  }

  private int putAll(String s, int t, int e, long[] pre) {
    int n = s.length();
    if (n > MAX_LEN) {
      return e;
    }
    prefix(s, pre);
    e = put(pre[n], t, e);
    for (int i = 0; i < n; i++) {
      e = put(deleted(pre, n, i), t, e);
    }
    return e;
  }

  private static Map<String, int[]> freeze(Map<String, List<Integer>> m) {
    Map<String, int[]> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  private static final long ENTRY_MASK = (1L << 24) - 1;

  private int put(long key, int target, int e) {
    long tag = key & ~ENTRY_MASK;
    int slot = slot(key);
    while (table[slot] != 0 && (table[slot] & ~ENTRY_MASK) != tag) {
      slot = (slot + 1) & mask;
    }
    int head = (int) (table[slot] & ENTRY_MASK) - 1;
    if (head >= 0 && values[head] == target) {
      return e; // same deletion from two positions ("aab" without either 'a')
    }
    values[e] = target;
    next[e] = head;
    table[slot] = tag | (e + 1);
    return e + 1;
  }

  private int slot(long key) {
    long h = key ^ (key >>> 33);
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h & mask;
  }

  private static void prefix(CharSequence s, long[] pre) {
    pre[0] = 0;
    for (int i = 0; i < s.length(); i++) {
      pre[i + 1] = pre[i] * P + s.charAt(i);
    }
  }

  private static long deleted(long[] pre, int n, int i) {
    long suffix = pre[n] - pre[i + 1] * POW[n - i - 1];
    return pre[i] * POW[n - i - 1] + suffix;
  }

  /**
   * Returns the number of targets indexed.
   *
   * @return the count
   */
  int targets() {
    return targets;
  }

  /**
   * Returns a target's light skeleton (see {@link Fold#light}).
   *
   * @param t the target's rank
   * @return the light skeleton
   */
  String light(int t) {
    return lights[t] == null ? skeletons[t] : lights[t];
  }

  /**
   * Returns a target's skeleton.
   *
   * @param t the target's rank
   * @return the skeleton
   */
  String skeleton(int t) {
    return skeletons[t];
  }

  /**
   * Returns the targets with exactly this skeleton.
   *
   * @param skeleton the skeleton
   * @return the ranks, possibly empty
   */
  int[] exact(String skeleton) {
    int[] r = exact.get(skeleton);
    return r == null ? EMPTY : r;
  }

  /**
   * Returns the targets with the same words in another order.
   *
   * @param name the candidate name
   * @return the ranks, possibly empty
   */
  int[] reordered(String name) {
    String w = sortedWords(name);
    int[] r = w == null ? null : words.get(w);
    return r == null ? EMPTY : r;
  }

  private static final int[] EMPTY = new int[0];

  /**
   * Returns the scoped targets whose name without the scope is this one.
   *
   * @param bare the unscoped name, lower case
   * @return the ranks, possibly empty
   */
  int[] scopedWithBare(String bare) {
    int[] r = bares.get(bare);
    return r == null ? EMPTY : r;
  }

  /**
   * Collects the targets whose skeleton is within one edit (insertion, deletion, substitution,
   * adjacent transposition) of {@code skeleton}, not counting equal skeletons.
   *
   * @param skeleton the candidate's skeleton
   * @param out where ranks are added (deduplicated)
   */
  void near(String skeleton, IntList out) {
    int n = skeleton.length();
    if (n > MAX_LEN || n == 0) {
      return;
    }
    long[] pre = new long[n + 1];
    prefix(skeleton, pre);
    collect(pre[n], skeleton, out);
    for (int i = 0; i < n; i++) {
      collect(deleted(pre, n, i), skeleton, out);
    }
  }

  private void collect(long key, String skeleton, IntList out) {
    long tag = key & ~ENTRY_MASK;
    int slot = slot(key);
    long v;
    while ((v = table[slot]) != 0) {
      if ((v & ~ENTRY_MASK) == tag) {
        for (int e = (int) (v & ENTRY_MASK) - 1; e >= 0; e = next[e]) {
          int t = values[e];
          if (!out.contains(t)) {
            String s = skeletons[t];
            String l = lights[t];
            if (!s.equals(skeleton) && (Edits.distance(skeleton, s, 1) <= 1
                || (l != null && !l.equals(skeleton) && Edits.distance(skeleton, l, 1) <= 1))) {
              out.add(t);
            }
          }
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Returns the name's words (split at separators, lower case) sorted and joined by a space, or
   * null when it has fewer than two.
   *
   * @param name the name
   * @return the key, or null
   */
  static String sortedWords(String name) {
    int n = name.length();
    String[] words = new String[8];
    int count = 0;
    int i = name.startsWith("@") ? 1 : 0;
    while (i < n) {
      while (i < n && Fold.separator(name.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Fold.separator(name.charAt(i))) {
        i++;
      }
      if (i > start) {
        if (count == words.length) {
          words = Arrays.copyOf(words, count * 2);
        }
        words[count++] = name.substring(start, i).toLowerCase(java.util.Locale.ROOT);
      }
    }
    if (count < 2) {
      return null;
    }
    Arrays.sort(words, 0, count);
    StringBuilder sb = new StringBuilder(n);
    for (int k = 0; k < count; k++) {
      if (k > 0) {
        sb.append(' ');
      }
      sb.append(words[k]);
    }
    return sb.toString();
  }

  /** A small growable list of ints. Not thread-safe; confine to one thread. */
  static final class IntList {
    private int[] a = new int[8];
    private int size;

    void add(int v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    boolean contains(int v) {
      for (int i = 0; i < size; i++) {
        if (a[i] == v) {
          return true;
        }
      }
      return false;
    }

    int size() {
      return size;
    }

    int get(int i) {
      return a[i];
    }
  }
}
