package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Node;
import dev.tollgate.api.NodeFlag;
import dev.tollgate.core.Lockfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every fixture project, the registry packages (real names for aliases) and the dev-only ones
 * read from {@code yarn.lock} (classic and every berry variant) equal those of npm's own tree
 * ({@code arborist/npm-v3.json}, dumped by npm's Arborist from the package-lock of the same
 * project). Legitimate differences are listed, each with its reason, in
 * {@code fixtures/yarn/cross-format/expected-differences.txt}; nothing else is tolerated.
 */
class YarnLockCrossFormatTest {

  private static final Path PROJECTS = Path.of("src/test/resources/fixtures/projects");
  private static final Path EXPECTED =
      Path.of("src/test/resources/fixtures/yarn/cross-format/expected-differences.txt");

  static Stream<Arguments> variants() throws IOException {
    List<Arguments> out = new ArrayList<>();
    if (!Files.isDirectory(PROJECTS)) {
      return Stream.of(Arguments.of("(no fixtures)", "", Path.of("")));
    }
    try (Stream<Path> cases = Files.list(PROJECTS)) {
      for (Path c : cases.sorted().toList()) {
        if (!Files.isRegularFile(c.resolve("arborist/npm-v3.json"))) {
          continue;
        }
        try (Stream<Path> vs = Files.list(c)) {
          for (Path v : vs.sorted().toList()) {
            String n = v.getFileName().toString();
            if ((n.equals("yarn-classic") || n.startsWith("yarn-berry-v"))
                && Files.isRegularFile(v.resolve("yarn.lock"))) {
              out.add(Arguments.of(c.getFileName().toString(), n, v.resolve("yarn.lock")));
            }
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void registryPackagesAndDevSplitAgreeWithNpm(String project, String variant, Path lock)
      throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(lock), "fixtures not copied into this tree");
    Path caseDir = PROJECTS.resolve(project);
    Lockfile lf = read(lock, caseDir);
    DependencyGraph g = lf.graph();
    // a name@version is dev-only when every copy of it is flagged dev (npm may hold one copy
    // needed in production and another needed only in development; yarn holds one)
    Set<String> yarnAll = new TreeSet<>();
    Set<String> yarnDev = new TreeSet<>();
    Set<String> yarnProd = new TreeSet<>();
    for (Node n : g.nodes()) {
      if (n.source().fromRegistry() && !n.has(NodeFlag.EXTRANEOUS)) {
        String key = n.packageName() + "@" + n.version();
        yarnAll.add(key);
        (n.has(NodeFlag.DEV) ? yarnDev : yarnProd).add(key);
      } else if (n.source().fromRegistry()) {
        yarnAll.add(n.packageName() + "@" + n.version());
      }
    }
    yarnDev.removeAll(yarnProd);
    Set<String> npmAll = new TreeSet<>();
    Set<String> npmDev = new TreeSet<>();
    Set<String> npmProd = new TreeSet<>();
    JsonNode dump = new ObjectMapper().readTree(caseDir.resolve("arborist/npm-v3.json").toFile());
    for (JsonNode n : dump.path("nodes")) {
      String resolved = n.path("resolved").asText("");
      boolean alias = !n.path("name").asText().equals(n.path("packageName").asText())
          && !n.path("location").asText().isEmpty() && resolved.contains("/-/");
      // bundled packages (inBundle) come inside their parent's tarball without a resolved URL;
      // yarn lists them as ordinary registry entries, so they count here
      boolean registry = (resolved.startsWith("http") && resolved.contains("/-/")
          && resolved.endsWith(".tgz")) || alias || n.path("inBundle").asBoolean();
      if (registry && !n.path("isLink").asBoolean()) {
        String key = n.path("packageName").asText() + "@" + n.path("version").asText();
        npmAll.add(key);
        (n.path("dev").asBoolean() ? npmDev : npmProd).add(key);
      }
    }
    npmDev.removeAll(npmProd);
    Set<String> allowed = expected(project, variant);
    List<String> diffs = new ArrayList<>();
    diff("missing", npmAll, yarnAll, diffs);
    diff("extra", yarnAll, npmAll, diffs);
    diff("dev-missing", npmDev, yarnDev, diffs);
    diff("dev-extra", yarnDev, npmDev, diffs);
    System.out.printf("%s %s: %d nodes, %d registry packages (npm %d), %d dev (npm %d), %d "
        + "differences listed, warnings %s%n", project, variant, g.size(), yarnAll.size(),
        npmAll.size(), yarnDev.size(), npmDev.size(), diffs.size(), lf.warnings());
    Set<String> implicitGyp = allowed.contains("node-gyp-closure -") ? nodeGypClosure(g) : Set.of();
    List<String> unexpected = diffs.stream().filter(d -> !allowed.contains(d))
        .filter(d -> !((d.startsWith("extra ") || d.startsWith("dev-extra "))
            && implicitGyp.contains(d.substring(d.indexOf(' ') + 1))))
        .toList();
    assertEquals(List.of(), unexpected, "differences not listed in " + EXPECTED);
    assertTrue(npmAll.size() > 0);
  }

  /**
   * The registry packages reachable only through the {@code node-gyp: npm:latest} dependency that
   * yarn berry adds to packages shipping a {@code binding.gyp} (npm does not add it).
   */
  private static Set<String> nodeGypClosure(DependencyGraph g) {
    boolean[] seen = new boolean[g.size()];
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    todo.push(g.root().id());
    seen[g.root().id()] = true;
    while (!todo.isEmpty()) {
      int v = todo.pop();
      List<Integer> next = new ArrayList<>();
      for (var e : g.edgesFrom(v)) {
        if (!(e.name().equals("node-gyp") && e.spec().endsWith("latest"))) {
          next.add(e.to());
        }
      }
      next.add(g.node(v).linkTarget());
      for (int t : next) {
        if (t >= 0 && !seen[t]) {
          seen[t] = true;
          todo.push(t);
        }
      }
    }
    Set<String> out = new TreeSet<>();
    for (Node n : g.nodes()) {
      if (!seen[n.id()] && n.source().fromRegistry() && !n.has(NodeFlag.EXTRANEOUS)) {
        out.add(n.packageName() + "@" + n.version());
      }
    }
    return out;
  }

  private static void diff(String kind, Set<String> a, Set<String> b, List<String> out) {
    for (String s : a) {
      if (!b.contains(s)) {
        out.add(kind + " " + s);
      }
    }
  }

  /** Lines {@code project variant kind name@version # reason}; variant {@code *} is any. */
  private static Set<String> expected(String project, String variant) throws IOException {
    Set<String> out = new TreeSet<>();
    for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\\s+");
      assertTrue(l.contains("#") && f.length >= 5, "each exclusion needs a reason: " + l);
      boolean variantMatches = f[1].equals("*") || f[1].equals(variant)
          || (f[1].equals("yarn-berry-*") && variant.startsWith("yarn-berry-"));
      if (f[0].equals(project) && variantMatches) {
        out.add(f[2] + " " + f[3]);
      }
    }
    return out;
  }

  static Lockfile read(Path lock, Path caseDir) throws IOException {
    String head;
    try (InputStream in = Files.newInputStream(lock)) {
      head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    }
    LockfileReader r = head.contains("__metadata:") ? new YarnBerryLockReader()
        : new YarnClassicLockReader();
    try (InputStream in = Files.newInputStream(lock)) {
      return r.read(lock.toString(), in, ProjectFiles.directory(caseDir), Limits.defaults());
    }
  }
}
