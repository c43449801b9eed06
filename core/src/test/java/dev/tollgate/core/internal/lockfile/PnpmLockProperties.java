package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Node;
import dev.tollgate.core.Lockfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the pnpm reader: a valid lockfile reads to the same graph whatever the order
 * of its keys, and a mutated one either reads or is refused with the typed exceptions. Each case
 * prints its seed; rerun one with {@code -Dtest=PnpmLockProperties} and the seed in the name.
 */
class PnpmLockProperties {

  private static final int[] MAJORS = {5, 6, 9};
  private static final java.util.Map<String, Integer> OUTCOMES =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  /** Prints how the mutated inputs were classified, to see the generator reaches each outcome. */
  @org.junit.jupiter.api.AfterAll
  static void statistics() {
    System.out.println("mutated lockfile outcomes: " + OUTCOMES);
  }

  static Stream<Long> seeds() {
    return LongStream.range(0, 60).boxed();
  }

  static Lockfile read(String yaml, Limits limits) throws IOException {
    return new PnpmLockReader().read("pnpm-lock.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), ProjectFiles.none(),
        limits);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void readsTheSameGraphWhateverTheKeyOrder(long seed) throws IOException {
    Random r = new Random(seed);
    int major = MAJORS[(int) (seed % 3)];
    int size = 1 + r.nextInt(80);
    PnpmLockGen gen = new PnpmLockGen(r, major, size);
    String canonical = gen.render(null);
    String shuffled = gen.render(new Random(seed * 7919 + 1));
    Lockfile a;
    try {
      a = read(canonical, Limits.defaults());
    } catch (RuntimeException e) {
      System.out.println("seed " + seed + " major " + major + "\n" + canonical);
      throw e;
    }
    Lockfile b = read(shuffled, Limits.defaults());
    assertEquals(List.of(), a.warnings(), "seed " + seed);
    assertEquals(List.of(), b.warnings(), "seed " + seed);
    DependencyGraph ga = a.graph();
    DependencyGraph gb = b.graph();
    assertEquals(ga.nodes(), gb.nodes(), "seed " + seed);
    assertEquals(ga.edges(), gb.edges(), "seed " + seed);
    // every package is one registry node, plus the root, the workspace
    assertEquals(size, ga.nodes().stream().filter(n -> n.source().fromRegistry()).count(),
        "seed " + seed);
    assertEquals(size + 2, ga.size(), "seed " + seed);
    // everything reachable through edges other than optional peers is not extraneous (as in
    // Arborist, a package reached only through an optional peer stays extraneous)
    assertEquals(0, ga.nodes().stream()
        .filter(n -> n.flags().contains(dev.tollgate.api.NodeFlag.EXTRANEOUS))
        .filter(n -> isReachable(ga, n)).count(), "seed " + seed);
  }

  private static boolean isReachable(DependencyGraph g, Node n) {
    boolean[] seen = new boolean[g.size()];
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    todo.push(g.root().id());
    seen[g.root().id()] = true;
    while (!todo.isEmpty()) {
      int v = todo.pop();
      List<Integer> next = new java.util.ArrayList<>();
      for (dev.tollgate.api.Edge e : g.edgesFrom(v)) {
        if (e.type() != dev.tollgate.api.DependencyType.PEER_OPTIONAL) {
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
    return seen[n.id()];
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedLockfilesReadOrFailWithTypedExceptions(long seed) throws IOException {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    int major = MAJORS[(int) (seed % 3)];
    PnpmLockGen gen = new PnpmLockGen(r, major, 1 + r.nextInt(30));
    StringBuilder text = new StringBuilder(gen.render(r));
    int mutations = 1 + r.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      mutate(text, r);
    }
    Limits small = Limits.builder().maxJsonDepth(8).maxStringLength(200).maxEntries(50)
        .maxDocumentBytes(64 * 1024).build();
    for (Limits limits : List.of(Limits.defaults(), small)) {
      try {
        read(text.toString(), limits);
        OUTCOMES.merge("read", 1, Integer::sum);
      } catch (InvalidInputException | LimitExceededException e) {
        OUTCOMES.merge(e instanceof LimitExceededException l ? "limit " + l.limitName()
            : "invalid", 1, Integer::sum);
        // refused with a typed exception: fine
        if (e.getMessage() == null || !e.getMessage().contains("docs/errors.md#")) {
          fail("seed " + seed + ": message without an anchor: " + e.getMessage());
        }
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ": untyped " + e + "\n" + text, e);
      }
    }
  }

  private static final String[] SNIPPETS = {
      "\n", ":", " ", "'", "\"", "{", "}", "[", "]", "- ", "&a ", "*a", "!!binary ", "? ", "#",
      "\t", "link:", "file:", "/", "@", "(", ")", "_", "~", "null", "true", "0x1F", "\u00e9",
      "\n---\n", "%YAML 1.1\n", "lockfileVersion: '4.0'\n", "  packages:\n", "resolution: {}",
      "dependencies: [a]", "peerDependencies: x",
  };

  static void mutate(StringBuilder s, Random r) {
    if (s.length() == 0) {
      s.append(SNIPPETS[r.nextInt(SNIPPETS.length)]);
      return;
    }
    int at = r.nextInt(s.length());
    switch (r.nextInt(6)) {
      case 0 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(40)));
      case 1 -> s.insert(at, SNIPPETS[r.nextInt(SNIPPETS.length)]);
      case 2 -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
      case 3 -> s.setLength(at);
      case 4 -> {
        int end = s.indexOf("\n", at);
        int start = s.lastIndexOf("\n", at);
        if (end > start && start >= 0) {
          String line = s.substring(start, end);
          s.insert(end, line);
        }
      }
      default -> {
        int end = Math.min(s.length(), at + r.nextInt(200));
        String chunk = s.substring(at, end);
        s.insert(r.nextInt(s.length()), chunk);
      }
    }
  }
}
