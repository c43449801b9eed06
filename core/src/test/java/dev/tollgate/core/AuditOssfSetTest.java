package dev.tollgate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Node;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full OpenSSF malicious-packages npm set (22,241 records, 23 MB zip, not in the repository)
 * against the large-app graph. Runs only with {@code -Dtollgate.ossf.zip=<path>}; prints a rough
 * timing (no timing is asserted).
 */
@EnabledIfSystemProperty(named = "tollgate.ossf.zip", matches = ".+")
class AuditOssfSetTest {

  @Test
  void fullMaliciousSetFlagsNothingInTheLargeApp() throws IOException {
    long t0 = System.nanoTime();
    List<Advisory> all = OsvTestRecords.readZip(Path.of(System.getProperty("tollgate.ossf.zip")));
    long t1 = System.nanoTime();
    DependencyGraph g = Lockfiles.read(
        Path.of("src/test/resources/fixtures/projects/large-app/npm-v3/package-lock.json")).graph();
    Set<String> names = new HashSet<>();
    for (Advisory a : all) {
      for (AffectedPackage p : a.affected()) {
        names.add(p.name());
      }
    }
    long sharing = g.nodes().stream().map(Node::packageName).filter(names::contains).count();
    AuditResult r = null;
    int rounds = 20;
    long best = Long.MAX_VALUE;
    for (int i = 0; i < rounds; i++) {
      long s = System.nanoTime();
      r = Audit.audit(g, all);
      best = Math.min(best, System.nanoTime() - s);
    }
    System.out.printf("records %d, parse %.0f ms, graph %d nodes, nodes sharing a name %d,"
        + " findings %d, not applicable %d, invalid versions %d, best audit of %d: %.1f ms%n",
        all.size(), (t1 - t0) / 1e6, g.size(), sharing, r.findings().size(),
        r.notApplicable().size(), r.invalidVersions(), rounds, best / 1e6);
    assertEquals(22_241, all.size());
    assertEquals(List.of(), r.findings()); // only fsevents shares a name, 2.3.3 is unaffected
  }
}
