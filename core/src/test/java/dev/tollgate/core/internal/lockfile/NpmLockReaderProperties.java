package dev.tollgate.core.internal.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests of the npm lockfile reader: random valid lockfiles (v1, v2, v3) read, and
 * reading does not depend on key order; mutated lockfiles give only the typed exceptions.
 */
class NpmLockReaderProperties {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] NAMES = {"a", "b", "c", "d", "e", "@s/f", "@s/g", "h", "i", "j"};
  private static final Limits SMALL = Limits.builder().maxEntries(400).maxJsonDepth(40)
      .maxStringLength(2000).maxDocumentBytes(1 << 20).build();

  static LongStream seeds() {
    long base = Long.getLong("tollgate.seed", 20261124L);
    return LongStream.range(0, 150).map(i -> base + i * 7919);
  }

  /** A generated project: its packages entries, in insertion order. */
  record Lock(Map<String, Map<String, Object>> packages) {
  }

  static Lock generate(Random r) {
    Map<String, Map<String, Object>> pk = new LinkedHashMap<>();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", "app");
    root.put("version", "1.0.0");
    pk.put("", root);
    List<String> locs = new ArrayList<>();
    locs.add("");
    int count = 1 + r.nextInt(30);
    for (int i = 0; i < count; i++) {
      String parent = locs.get(r.nextInt(locs.size()));
      String name = NAMES[r.nextInt(NAMES.length)];
      String loc = (parent.isEmpty() || !parent.contains("node_modules") && r.nextBoolean()
          ? "" : parent + "/") + "node_modules/" + name;
      if (pk.containsKey(loc)) {
        continue;
      }
      Map<String, Object> e = new LinkedHashMap<>();
      String version = r.nextInt(5) + "." + r.nextInt(10) + "." + r.nextInt(10);
      e.put("version", version);
      switch (r.nextInt(7)) {
        case 0 -> e.put("resolved", "https://registry.example/" + name + "/-/"
            + name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz");
        case 1 -> {
          e.put("name", "real-" + r.nextInt(3));
          e.put("resolved", "https://registry.example/x.tgz");
        }
        case 2 -> e.put("resolved", "git+ssh://git@host.example/u/" + i
            + ".git#0123456789abcdef0123456789abcdef01234567");
        case 3 -> e.put("resolved", "file:vendor/" + i + ".tgz");
        case 4 -> e.put("resolved", "https://cdn.example/" + i + ".tgz");
        default -> { }
      }
      if (r.nextInt(4) == 0) {
        e.put("integrity", "sha512-" + Integer.toHexString(r.nextInt()));
      }
      for (String flag : new String[] {"dev", "optional", "devOptional", "peer", "extraneous",
          "inBundle", "hasInstallScript"}) {
        if (r.nextInt(6) == 0) {
          e.put(flag, true);
        }
      }
      if (r.nextInt(5) == 0) {
        e.put("license", "MIT");
        e.put("engines", Map.of("node", ">=" + r.nextInt(20)));
        e.put("os", List.of("linux"));
      }
      pk.put(loc, e);
      locs.add(loc);
    }
    // workspaces and links
    if (r.nextBoolean()) {
      root.put("workspaces", List.of("packages/*"));
      int ws = 1 + r.nextInt(3);
      for (int w = 0; w < ws; w++) {
        String wname = "w" + w;
        Map<String, Object> folder = new LinkedHashMap<>();
        folder.put("name", wname);
        folder.put("version", "0.0." + w);
        pk.put("packages/" + wname, folder);
        locs.add("packages/" + wname);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("resolved", "packages/" + wname);
        link.put("link", true);
        pk.put("node_modules/" + wname, link);
      }
    }
    // dependencies between them (some missing)
    for (String loc : locs) {
      Map<String, Object> e = pk.get(loc);
      for (String field : new String[] {"dependencies", "optionalDependencies",
          "peerDependencies", "devDependencies"}) {
        if (r.nextInt(3) != 0) {
          continue;
        }
        Map<String, Object> deps = new LinkedHashMap<>();
        int k = r.nextInt(4);
        for (int j = 0; j < k; j++) {
          deps.put(r.nextInt(8) == 0 ? "missing" + j : NAMES[r.nextInt(NAMES.length)],
              "^" + r.nextInt(5) + ".0.0");
        }
        e.put(field, deps);
        if (field.equals("peerDependencies") && !deps.isEmpty() && r.nextBoolean()) {
          e.put("peerDependenciesMeta",
              Map.of(deps.keySet().iterator().next(), Map.of("optional", true)));
        }
        if (field.equals("dependencies") && !deps.isEmpty() && r.nextInt(4) == 0) {
          e.put("bundleDependencies", List.of(deps.keySet().iterator().next()));
        }
      }
    }
    return new Lock(pk);
  }

  static String v3(Lock l, int version, Random shuffle) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", "app");
    doc.put("version", "1.0.0");
    doc.put("lockfileVersion", version);
    doc.put("requires", true);
    doc.put("packages", shuffle == null ? l.packages() : shuffled(l.packages(), shuffle));
    if (version == 2) {
      doc.put("dependencies", v1Tree(l, ""));
    }
    return MAPPER.writeValueAsString(shuffle == null ? doc : shuffled(doc, shuffle));
  }

  static String v1(Lock l, Random shuffle) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", "app");
    doc.put("version", "1.0.0");
    doc.put("lockfileVersion", 1);
    doc.put("requires", true);
    doc.put("dependencies", v1Tree(l, ""));
    return MAPPER.writeValueAsString(shuffle == null ? doc : shuffled(doc, shuffle));
  }

  /** The nested v1 form of the node_modules entries under a location. */
  private static Map<String, Object> v1Tree(Lock l, String base) {
    Map<String, Object> out = new LinkedHashMap<>();
    String prefix = (base.isEmpty() ? "" : base + "/") + "node_modules/";
    for (Map.Entry<String, Map<String, Object>> en : l.packages().entrySet()) {
      String loc = en.getKey();
      if (!loc.startsWith(prefix)) {
        continue;
      }
      String rest = loc.substring(prefix.length());
      if (rest.contains("/node_modules/") || rest.startsWith("node_modules/")) {
        continue;
      }
      Map<String, Object> e = en.getValue();
      Map<String, Object> v = new LinkedHashMap<>();
      if (Boolean.TRUE.equals(e.get("link"))) {
        v.put("version", "file:" + e.get("resolved"));
      } else if (e.get("name") != null) {
        v.put("version", "npm:" + e.get("name") + "@" + e.get("version"));
        v.put("integrity", "sha512-x");
      } else {
        v.put("version", e.get("version"));
        if (e.get("resolved") != null) {
          v.put("resolved", e.get("resolved"));
        }
        if (e.get("integrity") != null) {
          v.put("integrity", e.get("integrity"));
        }
      }
      for (String f : new String[] {"dev", "optional"}) {
        if (e.get(f) != null) {
          v.put(f, e.get(f));
        }
      }
      if (e.get("inBundle") != null) {
        v.put("bundled", true);
      }
      Object deps = e.get("dependencies");
      if (deps instanceof Map<?, ?> m && !m.isEmpty()) {
        v.put("requires", m);
      }
      Map<String, Object> nested = v1Tree(l, loc);
      if (!nested.isEmpty()) {
        v.put("dependencies", nested);
      }
      out.put(rest, v);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> shuffled(Map<String, V> m, Random r) {
    List<String> keys = new ArrayList<>(m.keySet());
    Collections.shuffle(keys, r);
    Map<String, V> out = new LinkedHashMap<>();
    for (String k : keys) {
      V v = m.get(k);
      if (v instanceof Map<?, ?> inner) {
        v = (V) shuffled((Map<String, Object>) inner, r);
      }
      out.put(k, v);
    }
    return out;
  }

  private static String dump(DependencyGraph g) {
    return g.nodes() + "\n" + g.edges() + "\n" + g.workspaceRoots();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void validLockfilesReadIndependentlyOfKeyOrder(long seed) throws IOException {
    System.out.println("NpmLockReaderProperties seed " + seed);
    Random r = new Random(seed);
    Lock l = generate(r);
    for (int version : new int[] {2, 3}) {
      DependencyGraph g = NpmFixtures.read(v3(l, version, null)).graph();
      assertEquals(l.packages().size(), g.size(), "seed " + seed + " v" + version);
      String shuffled = v3(l, version, new Random(seed * 31 + version));
      assertEquals(dump(g), dump(NpmFixtures.read(shuffled).graph()),
          "seed " + seed + " v" + version + " depends on key order");
    }
    DependencyGraph g1 = NpmFixtures.read(v1(l, null)).graph();
    assertTrue(g1.size() >= 1);
    assertEquals(dump(g1), dump(NpmFixtures.read(v1(l, new Random(seed + 1))).graph()),
        "seed " + seed + " v1 depends on key order");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedLockfilesGiveOnlyTypedExceptions(long seed) throws IOException {
    Random r = new Random(seed);
    Lock l = generate(r);
    String base = switch (r.nextInt(3)) {
      case 0 -> v1(l, null);
      case 1 -> v3(l, 2, null);
      default -> v3(l, 3, null);
    };
    for (int i = 0; i < 20; i++) {
      String m = mutate(base, r);
      try {
        NpmFixtures.read(m, ProjectFiles.none(), SMALL);
      } catch (InvalidInputException | LimitExceededException expected) {
        // the typed exceptions are the contract
      } catch (RuntimeException e) {
        fail("seed " + seed + " mutation " + i + " threw " + e + " for:\n" + m, e);
      }
    }
  }

  static String mutate(String s, Random r) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(4);
    String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "true", "null", "-1", "1e999",
        "\"link\":true", "\"resolved\":\"..\"", "\"node_modules/\"", "\"\":{}", "\\u0000",
        "\"lockfileVersion\":1", "\"dependencies\":{\"x\":{}}", "\"version\":\"file:.\""};
    for (int k = 0; k < edits && sb.length() > 0; k++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(5)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, tokens[r.nextInt(tokens.length)]);
        case 2 -> sb.setLength(at);
        case 3 -> {
          int len = Math.min(sb.length() - at, 1 + r.nextInt(40));
          sb.insert(r.nextInt(sb.length()), sb.substring(at, at + len));
        }
        default -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
      }
    }
    return sb.toString();
  }
}
