package dev.tollgate.benchmarks.lockfile;

import dev.tollgate.api.Limits;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.Lockfiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads a yarn.lock (classic or berry) into a dependency graph, without the project's manifests.
 *
 * <p>Scenario: the {@code large-app} fixture (about 2,300 packages, 0.8-0.9 MB) in each yarn
 * variant, held in memory so that only parsing and graph building are measured.
 *
 * <p>Run from the repository root after {@code mvn -o -q -pl benchmarks -am package -DskipTests}:
 * {@code java -jar benchmarks/target/benchmarks.jar YarnLockReadBenchmark
 * -p fixtures=core/src/test/resources/fixtures/projects/large-app}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class YarnLockReadBenchmark {

  /** The project folder holding the yarn variants. */
  @Param("core/src/test/resources/fixtures/projects/large-app")
  public String fixtures;

  /** The variant folder. */
  @Param({"yarn-classic", "yarn-berry-v8", "yarn-berry-v10"})
  public String variant;

  private byte[] lockfile;

  /**
   * Loads the lockfile.
   *
   * @throws IOException if it cannot be read
   */
  @Setup
  public void load() throws IOException {
    lockfile = Files.readAllBytes(Path.of(fixtures, variant, "yarn.lock"));
  }

  /**
   * Reads the lockfile.
   *
   * @return the lockfile, for the blackhole
   * @throws IOException never, the input is in memory
   */
  @Benchmark
  public Lockfile read() throws IOException {
    return Lockfiles.read("yarn.lock", new ByteArrayInputStream(lockfile), Limits.defaults());
  }
}
