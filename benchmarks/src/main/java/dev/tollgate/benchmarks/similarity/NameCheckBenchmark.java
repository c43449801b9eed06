package dev.tollgate.benchmarks.similarity;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.spi.NameAssessment;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarityChecker;
import dev.tollgate.api.spi.SimilarityCheckerProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Names checked per second by the built-in similarity checker ({@code builtin-similarity}),
 * single-threaded.
 *
 * <p>Scenario: a registry firewall or CI gate assesses package names one by one
 * ({@code SimilarityChecker.assess}: typosquat findings, score and verdict against the bundled top
 * 50,000 npm names).
 *
 * <p>Data: {@code source=npm-tsv} reads every name of the npm package list given by the system
 * property {@code tollgate.bench.npmNames} (a TSV whose first column is the name; about 227,000
 * names on the build machine); {@code source=generated} uses 100,000 seeded names (a third single
 * typos of popular names, the rest random words), and is also the fallback when the file is
 * missing. {@code assessOne} cycles through the names (throughput = names per second);
 * {@code assessAll} checks the whole list once per operation.
 *
 * <p>Run: {@code mvn -o -q -pl benchmarks -am package -DskipTests && java
 * -Dtollgate.bench.npmNames=/path/to/npm.tsv -jar benchmarks/target/benchmarks.jar
 * NameCheckBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NameCheckBenchmark {

  /** Creates the benchmark state; JMH calls it. */
  public NameCheckBenchmark() {
  }

  /** Where the names come from: the npm package list, or seeded generated names. */
  @Param({"npm-tsv", "generated"})
  public String source;

  private SimilarityChecker checker;
  private String[] names;
  private int next;

  /**
   * Creates the checker and reads or generates the names.
   *
   * @throws IOException if the name list cannot be read
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    checker = create();
    String file = System.getProperty("tollgate.bench.npmNames", "");
    List<String> list = source.equals("npm-tsv") && !file.isEmpty() && Files.exists(Path.of(file))
        ? read(Path.of(file)) : generated(checker);
    names = list.toArray(new String[0]);
    System.out.println("\n[NameCheckBenchmark] " + source + ": " + names.length + " names");
  }

  /** Creates the built-in checker found by ServiceLoader, with the default configuration. */
  static SimilarityChecker create() {
    SimilarityCheckerProvider p = ServiceLoader.load(SimilarityCheckerProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(x -> x.id().equals("builtin-similarity"))
        .findFirst().orElseThrow();
    return p.create(ProviderContext.builder().build());
  }

  private static List<String> read(Path file) throws IOException {
    List<String> out = new ArrayList<>(230_000);
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine(); // header
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        out.add(tab < 0 ? line : line.substring(0, tab));
      }
    }
    return out;
  }

  private static List<String> generated(SimilarityChecker checker) {
    Random r = new Random(20261124L);
    String[] popular = {"lodash", "express", "react", "chalk", "commander", "typescript",
        "webpack", "axios", "moment", "debug", "cross-env", "eslint", "prettier", "mongoose"};
    String letters = "abcdefghijklmnopqrstuvwxyz-";
    List<String> out = new ArrayList<>(100_000);
    while (out.size() < 100_000) {
      if (out.size() % 3 == 0) {
        String p = popular[r.nextInt(popular.length)];
        int i = r.nextInt(p.length());
        out.add(p.substring(0, i) + letters.charAt(r.nextInt(26)) + p.substring(i + 1));
      } else {
        StringBuilder sb = new StringBuilder();
        int len = 4 + r.nextInt(14);
        for (int i = 0; i < len; i++) {
          sb.append(letters.charAt(r.nextInt(i == 0 || i == len - 1 ? 26 : letters.length())));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  /**
   * One name per operation: the score is names per second.
   *
   * @return the assessment, or the rejection of an invalid name
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Object assessOne() {
    String n = names[next];
    next = next + 1 == names.length ? 0 : next + 1;
    try {
      return checker.assess(n);
    } catch (InvalidInputException e) {
      return e;
    }
  }

  /**
   * Every name of the list per operation.
   *
   * @param bh the blackhole
   * @return the number of likely squats
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 3)
  public int assessAll(Blackhole bh) {
    int squats = 0;
    for (String n : names) {
      try {
        NameAssessment a = checker.assess(n);
        if (a.verdict() == dev.tollgate.api.spi.NameVerdict.LIKELY_SQUAT) {
          squats++;
        }
        bh.consume(a);
      } catch (InvalidInputException e) {
        bh.consume(e);
      }
    }
    return squats;
  }
}
