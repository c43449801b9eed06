package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.Lockfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the yarn readers: a random valid lockfile gives the same graph whatever
 * the order of its entries (and of the descriptors within a key), and a randomly mutated one gives
 * a graph or one of the typed exceptions, nothing else. The seed is in each test's name.
 */
class YarnLockProperties {

  static LongStream seeds() {
    return LongStream.range(0, 60).map(i -> 0x9E3779B97F4A7C15L * (i + 1));
  }

  /** A generated project: packages with versions and dependencies between them. */
  private record Pkg(String name, String version, List<String> ranges, List<int[]> deps,
      boolean alias) {
  }

  private static List<Pkg> generate(Random r) {
    int n = 1 + r.nextInt(25);
    List<Pkg> pkgs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = (r.nextInt(4) == 0 ? "@s" + r.nextInt(3) + "/" : "") + "p" + i;
      String version = r.nextInt(3) + "." + r.nextInt(10) + "." + r.nextInt(10)
          + (r.nextInt(8) == 0 ? "-beta." + r.nextInt(3) : "");
      List<String> ranges = new ArrayList<>();
      ranges.add("^" + version);
      if (r.nextBoolean()) {
        ranges.add("~" + version);
      }
      if (r.nextInt(3) == 0) {
        ranges.add(version);
      }
      pkgs.add(new Pkg(name, version, ranges, new ArrayList<>(), i > 0 && r.nextInt(6) == 0));
    }
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(4);
      for (int j = 0; j < k; j++) {
        int t = r.nextInt(n);
        if (t != i && !pkgs.get(t).alias()
            && pkgs.get(i).deps().stream().noneMatch(d -> d[0] == t)) {
          pkgs.get(i).deps().add(new int[] {t, r.nextInt(pkgs.get(t).ranges().size()),
              r.nextInt(5) == 0 ? 1 : 0});
        }
      }
    }
    return pkgs;
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }

  private static String classic(List<Pkg> pkgs, Random shuffle) {
    List<String> entries = new ArrayList<>();
    for (Pkg p : pkgs) {
      List<String> keys = new ArrayList<>();
      for (String range : p.ranges()) {
        keys.add(q(p.alias() ? "al-" + p.name().replace("@", "").replace('/', '-') + "@npm:"
            + p.name() + "@" + range : p.name() + "@" + range));
      }
      Collections.shuffle(keys, shuffle);
      StringBuilder sb = new StringBuilder(String.join(", ", keys)).append(":\n");
      sb.append("  version ").append(q(p.version())).append('\n');
      String bare = p.name().substring(p.name().indexOf('/') + 1);
      sb.append("  resolved ").append(q("https://example.invalid/" + p.name() + "/-/" + bare + "-"
          + p.version() + ".tgz#0123456789abcdef0123456789abcdef01234567"))
          .append('\n');
      appendDeps(sb, pkgs, p, 0, "  dependencies:\n", "    %s %s\n");
      appendDeps(sb, pkgs, p, 1, "  optionalDependencies:\n", "    %s %s\n");
      entries.add(sb.toString());
    }
    Collections.shuffle(entries, shuffle);
    return "# yarn lockfile v1\n\n\n" + String.join("\n", entries);
  }

  private static String berry(List<Pkg> pkgs, Random shuffle) {
    List<String> entries = new ArrayList<>();
    for (Pkg p : pkgs) {
      List<String> keys = new ArrayList<>();
      for (String range : p.ranges()) {
        keys.add(p.alias() ? "al-" + p.name().replace("@", "").replace('/', '-') + "@npm:"
            + p.name() + "@" + range : p.name() + "@npm:" + range);
      }
      Collections.shuffle(keys, shuffle);
      StringBuilder sb = new StringBuilder(q(String.join(", ", keys))).append(":\n");
      sb.append("  version: ").append(p.version()).append('\n');
      sb.append("  resolution: ").append(q(p.name() + "@npm:" + p.version())).append('\n');
      StringBuilder meta = new StringBuilder();
      if (!p.deps().isEmpty()) {
        sb.append("  dependencies:\n");
        for (int[] d : p.deps()) {
          Pkg t = pkgs.get(d[0]);
          sb.append("    ").append(q(t.name())).append(": ").append(q("npm:"
              + t.ranges().get(d[1]))).append('\n');
          if (d[2] == 1) {
            meta.append("    ").append(q(t.name())).append(":\n      optional: true\n");
          }
        }
      }
      if (meta.length() > 0) {
        sb.append("  dependenciesMeta:\n").append(meta);
      }
      sb.append("  checksum: 10c0/abcdef\n  languageName: node\n  linkType: hard\n");
      entries.add(sb.toString());
    }
    Collections.shuffle(entries, shuffle);
    return "__metadata:\n  version: 8\n  cacheKey: 10c0\n\n" + String.join("\n", entries);
  }

  private static void appendDeps(StringBuilder sb, List<Pkg> pkgs, Pkg p, int kind, String head,
      String fmt) {
    boolean first = true;
    for (int[] d : p.deps()) {
      if (d[2] != kind) {
        continue;
      }
      if (first) {
        sb.append(head);
        first = false;
      }
      Pkg t = pkgs.get(d[0]);
      sb.append(String.format(fmt, t.name().startsWith("@") ? q(t.name()) : t.name(),
          q(t.ranges().get(d[1]))));
    }
  }

  private static Lockfile read(boolean berry, String text) throws IOException {
    LockfileReader r = berry ? new YarnBerryLockReader() : new YarnClassicLockReader();
    return r.read("yarn.lock", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        ProjectFiles.none(), Limits.defaults());
  }

  private static void assertSameGraph(DependencyGraph a, DependencyGraph b, String context) {
    assertEquals(a.nodes(), b.nodes(), context);
    assertEquals(a.edges(), b.edges(), context);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void classicGraphDoesNotDependOnEntryOrder(long seed) throws IOException {
    List<Pkg> pkgs = generate(new Random(seed));
    String one = classic(pkgs, new Random(seed + 1));
    String two = classic(pkgs, new Random(seed + 2));
    Lockfile a = read(false, one);
    Lockfile b = read(false, two);
    assertSameGraph(a.graph(), b.graph(), "seed " + seed + "\n" + one + "\n----\n" + two);
    assertEquals(a.warnings(), b.warnings());
    assertEquals(pkgs.size() + 1, a.graph().size(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void berryGraphDoesNotDependOnEntryOrder(long seed) throws IOException {
    List<Pkg> pkgs = generate(new Random(seed));
    String one = berry(pkgs, new Random(seed + 1));
    String two = berry(pkgs, new Random(seed + 2));
    Lockfile a = read(true, one);
    Lockfile b = read(true, two);
    assertSameGraph(a.graph(), b.graph(), "seed " + seed + "\n" + one + "\n----\n" + two);
    assertEquals(a.warnings(), b.warnings());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void classicAndBerryOfTheSameProjectHaveTheSamePackagesAndEdgeTargets(long seed)
      throws IOException {
    List<Pkg> pkgs = generate(new Random(seed));
    DependencyGraph c = read(false, classic(pkgs, new Random(seed))).graph();
    DependencyGraph b = read(true, berry(pkgs, new Random(seed))).graph();
    assertEquals(keys(c), keys(b), "seed " + seed);
    assertEquals(c.edgeCount(), b.edgeCount(), "seed " + seed);
  }

  private static List<String> keys(DependencyGraph g) {
    return g.nodes().stream().filter(n -> n.source().fromRegistry())
        .map(n -> n.name() + "/" + n.packageName() + "@" + n.version()).sorted().toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedLockfilesGiveAGraphOrATypedException(long seed) throws IOException {
    Random r = new Random(seed);
    List<Pkg> pkgs = generate(r);
    for (boolean berry : new boolean[] {false, true}) {
      String text = berry ? berry(pkgs, r) : classic(pkgs, r);
      for (int m = 0; m < 20; m++) {
        String mutated = mutate(text, r);
        try {
          read(berry, mutated);
        } catch (InvalidInputException | LimitExceededException expected) {
          // typed
        } catch (RuntimeException e) {
          fail("seed " + seed + " mutation " + m + " (" + (berry ? "berry" : "classic")
              + ") threw " + e + "\n" + mutated, e);
        }
      }
    }
  }

  private static final String[] NOISE = {"\"", ":", ",", " ", "  ", "\n", "\t", "#", "@", "\\",
      "\\u12", "'", "{", "[", "- ", "&", "*", "npm:", "workspace:", "patch:", "__metadata:\n",
      "\r", "\uFEFF", "\u0000", "%", "::locator=", "version: 3\n", "   "};

  private static String mutate(String text, Random r) {
    StringBuilder sb = new StringBuilder(text);
    int k = 1 + r.nextInt(4);
    for (int i = 0; i < k && sb.length() > 0; i++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(5)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, NOISE[r.nextInt(NOISE.length)]);
        case 2 -> sb.setCharAt(at, NOISE[r.nextInt(NOISE.length)].charAt(0));
        case 3 -> {
          int end = Math.min(sb.length(), at + r.nextInt(40));
          sb.insert(r.nextInt(sb.length()), sb.substring(at, end));
        }
        default -> sb.delete(at, Math.min(sb.length(), at + r.nextInt(30)));
      }
    }
    return sb.toString();
  }
}
