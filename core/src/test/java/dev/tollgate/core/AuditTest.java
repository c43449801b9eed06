package dev.tollgate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.DependencyType;
import dev.tollgate.api.Finding;
import dev.tollgate.api.FindingCategory;
import dev.tollgate.api.Fix;
import dev.tollgate.api.PackageSource;
import dev.tollgate.api.Severity;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditTest {

  private static final Path PROJECTS = Path.of("src/test/resources/fixtures/projects");
  private static final Path DEMO = Path.of("../examples/demo/package-lock.json");

  private static DependencyGraph graph(Path lock) throws IOException {
    return Lockfiles.read(lock).graph();
  }

  private static List<Advisory> realRecords() throws IOException {
    List<Advisory> all = new ArrayList<>(
        OsvTestRecords.readZip(OsvTestRecords.DIR.resolve("ghsa-npm-osv-sample.zip")));
    try (Stream<Path> files = Files.list(OsvTestRecords.DIR.resolve("ossf"))) {
      files.sorted().forEach(f -> all.addAll(OsvTestRecords.read(f)));
    }
    return all;
  }

  private static List<Advisory> crafted() {
    return OsvTestRecords.read(OsvTestRecords.DIR.resolve("crafted/demo.json"));
  }

  private static Map<String, Fix> fixesById(AuditResult r) {
    Map<String, Fix> m = new TreeMap<>();
    for (Finding f : r.findings()) {
      m.put(f.id(), f.fix());
    }
    return m;
  }

  @Test
  void demoProjectFindsExactlyTheVulnerableVersionsWithTheirFixes() throws IOException {
    AuditResult r = Audit.audit(graph(DEMO), crafted());
    // lodash 4.17.15: [0,4.17.21) and [3.7.0,4.17.19); minimist 1.2.5: [1.0.0,1.2.6) (GHSA and
    // its CVE record merged); qs 6.7.0: [6.7.0,6.7.3); on-finished 2.3.0: [0,2.3.1)
    // express is named only by a withdrawn record.
    assertEquals(Map.of(
        "GHSA-35jh-r3h4-6jhm:lodash@4.17.15", new Fix.Bump("lodash", "4.17.21", true),
        "GHSA-p6mc-m468-83gw:lodash@4.17.15", new Fix.Bump("lodash", "4.17.19", true),
        "GHSA-xvch-5gv4-984h:minimist@1.2.5", new Fix.Bump("minimist", "1.2.6", true),
        // express and body-parser pin qs to 6.7.0: no refresh, not a direct dependency
        "GHSA-hrpp-h998-j3pp:qs@6.7.0", Fix.none(),
        // every parent asks for ~2.3.0, which allows 2.3.1
        "TEST-ON-FINISHED-1:on-finished@2.3.0", new Fix.Refresh("on-finished", "2.3.1")),
        fixesById(r));
    assertEquals(1, r.withdrawnSkipped());
    assertEquals(6, r.advisoriesUsed());
    assertEquals(List.of(), r.notApplicable());
    List<String> order = r.findings().stream().map(Finding::id).toList();
    assertEquals(List.of("GHSA-35jh-r3h4-6jhm:lodash@4.17.15",
        "GHSA-p6mc-m468-83gw:lodash@4.17.15", "GHSA-xvch-5gv4-984h:minimist@1.2.5",
        "TEST-ON-FINISHED-1:on-finished@2.3.0", "GHSA-hrpp-h998-j3pp:qs@6.7.0"), order);
  }

  @Test
  void findingsCarrySeverityPathsReferencesAndAliases() throws IOException {
    AuditResult r = Audit.audit(graph(DEMO), crafted());
    Finding minimist = find(r, "GHSA-xvch-5gv4-984h:minimist@1.2.5");
    assertEquals(FindingCategory.VULNERABILITY, minimist.category());
    assertEquals(Severity.CRITICAL, minimist.severity()); // CVSS 9.8
    assertEquals("Prototype Pollution in minimist", minimist.title());
    assertEquals(List.of(List.of("tollgate-demo@1.0.0", "minimist@1.2.5")), minimist.paths());
    assertEquals(List.of("CVE-2021-44906", "GHSA-xvch-5gv4-984h"), minimist.references());
    assertTrue(minimist.detail().contains("Also known as: CVE-2021-44906, GHSA-xvch-5gv4-984h"));
    Finding qs = find(r, "GHSA-hrpp-h998-j3pp:qs@6.7.0");
    assertEquals(Severity.HIGH, qs.severity()); // database rating, no vector
    assertEquals(List.of(
        List.of("tollgate-demo@1.0.0", "express@4.17.1", "body-parser@1.19.0", "qs@6.7.0"),
        List.of("tollgate-demo@1.0.0", "express@4.17.1", "qs@6.7.0")), sorted(qs.paths()));
    Finding lodash = find(r, "GHSA-35jh-r3h4-6jhm:lodash@4.17.15");
    assertEquals(Severity.HIGH, lodash.severity()); // CVSS 7.2
    assertTrue(lodash.references().contains("https://nvd.nist.gov/vuln/detail/CVE-2021-23337"));
    assertEquals(Severity.MODERATE,
        find(r, "TEST-ON-FINISHED-1:on-finished@2.3.0").severity()); // no rating at all
  }

  @Test
  void realGhsaAndOssfRecordsMatchNothingInTheLargeApp() throws IOException {
    // every vulnerable package of the GHSA sample is installed here in a fixed version (ws 7.5.10
    // and 8.18.2, semver 5.7.2/6.3.1/7.6.0/7.7.2, json5 2.2.3, @babel/traverse 7.27.4,
    // @cypress/request 3.0.8, @hapi/hoek 9.3.0); fsevents 2.3.3 is outside MAL-2023-462's
    // [1.0.0, 1.2.11)
    AuditResult r = Audit.audit(graph(PROJECTS.resolve("large-app/npm-v3/package-lock.json")),
        realRecords());
    assertEquals(List.of(), r.findings());
    assertEquals(List.of(), r.notApplicable());
    assertEquals(15, r.advisoriesUsed());
    assertEquals(0, r.invalidVersions());
  }

  @Test
  void oneRecordMatchesEveryAffectedVersionOnceWithAllItsPaths() throws IOException {
    Advisory semver = advisory("TEST-SEMVER-1", List.of(), false,
        new AffectedRange.Osv("SEMVER", List.of(
            new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"),
            new AffectedRange.Event(AffectedRange.EventKind.FIXED, "7.6.1"))), "semver");
    AuditResult r = Audit.audit(graph(PROJECTS.resolve("large-app/npm-v3/package-lock.json")),
        List.of(semver));
    // installed: 5.7.2 (6 places), 6.3.1 (many), 7.6.0 (hoisted); 7.7.2 is fixed
    assertEquals(List.of("TEST-SEMVER-1:semver@5.7.2", "TEST-SEMVER-1:semver@6.3.1",
        "TEST-SEMVER-1:semver@7.6.0"), r.findings().stream().map(Finding::id).toList());
    for (Finding f : r.findings()) {
      assertFalse(f.paths().isEmpty(), f.id());
      assertTrue(f.paths().size() <= 20, f.id());
      for (List<String> p : f.paths()) {
        assertEquals("semver@" + f.version(), p.get(p.size() - 1));
      }
    }
  }

  @Test
  void ecosystemNameIsMatchedExactly() throws IOException {
    // GHSA-2pqj-h3vj-pqgw names "jquery" and "jQuery"; neither is installed in the demo
    AuditResult r = Audit.audit(graph(DEMO), realRecords());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void gitFileLinkAndWorkspacePackagesAreNotApplicableNotMatched() throws IOException {
    DependencyGraph g = graph(PROJECTS.resolve("workspaces/npm-v3/package-lock.json"));
    List<Advisory> advisories = List.of(
        malicious("MAL-TEST-1", "tiny-git-lib"), // git dependency
        malicious("MAL-TEST-2", "local-lib"), // file: dependency and its link
        malicious("MAL-TEST-3", "@tollgate-fixture/core"), // workspace and its link
        malicious("MAL-TEST-4", "string-width"), // installed as the alias "str"
        malicious("MAL-TEST-5", "str")); // the alias's own name: not a registry name here
    AuditResult r = Audit.audit(g, advisories);
    List<String> matched = r.findings().stream().map(f -> f.packageName() + " " + f.category())
        .distinct().toList();
    assertTrue(matched.contains("string-width MALICIOUS"), matched.toString());
    assertTrue(r.findings().stream().allMatch(f -> f.packageName().equals("string-width")),
        matched.toString());
    assertTrue(r.findings().stream().allMatch(f -> f.severity() == Severity.CRITICAL));
    Map<String, String> na = r.notApplicable().stream().collect(Collectors.toMap(
        n -> n.location(), n -> n.name() + " " + n.advisoryIds() + " " + n.reason(),
        (a, b) -> a, TreeMap::new));
    assertEquals(5, na.size(), na.toString());
    assertTrue(na.get("node_modules/tiny-git-lib").startsWith("tiny-git-lib [MAL-TEST-1] git"),
        na.toString());
    assertTrue(na.get("local/local-lib").startsWith("local-lib [MAL-TEST-2]"), na.toString());
    assertTrue(na.get("node_modules/local-lib").startsWith("local-lib [MAL-TEST-2] link"),
        na.toString());
    assertTrue(na.get("packages/core").startsWith("@tollgate-fixture/core [MAL-TEST-3]"),
        na.toString());
    assertTrue(na.get("node_modules/@tollgate-fixture/core")
        .startsWith("@tollgate-fixture/core [MAL-TEST-3] link"), na.toString());
  }

  @Test
  void aliasesFromSeveralSourcesGiveOneFinding() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    int root = b.addNode("app", "1.0.0", "", new PackageSource.Project());
    int pkg = b.addNode("000webhost-admin", "999.9.9", "node_modules/000webhost-admin",
        new PackageSource.Registry(""));
    b.addEdge(root, pkg, "000webhost-admin", "^999.0.0", DependencyType.PROD);
    b.root(root);
    DependencyGraph g = b.build();
    List<Advisory> all = new ArrayList<>(
        OsvTestRecords.read(OsvTestRecords.DIR.resolve("ossf/MAL-2024-11848.json")));
    // the GHSA malware advisory the MAL record aliases, as the npm bulk endpoint gives it
    all.add(advisory("GHSA-fvwc-72j4-mx3w", List.of(), false,
        new AffectedRange.Npm(">=0"), "000webhost-admin"));
    // the same GHSA id from a second source, and a third id that aliases it
    all.add(advisory("GHSA-fvwc-72j4-mx3w", List.of(), false,
        new AffectedRange.Osv("ECOSYSTEM", List.of(
            new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"))), "000webhost-admin"));
    all.add(advisory("OTHER-1", List.of("GHSA-fvwc-72j4-mx3w"), false,
        new AffectedRange.Npm("*"), "000webhost-admin"));
    AuditResult r = Audit.audit(g, all);
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    assertEquals("GHSA-fvwc-72j4-mx3w:000webhost-admin@999.9.9", f.id());
    assertEquals(FindingCategory.MALICIOUS, f.category());
    assertEquals(Severity.CRITICAL, f.severity());
    assertTrue(f.references().containsAll(
        List.of("GHSA-fvwc-72j4-mx3w", "MAL-2024-11848", "OTHER-1")), f.references().toString());
    assertEquals(Fix.none(), f.fix()); // no fixed version anywhere
  }

  @Test
  void resultDoesNotDependOnAdvisoryOrder() throws IOException {
    DependencyGraph g = graph(DEMO);
    List<Advisory> a = new ArrayList<>(crafted());
    a.addAll(realRecords());
    AuditResult first = Audit.audit(g, a);
    long seed = new Random().nextLong();
    System.out.println("resultDoesNotDependOnAdvisoryOrder seed " + seed);
    Collections.shuffle(a, new Random(seed));
    assertEquals(first, Audit.audit(g, a));
  }

  @Test
  void malformedVersionsInDataAreCountedNotThrown() throws IOException {
    Advisory bad = advisory("TEST-BAD-1", List.of(), false, new AffectedRange.Osv("SEMVER",
        List.of(new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "zero"))), "lodash");
    AuditResult r = Audit.audit(graph(DEMO), List.of(bad));
    assertEquals(List.of(), r.findings());
    assertEquals(1, r.invalidVersions());
  }

  private static Advisory malicious(String id, String name) {
    return advisory(id, List.of(), true, new AffectedRange.Osv("SEMVER",
        List.of(new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"))), name);
  }

  private static Advisory advisory(String id, List<String> aliases, boolean malicious,
      AffectedRange range, String name) {
    return new Advisory(id, aliases, "", "", "", "", "",
        List.of(new AffectedPackage("npm", name, List.of(range), List.of())), List.of(), "",
        List.of(), malicious);
  }

  private static Finding find(AuditResult r, String id) {
    return r.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(
        () -> new AssertionError(id + " not in " + r.findings()));
  }

  private static List<List<String>> sorted(List<List<String>> paths) {
    List<List<String>> s = new ArrayList<>(paths);
    s.sort((x, y) -> x.toString().compareTo(y.toString()));
    return s;
  }
}
