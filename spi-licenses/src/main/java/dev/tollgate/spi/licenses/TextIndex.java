package dev.tollgate.spi.licenses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A precomputed index over the bundled SPDX texts: a word vocabulary, per license the sorted word
 * bigrams (for Dice scores) and an inverted word index with IDF weights that picks a handful of
 * candidate licenses for a text. Built lazily once; immutable and thread-safe afterwards.
 */
final class TextIndex {
  /** Words in more licenses than this are ignored when picking candidates. */
  private static final int MAX_DF = 250;

  final List<SpdxData.License> licenses;
  final Map<String, Integer> vocab;
  /** Per license: its sorted bigram keys (duplicates kept). */
  final long[][] bigrams;
  /** Per license: its normalised word ids. */
  final int[][] words;
  /** Per word id: the licenses containing it (only words with df <= MAX_DF), else null. */
  final int[][] postings;
  final double[] idf;
  /** Per license: the sum of idf over its distinct indexed words. */
  final double[] weight;

  private static final class Holder {
    static final TextIndex INSTANCE = new TextIndex(SpdxData.get());
  }

  static TextIndex get() {
    return Holder.INSTANCE;
  }

  private TextIndex(SpdxData data) {
    licenses = data.licenses();
    int n = licenses.size();
    vocab = new HashMap<>();
    words = new int[n][];
    bigrams = new long[n][];
    for (int i = 0; i < n; i++) {
      Normalizer.Words w = Normalizer.words(licenses.get(i).text(), Integer.MAX_VALUE);
      int[] ids = new int[w.size()];
      for (int j = 0; j < ids.length; j++) {
        Integer id = vocab.get(w.words()[j]);
        if (id == null) {
          id = vocab.size();
          vocab.put(w.words()[j], id);
        }
        ids[j] = id;
      }
      words[i] = ids;
      bigrams[i] = sortedBigrams(ids, 0, ids.length);
    }
    int v = vocab.size();
    List<List<Integer>> post = new ArrayList<>(v);
    for (int t = 0; t < v; t++) {
      post.add(new ArrayList<>(2));
    }
    for (int i = 0; i < n; i++) {
      int[] distinct = Arrays.stream(words[i]).distinct().toArray();
      for (int t : distinct) {
        post.get(t).add(i);
      }
    }
    postings = new int[v][];
    idf = new double[v];
    weight = new double[n];
    for (int t = 0; t < v; t++) {
      List<Integer> p = post.get(t);
      idf[t] = Math.log((double) n / p.size());
      if (p.size() <= MAX_DF) {
        postings[t] = p.stream().mapToInt(Integer::intValue).toArray();
        for (int l : postings[t]) {
          weight[l] += idf[t];
        }
      }
    }
  }

  /** Maps words to ids; unknown words get -1. */
  int[] ids(String[] w) {
    int[] out = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = vocab.getOrDefault(w[i], -1);
    }
    return out;
  }

  static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  /** Sorted bigram keys of ids[from..to). */
  static long[] sortedBigrams(int[] ids, int from, int to) {
    int m = Math.max(0, to - from - 1);
    long[] out = new long[m];
    for (int j = 0; j < m; j++) {
      out[j] = key(ids[from + j], ids[from + j + 1]);
    }
    Arrays.sort(out);
    return out;
  }

  /** Size of the multiset intersection of two sorted arrays. */
  static int intersection(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        c++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return c;
  }
}
