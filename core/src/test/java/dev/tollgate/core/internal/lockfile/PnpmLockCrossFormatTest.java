package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.core.Lockfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares each fixture project's pnpm lockfiles (5.x, 6.x, 9.x) with the Arborist dump of the
 * same project's npm lockfile v3: the same registry packages (name@version, real names for
 * aliases) and the same dev-only packages. Cases without fixtures are skipped (the fixtures folder
 * is committed by the lead).
 */
class PnpmLockCrossFormatTest {

  static final Path PROJECTS = Path.of("src/test/resources/fixtures/projects");

  private static final Set<String> STORYBOOK_PEERS = Set.of(
      "pkg -@angular-devkit/architect@0.1802.19", "pkg -@angular-devkit/core@18.2.19");
  private static final Set<String> PEER_OPTIONAL_SUPPORTS_COLOR =
      Set.of("dev -supports-color@8.1.1", "dev -has-flag@4.0.0");

  /**
   * Justified differences between pnpm and npm, per case: name@version in the pnpm set only
   * ("+...") or in the npm set only ("-..."), for the package set ("pkg") or dev set ("dev").
   */
  static final Map<String, Set<String>> EXCLUSIONS = Map.of(
      // debug@4.4.0 (prod) resolves its optional peer supports-color to the root's dev dependency
      // supports-color@8.1.1. pnpm records supports-color and has-flag with no dev flag (needed by
      // prod and dev), and so does the edge walk; npm's lockfile marks both dev.
      "peer-optional pnpm-v5", PEER_OPTIONAL_SUPPORTS_COLOR,
      "peer-optional pnpm-v6", PEER_OPTIONAL_SUPPORTS_COLOR,
      "peer-optional pnpm-v9", PEER_OPTIONAL_SUPPORTS_COLOR,
      // npm auto-installs @storybook/angular's peers at their newest matching versions; pnpm 7 and
      // pnpm 10 satisfy them with versions already in the graph (fixture README)
      "large-app pnpm-v5", STORYBOOK_PEERS,
      "large-app pnpm-v9", STORYBOOK_PEERS,
      // pnpm 7 lists cdk8s's bundled dependencies as packages of their own too; npm's are inside
      // the cdk8s tarball (inBundle, no registry tarball of their own)
      "workspaces pnpm-v5", Set.of("pkg +fast-json-patch@3.1.1", "pkg +follow-redirects@1.15.9",
          "pkg +yaml@2.6.0"),
      // pnpm 8 fails on the git dependency, so it was removed from that variant, and with it
      // is-number, which only tiny-git-lib needs (fixture README)
      "workspaces pnpm-v6", Set.of("pkg -is-number@7.0.0"));

  /**
   * Variants whose dev set is not compared with npm's: {@code pnpm import} resolves each
   * dependent's range to its own choice among the locked versions, where npm resolves through
   * its nested {@code node_modules} tree, so the same package set is wired differently (for
   * example npm's top-level {@code @babel/core@7.24.0} serves prod dependents, pnpm's serves dev
   * ones) and about 150 packages are dev in one and prod in the other. For 5.x and 6.x the computed
   * flags are checked against pnpm's own {@code dev} records instead
   * ({@link #computedFlagsAgreeWithFlagsPnpmRecorded}), which agree entry for entry.
   */
  static final Set<String> DEV_WIRED_DIFFERENTLY = Set.of("large-app pnpm-v5",
      "large-app pnpm-v6", "large-app pnpm-v9");

  static Stream<Arguments> variants() throws IOException {
    List<Arguments> out = new ArrayList<>();
    if (Files.isDirectory(PROJECTS)) {
      try (Stream<Path> cases = Files.list(PROJECTS)) {
        for (Path c : cases.sorted().toList()) {
          for (String v : List.of("pnpm-v5", "pnpm-v6", "pnpm-v9")) {
            if (Files.exists(c.resolve(v).resolve("pnpm-lock.yaml"))
                && Files.exists(c.resolve("arborist/npm-v3.json"))) {
              out.add(Arguments.of(c.getFileName().toString(), v));
            }
          }
        }
      }
    }
    assumeTrue(!out.isEmpty(), "no fixture projects present");
    return out.stream();
  }

  static Lockfile read(Path caseDir, String variant) throws IOException {
    Path lock = caseDir.resolve(variant).resolve("pnpm-lock.yaml");
    try (InputStream in = Files.newInputStream(lock)) {
      return new PnpmLockReader().read(lock.toString(), in, ProjectFiles.directory(caseDir),
          Limits.defaults());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void registryPackagesAndDevFlagsAgreeWithArborist(String name, String variant)
      throws IOException {
    Path caseDir = PROJECTS.resolve(name);
    Lockfile lock = read(caseDir, variant);
    DependencyGraph g = lock.graph();
    Set<String> pkgs = new TreeSet<>();
    Set<String> dev = new TreeSet<>();
    for (Node n : g.nodes()) {
      if (n.source().fromRegistry()) {
        pkgs.add(n.name() + "@" + n.version());
        if (n.flags().contains(NodeFlag.DEV)) {
          dev.add(n.name() + "@" + n.version());
        }
      }
    }
    JsonNode dump = new ObjectMapper().readTree(caseDir.resolve("arborist/npm-v3.json").toFile());
    Set<String> npmPkgs = new TreeSet<>();
    Set<String> npmDev = new TreeSet<>();
    for (JsonNode n : dump.get("nodes")) {
      String resolved = n.path("resolved").asText("");
      if (n.path("location").asText().isEmpty() || n.path("isLink").asBoolean()
          || n.path("isWorkspace").asBoolean() || !resolved.startsWith("https://")
          || !resolved.contains("/-/")) {
        continue;
      }
      String id = n.path("packageName").asText() + "@" + n.path("version").asText();
      npmPkgs.add(id);
      if (n.path("dev").asBoolean()) {
        npmDev.add(id);
      }
    }
    Set<String> excl = EXCLUSIONS.getOrDefault(name + " " + variant, Set.of());
    System.out.printf("%s %s: %d nodes, %d edges, %d registry packages (npm %d, agreement %s),"
        + " %d dev (npm %d, agreement %s), %d warnings%n", name, variant, g.size(), g.edgeCount(),
        pkgs.size(), npmPkgs.size(), agreement(pkgs, npmPkgs), dev.size(), npmDev.size(),
        agreement(dev, npmDev), lock.warnings().size());
    assertEquals(new TreeSet<>(), diff("pkg", pkgs, npmPkgs, excl), "package set differences");
    if (!DEV_WIRED_DIFFERENTLY.contains(name + " " + variant)) {
      assertEquals(new TreeSet<>(), diff("dev", dev, npmDev, excl), "dev set differences");
    }
  }

  static String agreement(Set<String> a, Set<String> b) {
    Set<String> both = new TreeSet<>(a);
    both.retainAll(b);
    Set<String> either = new TreeSet<>(a);
    either.addAll(b);
    return both.size() + "/" + either.size();
  }

  static Stream<Arguments> recordedFlagVariants() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path base : List.of(PROJECTS, Path.of("src/test/resources/fixtures/pnpm"))) {
      if (!Files.isDirectory(base)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(base, 3)) {
        for (Path f : files.filter(x -> x.getFileName().toString().equals("pnpm-lock.yaml"))
            .sorted().toList()) {
          String text = Files.readString(f);
          if (text.startsWith("lockfileVersion: 5") || text.startsWith("lockfileVersion: '6")) {
            out.add(Arguments.of(base.relativize(f).toString(), f));
          }
        }
      }
    }
    assumeTrue(!out.isEmpty(), "no 5.x or 6.x lockfiles present");
    return out.stream();
  }

  /** 5.x and 6.x record dev and optional per package: the computed flags must agree. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedFlagVariants")
  void computedFlagsAgreeWithFlagsPnpmRecorded(String name, Path file) throws IOException {
    Lockfile lock;
    try (InputStream in = Files.newInputStream(file)) {
      lock = new PnpmLockReader().read(name, in, ProjectFiles.none(), Limits.defaults());
    }
    int major = lock.formatVersion().startsWith("5") ? 5 : 6;
    JsonNode packages = new YAMLMapper().readTree(file.toFile()).path("packages");
    DependencyGraph g = lock.graph();
    Set<String> mismatches = new TreeSet<>();
    int checked = 0;
    for (var it = packages.fields(); it.hasNext(); ) {
      var e = it.next();
      String prefix = "node_modules/.pnpm/" + PnpmLockReader.escape(e.getKey(), major)
          + "/node_modules/";
      Node n = g.nodes().stream().filter(x -> x.location().startsWith(prefix)).findFirst()
          .orElseThrow();
      JsonNode dev = e.getValue().get("dev");
      boolean wantDev = dev != null && dev.asBoolean();
      boolean wantOpt = e.getValue().path("optional").asBoolean(false);
      if (wantDev != n.flags().contains(NodeFlag.DEV)) {
        mismatches.add(e.getKey() + " dev=" + wantDev);
      }
      if (wantOpt != n.flags().contains(NodeFlag.OPTIONAL)) {
        mismatches.add(e.getKey() + " optional=" + wantOpt);
      }
      checked++;
    }
    System.out.printf("%s: %d entries checked against recorded flags%n", name, checked);
    assertEquals(new TreeSet<>(), mismatches);
  }

  static Set<String> diff(String kind, Set<String> ours, Set<String> npm, Set<String> excl) {
    Set<String> out = new TreeSet<>();
    for (String s : ours) {
      if (!npm.contains(s) && !excl.contains(kind + " +" + s)) {
        out.add(kind + " +" + s);
      }
    }
    for (String s : npm) {
      if (!ours.contains(s) && !excl.contains(kind + " -" + s)) {
        out.add(kind + " -" + s);
      }
    }
    return out;
  }
}
