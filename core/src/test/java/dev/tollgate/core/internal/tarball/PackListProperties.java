package dev.tollgate.core.internal.tarball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random package folders and rule sets: whatever the rules say, the strictly excluded files
 * never appear, package.json and the root README and LICENSE always do, symbolic links and names
 * with {@code *} never do, and the result does not depend on the order the folder is written in.
 */
class PackListProperties {

  private static final String[] NAMES = {"node_modules.js", ".npmrc", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "x.js",
      "y.md", ".env", "foo.orig", ".DS_Store", "package.json", "README.md", "c.test.js",
      "we*ird.js", "CVS", "npm-debug.log", "._x"};
  private static final String[] RULES = {"*.js", "!x.js", "lib", "/lib", "lib/", "**/test",
      "!.npmrc", "!node_modules", "!/node_modules/**", "!.git", "!.git/**", "*", "!*", "!**",
      "!package-lock.json", "!yarn.lock", "docs/**", "!docs/y.md", "a/**/b", "{a,b}", "[ab]*",
      "!README.md", "README.md", "package.json", "LICENSE", "!*.orig", "!CVS", "**", "*/",
      "!/src/**", "?.js", "# comment", "!we*ird.js"};
  private static final Set<String> ROOT_STRICT = Set.of(".npmrc", "package-lock.json",
      "yarn.lock", "pnpm-lock.yaml", "bun.lockb");

  static Stream<Long> seeds() {
    long base = Long.getLong("tollgate.seed", 20261124L);
    return IntStream.range(0, 50).mapToObj(i -> base + i);
  }

  @TempDir
  Path tmp;

  /** One file or link to write. */
  record Item(String path, String content, boolean link) {
  }

  static List<Item> tree(Random r) {
    List<Item> items = new ArrayList<>();
    StringBuilder pj = new StringBuilder("{\"name\":\"p\",\"version\":\"1.0.0\"");
    if (r.nextInt(3) == 0) {
      pj.append(",\"files\":[");
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        pj.append(i == 0 ? "" : ",").append('"').append(pick(r, new String[] {"lib", "src/",
            "x.js", "docs/*", "!docs/y.md", "a/**", "*.md", "./test", "missing"})).append('"');
      }
      pj.append(']');
    }
    if (r.nextBoolean()) {
      pj.append(",\"main\":\"").append(pick(r, new String[] {"x.js", "lib/x.js", "src/x.js"}))
          .append('"');
    }
    pj.append('}');
    items.add(new Item("package.json", pj.toString(), false));
    items.add(new Item("README.md", "readme", false));
    items.add(new Item("LICENSE", "license", false));
    int files = 5 + r.nextInt(25);
    for (int i = 0; i < files; i++) {
      int depth = r.nextInt(4);
      StringBuilder path = new StringBuilder();
      for (int d = 0; d < depth; d++) {
        path.append(pick(r, new String[] {"a", "b", "lib", "test", "src", "docs", "node_modules",
            ".git", "CVS"})).append('/');
      }
      path.append(pick(r, NAMES));
      if (path.toString().equals("package.json")) {
        continue;
      }
      items.add(new Item(path.toString(), "c" + i, r.nextInt(15) == 0));
    }
    int ignores = r.nextInt(4);
    for (int i = 0; i < ignores; i++) {
      String dir = pick(r, new String[] {"", "", "a/", "lib/", "src/", "a/b/"});
      StringBuilder rules = new StringBuilder();
      int n = 1 + r.nextInt(5);
      for (int k = 0; k < n; k++) {
        rules.append(pick(r, RULES)).append(r.nextBoolean() ? "\n" : "\r\n");
      }
      items.add(new Item(dir + (r.nextBoolean() ? ".npmignore" : ".gitignore"), rules.toString(),
          false));
    }
    return items;
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  static Path write(Path root, List<Item> items) throws IOException {
    Files.createDirectories(root);
    for (Item it : items) {
      Path p = root.resolve(it.path());
      if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          || (p.getParent() != null && Files.isRegularFile(p.getParent()))) {
        continue;
      }
      try {
        Files.createDirectories(p.getParent());
      } catch (java.nio.file.FileSystemException clash) {
        continue; // a file already holds a folder's name
      }
      if (it.link()) {
        Files.createSymbolicLink(p, Path.of("README.md"));
      } else {
        Files.writeString(p, it.content(), StandardCharsets.UTF_8);
      }
    }
    return root;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void strictRulesHoldWhateverTheIgnoreFilesSay(long seed) throws IOException {
    System.out.println("PackListProperties seed " + seed);
    List<Item> items = tree(new Random(seed));
    Path root = write(tmp.resolve("one"), items);
    List<String> paths = PackList.list(root, Limits.defaults()).files().stream()
        .map(PackList.Entry::path).toList();
    String ctx = "seed " + seed + ": " + paths;
    assertTrue(paths.contains("package.json"), ctx);
    assertTrue(paths.contains("README.md"), ctx);
    assertTrue(paths.contains("LICENSE"), ctx);
    for (String p : paths) {
      assertFalse(ROOT_STRICT.contains(p), ctx);
      assertFalse(p.startsWith("node_modules/"), ctx);
      assertFalse(("/" + p + "/").contains("/.git/"), ctx);
      assertFalse(p.contains("*"), ctx);
      assertFalse(Files.isSymbolicLink(root.resolve(p)), ctx);
      assertTrue(Files.isRegularFile(root.resolve(p)), ctx);
    }
    assertEquals(paths.stream().distinct().count(), paths.size(), ctx);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resultDoesNotDependOnTheOrderFilesWereWritten(long seed) throws IOException {
    System.out.println("PackListProperties seed " + seed);
    List<Item> items = tree(new Random(seed));
    List<Item> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
    // the same first writer must win when two items claim one path
    List<Item> dedup = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Item it : items) {
      if (seen.add(it.path())) {
        dedup.add(it);
      }
    }
    List<Item> reordered = new ArrayList<>(dedup);
    Collections.shuffle(reordered, new Random(seed * 31));
    Path a = write(tmp.resolve("a"), dedup);
    Path b = write(tmp.resolve("b"), reordered);
    if (!sameTree(a, b)) {
      return; // a file and a folder claimed one name; the trees differ, nothing to compare
    }
    assertEquals(PackList.list(a, Limits.defaults()), PackList.list(b, Limits.defaults()),
        "seed " + seed);
  }

  private static boolean sameTree(Path a, Path b) throws IOException {
    try (Stream<Path> sa = Files.walk(a); Stream<Path> sb = Files.walk(b)) {
      return sa.map(p -> a.relativize(p).toString()).sorted().toList()
          .equals(sb.map(p -> b.relativize(p).toString()).sorted().toList());
    }
  }
}
