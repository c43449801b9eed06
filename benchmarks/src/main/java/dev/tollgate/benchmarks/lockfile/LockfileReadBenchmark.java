package dev.tollgate.benchmarks.lockfile;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Limits;
import dev.tollgate.core.Lockfiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a lockfile into a {@link DependencyGraph}, for every format Tollgate reads.
 *
 * <p>Scenario: the {@code large-app} fixture project (an Angular + Docusaurus app with build, test,
 * lint, e2e, storybook and release tooling: about 3,000 packages), locked by each package manager.
 * {@code fixture} names the lockfile inside the project's folder; each variant holds the same
 * dependency set. Two measurements per lockfile:
 *
 * <ul>
 *   <li>{@link #parseFromMemory()}: parsing and graph building only. The bytes are loaded once per
 *       trial and read from a {@link ByteArrayInputStream}, without the project's
 *       {@code package.json} files (so yarn classic and package-lock v1 graphs lack the root's own
 *       edges, as documented on {@link Lockfiles#read(String, java.io.InputStream, Limits)}).</li>
 *   <li>{@link #readFromFile()}: what a caller of {@link Lockfiles#read(Path, Limits)} pays: file
 *       I/O, format detection and the {@code package.json} files beside the lockfile.</li>
 * </ul>
 *
 * <p>Where the fixtures are: the system property {@code tollgate.fixtures} (the
 * {@code fixtures/projects} folder), else {@code core/src/test/resources/fixtures/projects} found
 * from the working directory or one of its parents (so run from the repository root or from
 * {@code benchmarks/}). JMH forks inherit the property; pass it with {@code -jvmArgsAppend} when
 * running from elsewhere.
 *
 * <p>Run, from the repository root:
 *
 * <pre>
 * mvn -o -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LockfileReadBenchmark -rf json -rff lockfile-read.json
 * # one format, another project:
 * java -jar benchmarks/target/benchmarks.jar LockfileReadBenchmark \
 *     -p project=medium-tooling -p fixture=pnpm-v9/pnpm-lock.yaml
 * # fixtures elsewhere:
 * java -jar benchmarks/target/benchmarks.jar LockfileReadBenchmark \
 *     -jvmArgsAppend -Dtollgate.fixtures=/path/to/fixtures/projects
 * </pre>
 *
 * <p>Not thread-safe: JMH gives each benchmark thread its own state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LockfileReadBenchmark {

  /** The system property naming the {@code fixtures/projects} folder. */
  public static final String FIXTURES_PROPERTY = "tollgate.fixtures";

  private static final Path FIXTURES_IN_REPO = Path.of("core", "src", "test", "resources",
      "fixtures", "projects");

  /** The fixture project: a folder under {@code fixtures/projects}. */
  @Param({"large-app"})
  public String project;

  /** The lockfile inside the project folder, one per format and version. */
  @Param({
      "npm-v3/package-lock.json",
      "npm-v2/package-lock.json",
      "npm-v1/package-lock.json",
      "yarn-classic/yarn.lock",
      "yarn-berry-v8/yarn.lock",
      "pnpm-v9/pnpm-lock.yaml",
      "pnpm-v6/pnpm-lock.yaml",
      "pnpm-v5/pnpm-lock.yaml"})
  public String fixture;

  private Path file;
  private String source;
  private byte[] bytes;
  private Limits limits;

  /** Creates the state; JMH calls it. */
  public LockfileReadBenchmark() {
  }

  /**
   * Finds the lockfile, loads its bytes and reads it once, so that a broken fixture or an
   * unsupported format fails the trial before any measurement.
   *
   * @throws IOException if the fixture cannot be read
   * @throws IllegalStateException if the fixtures folder cannot be found
   */
  @Setup(Level.Trial)
  public void load() throws IOException {
    file = fixturesRoot().resolve(project).resolve(fixture);
    source = file.toString();
    bytes = Files.readAllBytes(file);
    limits = Limits.defaults();
    Lockfiles.read(source, new ByteArrayInputStream(bytes), limits);
  }

  /**
   * Parses the in-memory bytes into the graph.
   *
   * @return the graph, for JMH to consume
   * @throws IOException never in practice (the stream is in memory)
   */
  @Benchmark
  public DependencyGraph parseFromMemory() throws IOException {
    return Lockfiles.read(source, new ByteArrayInputStream(bytes), limits).graph();
  }

  /**
   * Reads the lockfile from disk (with its {@code package.json} files) into the graph.
   *
   * @return the graph, for JMH to consume
   * @throws IOException if reading fails
   */
  @Benchmark
  public DependencyGraph readFromFile() throws IOException {
    return Lockfiles.read(file, limits).graph();
  }

  /**
   * Returns the {@code fixtures/projects} folder: the {@value #FIXTURES_PROPERTY} system property,
   * else {@code core/src/test/resources/fixtures/projects} under the working directory or a parent.
   *
   * @return the folder
   * @throws IllegalStateException if it cannot be found
   */
  public static Path fixturesRoot() {
    String configured = System.getProperty(FIXTURES_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isDirectory(p)) {
        throw new IllegalStateException(FIXTURES_PROPERTY + "=" + configured + " is not a folder");
      }
      return p;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(FIXTURES_IN_REPO);
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find " + FIXTURES_IN_REPO + " from "
        + Path.of("").toAbsolutePath() + "; run from the repository root or set -D"
        + FIXTURES_PROPERTY + "=<fixtures/projects folder>");
  }
}
