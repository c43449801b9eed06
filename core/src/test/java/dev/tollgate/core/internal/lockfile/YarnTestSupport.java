package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Edge;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Node;
import dev.tollgate.core.Lockfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers shared by the yarn reader tests. */
final class YarnTestSupport {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/yarn");

  private YarnTestSupport() {
  }

  static Lockfile classic(String fixture) throws IOException {
    return read(new YarnClassicLockReader(), FIXTURES.resolve(fixture), true);
  }

  static Lockfile berry(String fixture) throws IOException {
    return read(new YarnBerryLockReader(), FIXTURES.resolve(fixture), true);
  }

  static Lockfile berryWithoutManifests(String fixture) throws IOException {
    return read(new YarnBerryLockReader(), FIXTURES.resolve(fixture), false);
  }

  static Lockfile read(LockfileReader r, Path dir, boolean manifests) throws IOException {
    try (InputStream in = Files.newInputStream(dir.resolve("yarn.lock"))) {
      return r.read("yarn.lock", in, manifests ? ProjectFiles.directory(dir) : ProjectFiles.none(),
          Limits.defaults());
    }
  }

  static Lockfile classicText(String text) throws IOException {
    return new YarnClassicLockReader().read("yarn.lock", bytes(text), ProjectFiles.none(),
        Limits.defaults());
  }

  static Lockfile berryText(String text) throws IOException {
    return berryText(text, Limits.defaults());
  }

  static Lockfile berryText(String text, Limits limits) throws IOException {
    return new YarnBerryLockReader().read("yarn.lock", bytes(text), ProjectFiles.none(), limits);
  }

  static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static Node at(DependencyGraph g, String location) {
    return g.nodeAt(location).orElseThrow(() -> new AssertionError("no node at " + location
        + "; locations: " + g.nodes().stream().map(Node::location).toList()));
  }

  static Edge edge(DependencyGraph g, Node from, String name) {
    return g.edgesFrom(from.id()).stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no edge " + name + " from " + from.location()));
  }
}
