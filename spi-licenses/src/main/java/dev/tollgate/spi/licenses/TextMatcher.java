package dev.tollgate.spi.licenses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds full SPDX license texts in a normalised text: the {@link TextIndex} picks a handful of
 * candidates by IDF-weighted word coverage, then for each candidate the densest window of shared
 * word bigrams is scored with the Dice coefficient of bigram multisets. Several licenses (and the
 * same license several times) can be found in one text; overlapping weaker matches are dropped.
 * Thread-safe (stateless apart from the shared immutable index).
 */
final class TextMatcher {
  /** Matches scoring below this are not reported. */
  static final double MIN_SCORE = 0.6;
  /** At most this many candidates are scored per text. */
  static final int MAX_CANDIDATES = 40;
  private static final double MIN_COVERAGE = 0.5;
  private static final int MAX_REPEATS = 4;
  /**
   * A match whose span contains a better-scoring match's span wins when it scores at most this
   * much less: it explains more of the text (a license that embeds another one, such as Caldera
   * and Caldera-no-preamble).
   */
  private static final double LONGER_SPAN_MARGIN = 0.03;

  /** A found license text: the license index, its score and the word range [from, to). */
  record Hit(int license, double score, int from, int to) {
  }

  private TextMatcher() {
  }

  static List<Hit> find(TextIndex index, int[] ids) {
    int[] candidates = candidates(index, ids);
    if (candidates.length == 0 || ids.length < 2) {
      return List.of();
    }
    long[] keys = new long[ids.length - 1];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ids[i] < 0 || ids[i + 1] < 0 ? -1L : TextIndex.key(ids[i], ids[i + 1]);
    }
    List<Hit> hits = new ArrayList<>();
    boolean[] hit = new boolean[keys.length];
    for (int l : candidates) {
      long[] ref = index.bigrams[l];
      int m = ref.length;
      // Dice can be at most 2 * min(n, m) / (n + m): skip references far longer than the text.
      if (m == 0 || keys.length < m && 2.0 * keys.length / (keys.length + m) < MIN_SCORE) {
        continue;
      }
      int total = 0;
      for (int i = 0; i < keys.length; i++) {
        hit[i] = keys[i] != -1L && Arrays.binarySearch(ref, keys[i]) >= 0;
        total += hit[i] ? 1 : 0;
      }
      // Likewise with the number of shared bigrams.
      if (2.0 * total / (total + m) < MIN_SCORE) {
        continue;
      }
      int width = m + m / 8 + 4;
      for (int round = 0; round < MAX_REPEATS && total * 2 >= m; round++) {
        int best = -1;
        int bestCount = 0;
        int count = 0;
        for (int i = 0; i < keys.length; i++) {
          count += hit[i] ? 1 : 0;
          if (i >= width) {
            count -= hit[i - width] ? 1 : 0;
          }
          if (count > bestCount) {
            bestCount = count;
            best = i;
          }
        }
        if (best < 0 || bestCount * 2 < m) {
          break;
        }
        int lo = Math.max(0, best - width + 1);
        int a = lo;
        while (!hit[a]) {
          a++;
        }
        int b = best;
        // Trim the edges: maximise 2 * hits / (m + length) first over the start, then the end.
        int bestA = a;
        double bestScore = -1;
        int h = 0;
        for (int i = b; i >= a; i--) {
          h += hit[i] ? 1 : 0;
          double sc = 2.0 * h / (m + (b - i + 1));
          if (hit[i] && sc > bestScore) {
            bestScore = sc;
            bestA = i;
          }
        }
        a = bestA;
        int bestB = b;
        bestScore = -1;
        h = 0;
        for (int i = a; i <= b; i++) {
          h += hit[i] ? 1 : 0;
          double sc = 2.0 * h / (m + (i - a + 1));
          if (hit[i] && sc > bestScore) {
            bestScore = sc;
            bestB = i;
          }
        }
        b = bestB;
        long[] window = Arrays.copyOfRange(keys, a, b + 1);
        Arrays.sort(window);
        double dice = 2.0 * TextIndex.intersection(window, ref) / (m + window.length);
        if (dice >= MIN_SCORE) {
          hits.add(new Hit(l, Math.min(1.0, dice), a, b + 2));
        }
        for (int i = a; i <= b; i++) {
          if (hit[i]) {
            hit[i] = false;
            total--;
          }
        }
      }
    }
    return suppressOverlaps(hits);
  }

  private static int[] candidates(TextIndex index, int[] ids) {
    int n = index.licenses.size();
    double[] acc = new double[n];
    int[] distinct = Arrays.stream(ids).filter(t -> t >= 0).distinct().toArray();
    for (int t : distinct) {
      int[] p = index.postings[t];
      if (p != null) {
        for (int l : p) {
          acc[l] += index.idf[t];
        }
      }
    }
    List<Integer> picked = new ArrayList<>();
    double[] coverage = new double[n];
    for (int l = 0; l < n; l++) {
      coverage[l] = index.weight[l] == 0 ? MIN_COVERAGE : acc[l] / index.weight[l];
      if (coverage[l] >= MIN_COVERAGE) {
        picked.add(l);
      }
    }
    picked.sort(Comparator.<Integer>comparingDouble(l -> -coverage[l])
        .thenComparingDouble(l -> -index.weight[l]).thenComparingInt(l -> l));
    return picked.stream().limit(MAX_CANDIDATES).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Keeps the best match of each region: a match is dropped when it overlaps more than half of a
   * kept match that scores higher, unless it contains that match's span and scores at most
   * {@link #LONGER_SPAN_MARGIN} less (then it replaces it). Equal scores over the
   * same span (identical texts) are all kept.
   */
  private static List<Hit> suppressOverlaps(List<Hit> hits) {
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparingDouble((Hit h) -> -h.score())
        .thenComparingInt(h -> -(h.to() - h.from())).thenComparingInt(Hit::license));
    List<Hit> kept = new ArrayList<>();
    for (Hit h : sorted) {
      boolean drop = false;
      List<Hit> replaced = new ArrayList<>();
      for (Hit k : kept) {
        int overlap = Math.min(h.to(), k.to()) - Math.max(h.from(), k.from());
        int smaller = Math.min(h.to() - h.from(), k.to() - k.from());
        if (overlap * 2 > smaller) {
          boolean sameSpan = k.from() == h.from() && k.to() == h.to();
          boolean tie = Math.abs(k.score() - h.score()) < 1e-9;
          boolean explainsMore = h.from() <= k.from() && k.to() <= h.to() && !sameSpan
              && k.score() - h.score() < LONGER_SPAN_MARGIN;
          if (explainsMore) {
            replaced.add(k);
          } else if (!(tie && sameSpan)) {
            drop = true;
            break;
          }
        }
      }
      if (!drop) {
        kept.removeAll(replaced);
        kept.add(h);
      }
    }
    return kept;
  }
}
