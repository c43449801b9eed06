package dev.tollgate.benchmarks.licenses;

import dev.tollgate.api.spi.LicenseDetector;
import dev.tollgate.api.spi.LicenseDetectorProvider;
import dev.tollgate.api.spi.LicenseMatch;
import dev.tollgate.api.spi.ProviderContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
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
 * Identifying a typical LICENSE file with the {@code builtin-licenses} detector (found through
 * {@link ServiceLoader}, as core finds it): tags, notices and full-text matching against the
 * bundled SPDX texts. The one-time loading of the SPDX data and the text index happens in
 * {@link #setup()} and is not measured. Results: {@code benchmarks/results/licenses.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LicenseDetectBenchmark {
  /** Which LICENSE file to identify. */
  @Param({"MIT", "Apache-2.0"})
  public String license;

  private LicenseDetector detector;
  private String text;

  /**
   * Loads the detector and the text, and warms the lazily built index.
   *
   * @throws IOException if the text resource cannot be read
   */
  @Setup
  public void setup() throws IOException {
    LicenseDetectorProvider p = ServiceLoader.load(LicenseDetectorProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(x -> x.id().equals("builtin-licenses"))
        .findFirst().orElseThrow();
    detector = p.create(ProviderContext.builder().build());
    try (InputStream in = LicenseDetectBenchmark.class.getResourceAsStream(license + ".txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<LicenseMatch> m = detector.detect("LICENSE", text);
    if (m.isEmpty() || !m.get(0).expression().equals(license)) {
      throw new IllegalStateException("not identified: " + m);
    }
  }

  /**
   * Identifies the LICENSE file.
   *
   * @return the matches
   */
  @Benchmark
  public List<LicenseMatch> detect() {
    return detector.detect("LICENSE", text);
  }

  /**
   * Interprets a misspelt declared license, for comparison.
   *
   * @return the interpretation
   */
  @Benchmark
  public Object interpretMisspelt() {
    return detector.interpret("Apache 2.0");
  }
}
