package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import dev.tollgate.core.internal.io.BoundedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads yarn classic lockfiles ({@code # yarn lockfile v1}): yarn's own line format, not YAML.
 * Entries have one or more comma-separated {@code name@spec} keys, the fields {@code version},
 * {@code resolved "url#sha1"}, {@code integrity}, {@code uid}, and {@code dependencies} /
 * {@code optionalDependencies} blocks of {@code name "spec"}.
 *
 * <p>yarn classic does not record the root's or the workspaces' own dependencies: they are read
 * from the {@code package.json} files through {@link ProjectFiles} (workspace folders come from the
 * root manifest's {@code workspaces} globs). Node locations are described in {@link YarnGraph}:
 * workspaces use their folder, packages {@code name@npm:version} (or {@code name@<resolved>} for
 * git, tarball and local packages), aliases {@code alias@<real location>}. A registry node's
 * {@link dev.tollgate.api.PackageSource.Registry#resolved()} is the {@code resolved} URL without
 * its {@code #sha1}; when an entry has no {@code integrity}, that sha1 becomes an SRI
 * {@code sha1-...} value.
 *
 * <p>Reading is streaming and bounded by {@link Limits#maxDocumentBytes()},
 * {@link Limits#maxStringLength()}, {@link Limits#maxEntries()}, {@link Limits#maxJsonDepth()}
 * (nesting) and {@link Limits#maxPathLength()} (locations).
 *
 * <p>Immutable and thread-safe.
 */
public final class YarnClassicLockReader implements LockfileReader {

  /** Creates a reader. */
  public YarnClassicLockReader() {
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the syntax is wrong, or the file lacks the
   *     {@code # yarn lockfile v1} header (naming the version it declares)
   * @throws LimitExceededException if a limit is exceeded
   */
  @Override
  public Lockfile read(String source, InputStream in, ProjectFiles project, Limits limits)
      throws IOException {
    InputStreamReader reader = new InputStreamReader(
        new BoundedInputStream(in, source, "maxDocumentBytes", limits.maxDocumentBytes()),
        StandardCharsets.UTF_8);
    YarnLockLexer lexer = new YarnLockLexer(reader, source, limits, false);
    List<YarnEntry> entries = new ArrayList<>();
    boolean headerChecked = false;
    YarnLockLexer.Item item;
    while ((item = lexer.next()) != null) {
      if (!headerChecked) {
        checkHeader(source, lexer.headerComments(), item.line());
        headerChecked = true;
      }
      if (entries.size() >= limits.maxEntries()) {
        throw new LimitExceededException(source, "maxEntries", limits.maxEntries(),
            entries.size() + 1L);
      }
      entries.add(entry(source, item));
    }
    if (!headerChecked) {
      checkHeader(source, lexer.headerComments(), 1);
    }
    YarnGraph g = new YarnGraph(source, false, entries, project, limits);
    return new Lockfile(source, LockfileFormat.YARN_CLASSIC, "1", g.build(), g.warnings());
  }

  private static void checkHeader(String source, List<String> comments, int line) {
    for (String c : comments) {
      if (c.startsWith("yarn lockfile v")) {
        String v = c.substring("yarn lockfile v".length()).strip();
        if (v.equals("1")) {
          return;
        }
        throw new InvalidInputException(source, 0, 0, "unsupported yarn classic lockfile version "
            + SupplyChainException.quote(v) + ": expected '# yarn lockfile v1'; see "
            + "docs/errors.md#unsupported-lockfile-version");
      }
    }
    throw new InvalidInputException(source, line, 1, "yarn.lock has neither the '# yarn lockfile "
        + "v1' header of yarn classic nor the __metadata of yarn berry: unsupported yarn lockfile "
        + "version; see docs/errors.md#unsupported-lockfile-version");
  }

  private static YarnEntry entry(String source, YarnLockLexer.Item item) {
    if (!(item.value() instanceof Map<?, ?> map)) {
      throw new InvalidInputException(source, item.line(), item.column(), "entry "
          + SupplyChainException.quote(String.join(", ", item.keys()))
          + " must be a block of fields; see docs/errors.md#malformed-lockfile");
    }
    YarnEntry e = new YarnEntry(List.copyOf(item.keys()), item.line(), item.column());
    for (Map.Entry<?, ?> f : map.entrySet()) {
      String key = (String) f.getKey();
      Object v = f.getValue();
      switch (key) {
        case "version" -> e.version = text(source, item, key, v);
        case "resolved" -> e.resolved = text(source, item, key, v);
        case "integrity" -> e.integrity = text(source, item, key, v);
        case "dependencies" -> e.dependencies = strings(source, item, key, v);
        case "optionalDependencies" -> e.optionalDependencies = strings(source, item, key, v);
        default -> {
          // uid, languageName and fields of newer yarn 1 releases carry nothing for the graph
        }
      }
    }
    return e;
  }

  static String text(String source, YarnLockLexer.Item item, String key, Object v) {
    if (v instanceof String s) {
      return s;
    }
    throw new InvalidInputException(source, item.line(), item.column(), "field "
        + SupplyChainException.quote(key) + " of entry " + SupplyChainException.quote(
            String.join(", ", item.keys())) + " must be a string; see "
        + "docs/errors.md#malformed-lockfile");
  }

  static Map<String, String> strings(String source, YarnLockLexer.Item item, String key, Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new InvalidInputException(source, item.line(), item.column(), "field "
          + SupplyChainException.quote(key) + " of entry " + SupplyChainException.quote(
              String.join(", ", item.keys())) + " must be a block of name-spec pairs; see "
          + "docs/errors.md#malformed-lockfile");
    }
    if (m.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> d : m.entrySet()) {
      out.put((String) d.getKey(), text(source, item, key + "." + d.getKey(), d.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }
}
