package dev.tollgate.benchmarks.similarity;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.spi.NameVerdict;
import dev.tollgate.api.spi.SimilarityChecker;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Companion of {@link NameCheckBenchmark} for shared, loaded machines: checks every name of the npm
 * package list several times on one thread and reports names per second of wall time and of the
 * thread's own CPU time (which other processes on the machine do not inflate), plus the cold start
 * (parsing the bundled list and building the index).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.tollgate.benchmarks.similarity.NameCheckCpuTime /path/to/npm.tsv 5}.
 */
public final class NameCheckCpuTime {

  private NameCheckCpuTime() {
  }

  /**
   * Runs the measurement.
   *
   * @param args the name list (TSV, name first, one header line) and the number of rounds
   * @throws Exception if the list cannot be read
   */
  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    SimilarityChecker c = NameCheckBenchmark.create();
    c.assess("lodash");
    System.out.printf(Locale.ROOT, "cold start: %.0f ms wall, %.0f ms cpu%n",
        (System.nanoTime() - t0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6);
    List<String> names = new ArrayList<>(230_000);
    try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        names.add(tab < 0 ? line : line.substring(0, tab));
      }
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    for (int round = 0; round < rounds; round++) {
      long cs = mx.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      int squats = 0;
      int invalid = 0;
      for (String n : names) {
        try {
          if (c.assess(n).verdict() == NameVerdict.LIKELY_SQUAT) {
            squats++;
          }
        } catch (InvalidInputException e) {
          invalid++;
        }
      }
      double wall = (System.nanoTime() - s) / 1e9;
      double cpu = (mx.getCurrentThreadCpuTime() - cs) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: %,d names in %.2f s wall (%,.0f/s), %.2f s cpu"
          + " (%,.0f names per cpu-second); likely squats %d, invalid %d%n", round, names.size(),
          wall, names.size() / wall, cpu, names.size() / cpu, squats, invalid);
    }
  }
}
