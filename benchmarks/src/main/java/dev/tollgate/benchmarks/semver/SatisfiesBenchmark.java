package dev.tollgate.benchmarks.semver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.core.semver.Range;
import dev.tollgate.core.semver.Version;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link Range#satisfies} with pre-parsed ranges, on the mix node-semver's peer
 * harness ({@code benchmarks/peers/semver-node.js}) measures too.
 *
 * <p>Scenario: 2,000 (range, version) pairs drawn with a fixed seed from the dependency ranges of
 * a dozen well-known packages and published versions or versions next to each range's minimum
 * ({@code tools/semver/make-bench-mix.js}); 466 distinct ranges, about a quarter of the pairs
 * satisfied. Each range is parsed once in setup. {@code preParsedVersion} also parses the versions
 * in setup (the allocation-free hot path); {@code versionString} parses each version on every call,
 * as node-semver's {@code range.test(string)} does. One operation is one satisfies call.
 *
 * <p>Run:
 *
 * <pre>
 * mvn -o -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SatisfiesBenchmark -f 1 -wi 3 -i 5
 * node benchmarks/peers/semver-node.js benchmarks/src/main/resources/semver/satisfies-mix.json
 * </pre>
 *
 * (the last from a directory where {@code npm install semver@7} was run). Results:
 * {@code benchmarks/results/semver.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SatisfiesBenchmark {

  private static final int PAIRS = 2000;

  private Range[] ranges;
  private Version[] versions;
  private String[] versionTexts;

  /**
   * Loads the mix and parses every range (and version) once.
   *
   * @throws IOException if the mix cannot be read
   */
  @Setup
  public void setup() throws IOException {
    JsonNode mix;
    try (InputStream in = SatisfiesBenchmark.class.getResourceAsStream("/semver/satisfies-mix.json")) {
      if (in == null) {
        throw new IOException("missing resource /semver/satisfies-mix.json");
      }
      mix = new ObjectMapper().readTree(in);
    }
    JsonNode pairs = mix.get("pairs");
    if (pairs.size() != PAIRS) {
      throw new IllegalStateException("expected " + PAIRS + " pairs, got " + pairs.size());
    }
    ranges = new Range[PAIRS];
    versions = new Version[PAIRS];
    versionTexts = new String[PAIRS];
    for (int i = 0; i < PAIRS; i++) {
      ranges[i] = Range.parse(pairs.get(i).get(0).asText());
      versionTexts[i] = pairs.get(i).get(1).asText();
      versions[i] = Version.parse(versionTexts[i]);
    }
  }

  /**
   * Pre-parsed range, pre-parsed version.
   *
   * @return the number of satisfied pairs
   */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public int preParsedVersion() {
    int hits = 0;
    for (int i = 0; i < PAIRS; i++) {
      if (ranges[i].satisfies(versions[i])) {
        hits++;
      }
    }
    return hits;
  }

  /**
   * Pre-parsed range, version parsed on each call.
   *
   * @return the number of satisfied pairs
   */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public int versionString() {
    int hits = 0;
    for (int i = 0; i < PAIRS; i++) {
      if (ranges[i].satisfies(versionTexts[i])) {
        hits++;
      }
    }
    return hits;
  }
}
