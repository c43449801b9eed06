package dev.tollgate.core.internal.tarball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pack list agrees with {@code npm pack --dry-run --json} (npm 11, npm-packlist 10) on every
 * recorded folder under {@code fixtures/packlist}: the same paths (compared as sets) with the same
 * sizes. See the fixtures' README for how they were made.
 */
class PackListNpmAgreementTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures/packlist");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList()
          .stream();
    }
  }

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void listsWhatNpmPackWouldPublish(String name) throws IOException {
    Path dir = materialize(FIXTURES.resolve(name).resolve("pkg"), tmp.resolve(name));
    JsonNode expected = new ObjectMapper().readTree(
        FIXTURES.resolve(name).resolve("expected.json").toFile());
    Map<String, Long> want = new TreeMap<>();
    for (JsonNode f : expected.get("files")) {
      want.put(f.get("path").asText(), f.get("size").asLong());
    }
    Map<String, Long> got = new TreeMap<>();
    for (PackList.Entry e : PackList.list(dir, Limits.defaults()).files()) {
      got.put(e.path(), e.size());
    }
    assertEquals(want, got, name);
  }

  @Test
  void ordersFilesAsNpmPacklistDoesInTheTarball() throws IOException {
    List<String> differ = new ArrayList<>();
    List<String> all = cases().toList();
    for (String name : all) {
      Path dir = materialize(FIXTURES.resolve(name).resolve("pkg"), tmp.resolve("o-" + name));
      List<String> want = Files.readAllLines(FIXTURES.resolve(name).resolve("tar-order.txt"));
      List<String> got = PackList.list(dir, Limits.defaults()).files().stream()
          .map(PackList.Entry::path).toList();
      if (!want.equals(got)) {
        differ.add(name);
      }
    }
    System.out.println("pack-list order agrees on " + (all.size() - differ.size()) + " of "
        + all.size() + "; differs on " + differ);
    assertEquals(List.of(), differ);
  }

  /**
   * Opt-in: {@code -Dtollgate.packlist.corpus=DIR} where DIR holds package folders {@code <n>/}
   * and the output of {@code npm pack --dry-run --json} run in each as {@code <n>.json}.
   */
  @Test
  @EnabledIfSystemProperty(named = "tollgate.packlist.corpus", matches = ".+")
  void agreesWithNpmOnAnExternalCorpus() throws IOException {
    Path corpus = Path.of(System.getProperty("tollgate.packlist.corpus"));
    List<String> differ = new ArrayList<>();
    int total = 0;
    try (Stream<Path> s = Files.list(corpus)) {
      for (Path json : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String n = json.getFileName().toString().replaceAll("\\.json$", "");
        Path dir = corpus.resolve(n);
        if (!Files.isDirectory(dir) || Files.size(json) == 0) {
          continue;
        }
        JsonNode expected = new ObjectMapper().readTree(json.toFile()).get(0);
        java.util.Set<String> want = new java.util.TreeSet<>();
        for (JsonNode f : expected.get("files")) {
          want.add(f.get("path").asText());
        }
        java.util.Set<String> got = new java.util.TreeSet<>();
        for (PackList.Entry e : PackList.list(dir, Limits.defaults()).files()) {
          got.add(e.path());
        }
        total++;
        if (!want.equals(got)) {
          java.util.Set<String> extra = new java.util.TreeSet<>(got);
          extra.removeAll(want);
          java.util.Set<String> missing = new java.util.TreeSet<>(want);
          missing.removeAll(got);
          differ.add(n + " extra=" + extra + " missing=" + missing);
        }
      }
    }
    System.out.println("external corpus: pack list agrees on " + (total - differ.size()) + " of "
        + total);
    differ.forEach(System.out::println);
    assertEquals(List.of(), differ);
  }

  @Test
  void coversAtLeastThirtyRecordedFolders() throws IOException {
    long real = cases().filter(c -> c.startsWith("real-")).count();
    long crafted = cases().filter(c -> c.startsWith("c-")).count();
    assertTrue(real >= 20, "real packages: " + real);
    assertTrue(crafted >= 10, "crafted folders: " + crafted);
  }

  /**
   * Copies a fixture folder to a temporary one, restoring what git cannot hold: {@code _dot_git}
   * becomes {@code .git}; a {@code _empty_dir_marker} file stands for an empty folder. Symbolic
   * links are copied as links.
   */
  static Path materialize(Path from, Path to) throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(from)) {
      s.forEach(all::add);
    }
    for (Path p : all) {
      String rel = from.relativize(p).toString().replace("_dot_git", ".git");
      Path target = rel.isEmpty() ? to : to.resolve(rel);
      if (Files.isSymbolicLink(p)) {
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(target, Files.readSymbolicLink(p));
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(target);
      } else if (p.getFileName().toString().equals("_empty_dir_marker")) {
        Files.createDirectories(target.getParent());
      } else {
        Files.createDirectories(target.getParent());
        Files.copy(p, target, LinkOption.NOFOLLOW_LINKS);
      }
    }
    return to;
  }
}
