package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code see docs/errors.md#anchor} in the main sources has its section in the doc. */
class ErrorAnchorsTest {

  private static final Pattern USE = Pattern.compile("docs/errors\\.md#([a-z0-9-]+)");
  private static final Pattern SECTION = Pattern.compile("(?m)^## ([a-z0-9-]+)\\s*$");

  @Test
  void everyAnchorUsedInMessagesIsDocumented() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String doc = Files.readString(root.resolve("docs/errors.md"));
    Set<String> documented = new TreeSet<>();
    Matcher s = SECTION.matcher(doc);
    while (s.find()) {
      documented.add(s.group(1));
    }
    Set<String> used = new TreeSet<>();
    for (String module : List.of("api", "core", "spi-licenses", "spi-advisories",
        "spi-similarity", "cli")) {
      Path src = root.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = USE.matcher(Files.readString(f));
          while (m.find()) {
            used.add(m.group(1));
          }
        }
      }
    }
    assertTrue(used.size() >= 5, "found too few anchors, is the source tree there? " + used);
    Set<String> missing = used.stream().filter(a -> !documented.contains(a))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), missing, "anchors used in messages but not in docs/errors.md");
  }
}
