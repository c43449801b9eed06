package dev.tollgate.spi.similarity;

import dev.tollgate.api.spi.NameVerdict;
import dev.tollgate.api.spi.ProviderContext;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: the measurement behind the bundled list's size (see README). Run with
 * {@code java -cp ... dev.tollgate.spi.similarity.BundleSizing npm.tsv}. For bundles of the top
 * 10k, 20k and 50k names it reports index build time, heap, and the share of names ranked
 * 10k-227k (real, mostly legitimate packages) flagged as likely squats.
 */
final class BundleSizing {

  private BundleSizing() {
  }

  public static void main(String[] args) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      r.readLine();
      String l;
      while ((l = r.readLine()) != null) {
        String[] p = l.split("\t");
        if (p.length >= 3 && !p[2].isEmpty() && p[2].chars().allMatch(Character::isDigit)
            && dev.tollgate.api.PackageName.isValid(p[0])) {
          rows.add(new String[] {p[0], p[2]});
        }
      }
    }
    rows.sort((a, b) -> {
      int c = Long.compare(Long.parseLong(b[1]), Long.parseLong(a[1]));
      return c != 0 ? c : a[0].compareTo(b[0]);
    });
    for (int size : new int[] {10_000, 20_000, 50_000, 100_000}) {
      List<String> n = new ArrayList<>();
      List<Long> d = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        n.add(rows.get(i)[0]);
        d.add(Long.parseLong(rows.get(i)[1]));
      }
      long t0 = System.nanoTime();
      PopularNames names = PopularNames.of(n, d);
      NameIndex index = new NameIndex(names, size);
      long build = (System.nanoTime() - t0) / 1_000_000;
      Settings s = Settings.from(ProviderContext.builder().build());
      TyposquatChecker c = new TyposquatChecker(names, index, s);
      int flagged10to50 = 0;
      int flagged50up = 0;
      for (int i = 10_000; i < rows.size(); i++) {
        if (c.assess(rows.get(i)[0]).verdict() == NameVerdict.LIKELY_SQUAT) {
          if (i < 50_000) {
            flagged10to50++;
          } else {
            flagged50up++;
          }
        }
      }
      System.out.printf("bundle %,d: build %d ms; flagged ranks 10k-50k: %.2f%% (%d); ranks"
          + " 50k-%dk: %.2f%% (%d)%n", size, build, 100.0 * flagged10to50 / 40_000, flagged10to50,
          rows.size() / 1000, 100.0 * flagged50up / (rows.size() - 50_000), flagged50up);
    }
  }
}
