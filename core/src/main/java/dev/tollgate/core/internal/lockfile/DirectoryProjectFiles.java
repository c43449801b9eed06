package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@link ProjectFiles} over a folder of the file system. Paths that leave the root are not read.
 *
 * <p>Immutable and thread-safe.
 */
final class DirectoryProjectFiles implements ProjectFiles {
  private final Path base;

  DirectoryProjectFiles(Path base) {
    this.base = base;
  }

  @Override
  public Optional<PackageJson> manifest(String dir, Limits limits) throws IOException {
    Path p = base.resolve(dir).normalize();
    if (!p.startsWith(base)) {
      return Optional.empty();
    }
    Path file = p.resolve("package.json");
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(PackageJson.read(in, dir.isEmpty() ? "package.json"
          : dir + "/package.json", limits));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<String> expandWorkspaces(List<String> globs, Limits limits) throws IOException {
    List<Pattern> include = new ArrayList<>();
    List<Pattern> exclude = new ArrayList<>();
    int maxSegments = 0;
    boolean deep = false;
    for (String g : globs) {
      boolean neg = g.startsWith("!");
      String glob = normalise(neg ? g.substring(1) : g);
      if (glob == null) {
        continue;
      }
      (neg ? exclude : include).add(compile(glob));
      if (!neg) {
        String[] segs = glob.split("/");
        maxSegments = Math.max(maxSegments, segs.length);
        deep |= glob.contains("**");
      }
    }
    TreeSet<String> out = new TreeSet<>();
    if (include.isEmpty()) {
      return List.of();
    }
    int depthLimit = deep ? Integer.MAX_VALUE : maxSegments;
    Deque<String> todo = new ArrayDeque<>();
    todo.push("");
    int visited = 0;
    while (!todo.isEmpty()) {
      String rel = todo.pop();
      if (++visited > limits.maxEntries()) {
        throw new LimitExceededException(base.toString(), "maxEntries", limits.maxEntries(),
            visited);
      }
      if (!rel.isEmpty() && matches(include, rel) && !matches(exclude, rel)
          && Files.isRegularFile(base.resolve(rel).resolve("package.json"))) {
        out.add(rel);
      }
      int depth = rel.isEmpty() ? 0 : rel.split("/").length;
      if (depth >= depthLimit) {
        continue;
      }
      Path dir = rel.isEmpty() ? base : base.resolve(rel);
      List<String> children = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path c : ds) {
          String name = c.getFileName().toString();
          if (name.startsWith(".") || name.equals("node_modules")
              || !Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
            continue;
          }
          String childRel = rel.isEmpty() ? name : rel + "/" + name;
          if (childRel.length() > limits.maxPathLength()) {
            throw new LimitExceededException(base.toString(), "maxPathLength",
                limits.maxPathLength(), childRel.length());
          }
          children.add(childRel);
        }
      } catch (NoSuchFileException e) {
        continue;
      }
      children.sort(null);
      for (int i = children.size() - 1; i >= 0; i--) {
        todo.push(children.get(i));
      }
    }
    return List.copyOf(out);
  }

  private static boolean matches(List<Pattern> ps, String rel) {
    for (Pattern p : ps) {
      if (p.matcher(rel).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Strips {@code ./} and trailing slashes; null for globs that leave the root. */
  static String normalise(String glob) {
    String g = glob.replace('\\', '/');
    while (g.startsWith("./")) {
      g = g.substring(2);
    }
    while (g.endsWith("/")) {
      g = g.substring(0, g.length() - 1);
    }
    if (g.isEmpty() || g.startsWith("/") || g.equals("..") || g.startsWith("../")
        || g.contains("/../") || g.endsWith("/..")) {
      return null;
    }
    return g;
  }

  /** Compiles a glob: {@code **} any folders, {@code *} any characters but {@code /}. */
  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    String[] segs = glob.split("/");
    for (int i = 0; i < segs.length; i++) {
      String s = segs[i];
      if (s.equals("**")) {
        // zero or more folders
        if (i == segs.length - 1) {
          re.append(i == 0 ? ".+" : "(?:/.+)?");
        } else {
          re.append(i == 0 ? "(?:[^/]+/)*" : "(?:/[^/]+)*/");
        }
        continue;
      }
      if (i > 0 && !segs[i - 1].equals("**")) {
        re.append('/');
      }
      StringBuilder lit = new StringBuilder();
      for (char c : s.toCharArray()) {
        if (c == '*') {
          if (lit.length() > 0) {
            re.append(Pattern.quote(lit.toString()));
            lit.setLength(0);
          }
          re.append("[^/]*");
        } else {
          lit.append(c);
        }
      }
      if (lit.length() > 0) {
        re.append(Pattern.quote(lit.toString()));
      }
    }
    return Pattern.compile(re.toString());
  }
}
