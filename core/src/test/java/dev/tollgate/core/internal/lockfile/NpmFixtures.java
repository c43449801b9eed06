package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.Limits;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds npm fixtures (lockfile variants with Arborist dumps) and reads lockfiles in tests. */
final class NpmFixtures {
  private NpmFixtures() {
  }

  /** One lockfile variant of a fixture case with its Arborist dump. */
  record Variant(String caseName, Path caseDir, String variant, Path lockfile, Path dump) {
    @Override
    public String toString() {
      return caseName + "/" + variant;
    }
  }

  /** The fixture roots: the test resources folder, found from the working directory. */
  static List<Path> roots() {
    List<Path> out = new ArrayList<>();
    for (String r : new String[] {"src/test/resources/fixtures/projects",
        "src/test/resources/fixtures/npm", "core/src/test/resources/fixtures/projects",
        "core/src/test/resources/fixtures/npm"}) {
      Path p = Path.of(r);
      if (Files.isDirectory(p)) {
        out.add(p);
      }
    }
    return out;
  }

  static List<Variant> variants() {
    List<Variant> out = new ArrayList<>();
    for (Path root : roots()) {
      try (Stream<Path> cases = Files.list(root)) {
        for (Path c : cases.sorted().toList()) {
          Path arb = c.resolve("arborist");
          if (!Files.isDirectory(arb)) {
            continue;
          }
          try (Stream<Path> dumps = Files.list(arb)) {
            for (Path d : dumps.sorted().toList()) {
              String v = d.getFileName().toString().replaceFirst("\\.json$", "");
              Path lock = v.equals("shrinkwrap") ? c.resolve("shrinkwrap/npm-shrinkwrap.json")
                  : c.resolve(v).resolve("package-lock.json");
              if (Files.isRegularFile(lock)) {
                out.add(new Variant(c.getFileName().toString(), c, v, lock, d));
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static Lockfile read(Variant v) throws IOException {
    LockfileFormat f = v.lockfile().getFileName().toString().equals("npm-shrinkwrap.json")
        ? LockfileFormat.NPM_SHRINKWRAP : LockfileFormat.NPM_PACKAGE_LOCK;
    try (InputStream in = Files.newInputStream(v.lockfile())) {
      return new NpmLockReader(f).read(v.lockfile().toString(), in,
          ProjectFiles.directory(v.caseDir()), Limits.defaults());
    }
  }

  static Lockfile read(String json) throws IOException {
    return read(json, ProjectFiles.none(), Limits.defaults());
  }

  static Lockfile read(String json, ProjectFiles project, Limits limits) throws IOException {
    return new NpmLockReader(LockfileFormat.NPM_PACKAGE_LOCK).read("package-lock.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), project, limits);
  }
}
