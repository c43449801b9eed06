package dev.tollgate.core.internal.tarball;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.internal.io.JsonSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files {@code npm pack} would put in a package's tarball, computed the way npm-packlist 10
 * (bundled with npm 11) and its ignore walker do: the {@code files} array, {@code .npmignore} and
 * {@code .gitignore} at every level (a root {@code files} array disables the root ones; an
 * {@code .npmignore} hides the {@code .gitignore} next to it), the built-in exclusions, and the
 * files always included (package.json, README, LICENSE/LICENCE, COPYING, {@code main},
 * {@code browser} and every {@code bin}). Symbolic links are never followed nor packed, names with
 * {@code *} are dropped, empty folders vanish.
 *
 * <p>Not covered: {@code bundleDependencies} (bundled packages under {@code node_modules} are not
 * listed) and workspaces. Ignore files that are symbolic links are not read (npm would read their
 * target). {@code files} entries that climb out of the folder are treated as patterns.
 *
 * <p>Not thread-safe; create one per listing.
 */
public final class PackList {

  /** Largest ignore file read; larger ones are refused. */
  static final int MAX_IGNORE_FILE_BYTES = 1 << 20;
  /** Most distinct rule alternatives (after brace expansion) one package may define. */
  static final long MAX_COMPILED_ALTERNATIVES = 200_000;

  private static final String DEFAULT_RULES = "\0default";
  private static final String STRICT_RULES = "\0strict";
  private static final String PACKAGE_JSON = "package.json";
  private static final String NPMIGNORE = ".npmignore";
  private static final String GITIGNORE = ".gitignore";
  private static final List<String> ROOT_IGNORE_FILES = List.of(DEFAULT_RULES, PACKAGE_JSON,
      NPMIGNORE, GITIGNORE, STRICT_RULES);
  private static final List<String> CHILD_IGNORE_FILES = List.of(DEFAULT_RULES, NPMIGNORE,
      GITIGNORE, STRICT_RULES);

  /** npm-packlist's default rules, applied in every folder. */
  static final List<String> DEFAULTS = List.of(".npmignore", ".gitignore", "**/.git", "**/.svn",
      "**/.hg", "**/CVS", "**/.git/**", "**/.svn/**", "**/.hg/**", "**/CVS/**", "/.lock-wscript",
      "/.wafpickle-*", "/build/config.gypi", "npm-debug.log", "**/.npmrc", ".*.swp", ".DS_Store",
      "**/.DS_Store/**", "._*", "**/._*/**", "*.orig", "/archived-packages/**");

  /**
   * One published file.
   *
   * @param path the path below the package folder, {@code /}-separated
   * @param size the size in bytes
   */
  public record Entry(String path, long size) {
  }

  /**
   * The listing and what the {@code files} array said.
   *
   * @param files the published files, in npm-packlist's order
   * @param filesField the string entries of package.json's {@code files}, as written
   * @param hasFilesField whether package.json has a {@code files} array
   */
  public record Result(List<Entry> files, List<String> filesField, boolean hasFilesField) {
  }

  private final Path root;
  private final Limits limits;
  private final String source;
  private final Map<String, IgnorePattern> cache = new HashMap<>();
  private final Map<String, Long> found = new HashMap<>();
  /** Rule alternatives tried so far, bounded so hostile ignore files cannot stall the walk. */
  private long work;
  private long compiled;
  private final long maxWork;

  private PackList(Path root, Limits limits) {
    this.root = root;
    this.limits = limits;
    this.source = root.toString();
    this.maxWork = Math.max(1_000_000L, limits.maxTarEntries() * 10_000L);
  }

  /**
   * Lists what npm would publish from a folder.
   *
   * @param root the package folder
   * @param limits the limits (entries, path length, bytes)
   * @return the files, sorted as npm-packlist sorts them
   * @throws IOException if the folder cannot be read
   * @throws InvalidInputException if package.json or an ignore file cannot be read
   * @throws LimitExceededException if the folder goes over a limit
   */
  public static Result list(Path root, Limits limits) throws IOException {
    PackList p = new PackList(root, limits);
    return p.run();
  }

  /** A folder being walked, with its parent chain (npm's Walker). */
  private final class Walker {
    final Walker parent;
    final Path dir;
    final String basename;
    final boolean exact;
    final List<String> requiredFiles;
    final List<String> ignoreFiles;
    final Map<String, List<IgnorePattern>> rules = new LinkedHashMap<>();
    final int depth;

    Walker(Walker parent, Path dir, boolean exact, List<String> requiredFiles) {
      this.parent = parent;
      this.dir = dir;
      this.basename = parent == null ? "" : dir.getFileName().toString();
      this.exact = exact;
      this.requiredFiles = requiredFiles;
      this.ignoreFiles = parent == null ? ROOT_IGNORE_FILES : CHILD_IGNORE_FILES;
      this.depth = parent == null ? 0 : parent.depth + 1;
      rules.put(DEFAULT_RULES, compileAll(DEFAULTS));
      if (parent != null) {
        List<String> strict = new ArrayList<>();
        strict.add("/.git");
        for (String f : requiredFiles) {
          strict.add("!" + f);
        }
        rules.put(STRICT_RULES, compileAll(strict));
      }
    }

    /** npm's filterEntry, unrolled from the root down instead of recursing up. */
    boolean filterEntry(String entry, boolean partial) {
      Walker[] chain = new Walker[depth + 1];
      for (Walker w = this; w != null; w = w.parent) {
        chain[w.depth] = w;
      }
      boolean included = true;
      for (int level = 0; level <= depth; level++) {
        Walker w = chain[level];
        StringBuilder e = new StringBuilder();
        for (int k = level + 1; k <= depth; k++) {
          e.append(chain[k].basename).append('/');
        }
        e.append(entry);
        String basenameArg = level == depth ? null : entry;
        if (level > 0 && !included && !w.exact) {
          continue;
        }
        included = w.apply(e.toString(), partial, basenameArg, included);
      }
      return included;
    }

    boolean apply(String entry, boolean partial, String entryBasename, boolean included) {
      for (String f : ignoreFiles) {
        List<IgnorePattern> list = rules.get(f);
        if (list == null) {
          continue;
        }
        for (IgnorePattern rule : list) {
          if (rule.negate() == included) {
            continue;
          }
          work += 1 + rule.alternatives();
          if (work > maxWork) {
            throw new LimitExceededException(source, "maxIgnoreWork", maxWork, work);
          }
          boolean relative = entryBasename != null && rule.relative();
          boolean match = rule.match("/" + entry, false) || rule.match(entry, false)
              || partial && (rule.match("/" + entry + "/", false)
                  || rule.match(entry + "/", false)
                  || rule.negate() && (rule.match("/" + entry, true) || rule.match(entry, true))
                  || relative && (rule.match("/" + entryBasename + "/", false)
                      || rule.match(entryBasename + "/", false)
                      || rule.negate() && (rule.match("/" + entryBasename, true)
                          || rule.match(entryBasename, true))));
          if (match) {
            included = rule.negate();
          }
        }
      }
      return included;
    }
  }

  private Result run() throws IOException {
    BasicFileAttributes ra = Files.readAttributes(root, BasicFileAttributes.class);
    if (!ra.isDirectory()) {
      throw new NoSuchFileException(root.toString(), null, "not a folder");
    }
    List<String> filesField = new ArrayList<>();
    boolean[] hasFiles = {false};
    Deque<Walker> queue = new ArrayDeque<>();
    Walker top = new Walker(null, root, false, new ArrayList<>());
    queue.add(top);
    while (!queue.isEmpty()) {
      Walker w = queue.pop();
      walk(w, queue, filesField, hasFiles);
    }
    List<Entry> out = new ArrayList<>();
    for (String p : new TreeSet<>(found.keySet())) {
      out.add(new Entry(p, found.get(p)));
    }
    out.sort(NPM_ORDER);
    return new Result(List.copyOf(out), List.copyOf(filesField), hasFiles[0]);
  }

  private void walk(Walker w, Deque<Walker> queue, List<String> filesField, boolean[] hasFiles)
      throws IOException {
    List<String> entries = new ArrayList<>();
    try (Stream<Path> s = Files.list(w.dir)) {
      Iterator<Path> it = s.iterator();
      while (it.hasNext()) {
        entries.add(it.next().getFileName().toString());
        if (entries.size() > limits.maxTarEntries()) {
          throw new LimitExceededException(w.dir.toString(), "maxTarEntries",
              limits.maxTarEntries(), entries.size());
        }
      }
    }
    entries.sort(null);
    if (entries.isEmpty()) {
      return;
    }
    for (String e : entries) {
      if (!w.ignoreFiles.contains(e)) {
        continue;
      }
      if (e.equals(PACKAGE_JSON)) {
        processPackage(w, filesField, hasFiles);
      } else {
        Path file = w.dir.resolve(e);
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
        if (a.isRegularFile()) {
          w.rules.put(e, compileAll(lines(readBounded(file))));
        }
      }
    }
    // filterEntries: precedence between rule files
    if (w.rules.get(PACKAGE_JSON) != null) {
      w.rules.remove(NPMIGNORE);
      w.rules.remove(GITIGNORE);
    } else if (w.rules.get(NPMIGNORE) != null) {
      w.rules.remove(GITIGNORE);
    }
    List<Walker> children = new ArrayList<>();
    for (String entry : entries) {
      boolean passFile = w.filterEntry(entry, false);
      boolean passDir = w.filterEntry(entry, true);
      if (!passFile && !passDir) {
        continue;
      }
      if (entry.indexOf('*') >= 0) {
        continue;
      }
      Path p = w.dir.resolve(entry);
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile() && !a.isDirectory()) {
        continue;
      }
      String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
      if (rel.length() > limits.maxPathLength()) {
        throw new LimitExceededException(source, "maxPathLength", limits.maxPathLength(),
            rel.length());
      }
      if (!a.isDirectory()) {
        if (passFile) {
          if (found.size() >= limits.maxTarEntries()) {
            throw new LimitExceededException(source, "maxTarEntries", limits.maxTarEntries(),
                found.size() + 1L);
          }
          found.put(rel, a.size());
        }
      } else if (passDir) {
        boolean exact = passFile || w.filterEntry(entry + "/", false);
        List<String> req = new ArrayList<>();
        for (String f : w.requiredFiles) {
          int slash = f.lastIndexOf('/');
          if (slash > 0 && f.substring(0, slash).equals(entry)) {
            req.add(f.substring(slash + 1));
          }
        }
        children.add(new Walker(w, p, exact, req));
      }
    }
    for (int i = children.size() - 1; i >= 0; i--) {
      queue.push(children.get(i));
    }
  }

  private void processPackage(Walker w, List<String> filesField, boolean[] hasFiles)
      throws IOException {
    Path pj = w.dir.resolve(PACKAGE_JSON);
    BasicFileAttributes a = Files.readAttributes(pj, BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile()) {
      return;
    }
    JsonNode pkg = readManifest(pj);
    List<String> ignores = new ArrayList<>();
    List<String> strict = new ArrayList<>(List.of("/.git", "!/package.json",
        "!/readme{,.*[^~$]}", "!/copying{,.*[^~$]}", "!/license{,.*[^~$]}",
        "!/licence{,.*[^~$]}", "/.git", "/node_modules", ".npmrc", "/package-lock.json",
        "/yarn.lock", "/pnpm-lock.yaml", "/bun.lockb"));
    JsonNode files = pkg.get("files");
    if (files != null && files.isArray()) {
      hasFiles[0] = true;
      for (JsonNode n : files) {
        if (!n.isTextual()) {
          continue;
        }
        String file = n.asText();
        filesField.add(file);
        if (file.length() > limits.maxPathLength()) {
          throw new LimitExceededException(source + "!package.json", "maxPathLength",
              limits.maxPathLength(), file.length());
        }
        if (file.startsWith("./")) {
          file = file.substring(1);
        }
        if (file.endsWith("/*")) {
          file += "*";
        }
        String inverse = "!" + file;
        String stripped = file.replaceFirst("^!+", "");
        String norm = normalize(stripped);
        BasicFileAttributes fa = null;
        if (norm != null && !norm.isEmpty()) {
          try {
            fa = Files.readAttributes(root.resolve(norm), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
          } catch (IOException | java.nio.file.InvalidPathException notThere) {
            fa = null;
          }
        } else if (norm != null) {
          fa = Files.readAttributes(root, BasicFileAttributes.class);
        }
        if (fa == null) {
          ignores.add(inverse);
        } else if (fa.isRegularFile()) {
          strict.add(0, inverse);
          w.requiredFiles.add(file.startsWith("/") ? file.substring(1) : file);
        } else if (fa.isDirectory()) {
          ignores.add(inverse);
          ignores.add(inverse + "/**");
        }
      }
      List<String> pkgRules = new ArrayList<>();
      pkgRules.add("*");
      pkgRules.addAll(ignores);
      w.rules.put(PACKAGE_JSON, compileAll(pkgRules));
    }
    JsonNode browser = pkg.get("browser");
    if (browser != null && browser.isTextual() && !browser.asText().isEmpty()) {
      strict.add("!/" + browser.asText());
    } else if (browser != null && browser.isObject()) {
      strict.add("!/[object Object]");
    }
    JsonNode main = pkg.get("main");
    if (main != null && main.isTextual() && !main.asText().isEmpty()) {
      strict.add("!/" + main.asText());
    }
    for (String bin : bins(pkg)) {
      strict.add("!/" + bin);
    }
    // normalise required file paths the way path.relative would
    List<String> req = new ArrayList<>();
    for (String f : w.requiredFiles) {
      String n = normalize(f);
      if (n != null) {
        req.add(n);
      }
    }
    w.requiredFiles.clear();
    w.requiredFiles.addAll(req);
    w.rules.put(STRICT_RULES, compileAll(strict));
  }

  /** The bin targets after npm's normalisation (a string bin is named after the package). */
  static List<String> bins(JsonNode pkg) {
    JsonNode bin = pkg.get("bin");
    List<String> out = new ArrayList<>();
    if (bin == null) {
      return out;
    }
    List<Map.Entry<String, JsonNode>> pairs = new ArrayList<>();
    if (bin.isTextual()) {
      JsonNode name = pkg.get("name");
      if (name != null && name.isTextual() && !name.asText().isEmpty()) {
        pairs.add(Map.entry(name.asText(), bin));
      }
    } else if (bin.isArray()) {
      for (JsonNode b : bin) {
        if (b.isTextual()) {
          pairs.add(Map.entry(b.asText(), b));
        }
      }
    } else if (bin.isObject()) {
      pairs.addAll(bin.properties());
    }
    for (Map.Entry<String, JsonNode> e : pairs) {
      String key = e.getKey().replace('\\', '/').replace(':', '/');
      String base = normalize("/" + key.substring(key.lastIndexOf('/') + 1));
      if (!e.getValue().isTextual() || base == null || base.isEmpty()) {
        continue;
      }
      String target = normalize("/" + e.getValue().asText().replace('\\', '/'));
      if (target != null && !target.isEmpty()) {
        out.add(target);
      }
    }
    return out;
  }

  /**
   * POSIX path normalisation relative to the root: collapses {@code //} and {@code .}, resolves
   * {@code ..}; a leading slash is dropped. Returns null for paths climbing above the root (except
   * for rooted paths, where {@code ..} stops at the root like {@code path.join('/', p)}).
   */
  static String normalize(String p) {
    boolean rooted = p.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String seg : p.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (parts.isEmpty()) {
          if (!rooted) {
            return null;
          }
        } else {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(seg);
    }
    return String.join("/", parts);
  }

  private JsonNode readManifest(Path pj) throws IOException {
    String src = pj.toString();
    ObjectMapper mapper = new ObjectMapper(JsonSupport.factory(limits));
    JsonNode node;
    try (InputStream in = Files.newInputStream(pj);
        var parser = JsonSupport.open(mapper.getFactory(), in, src, limits)) {
      node = mapper.readTree(parser);
    } catch (JsonProcessingException e) {
      throw JsonSupport.translate(src, e, limits);
    } catch (java.io.CharConversionException e) {
      throw JsonSupport.translate(src, e);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(src, 1, 1,
          "package.json must hold a JSON object; see docs/errors.md#malformed-manifest");
    }
    return node;
  }

  private String readBounded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(MAX_IGNORE_FILE_BYTES + 1);
      if (b.length > MAX_IGNORE_FILE_BYTES) {
        throw new LimitExceededException(file.toString(), "maxIgnoreFileBytes",
            MAX_IGNORE_FILE_BYTES, b.length);
      }
      return new String(b, StandardCharsets.UTF_8);
    }
  }

  /** Splits an ignore file the way the walker does: trimmed lines, no blanks, no comments. */
  static List<String> lines(String data) {
    List<String> out = new ArrayList<>();
    for (String line : data.split("\r?\n", -1)) {
      String t = jsTrim(line);
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      out.add(t);
    }
    return out;
  }

  private static String jsTrim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isJsSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isJsSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean isJsSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  private List<IgnorePattern> compileAll(List<String> patterns) {
    List<IgnorePattern> out = new ArrayList<>(patterns.size());
    for (String p : patterns) {
      IgnorePattern ip = cache.get(p);
      if (ip == null) {
        ip = IgnorePattern.compile(source, p, limits.maxPathLength());
        compiled += 1 + ip.alternatives();
        if (compiled > MAX_COMPILED_ALTERNATIVES) {
          throw new LimitExceededException(source, "maxIgnoreRules", MAX_COMPILED_ALTERNATIVES,
              compiled);
        }
        cache.put(p, ip);
      }
      out.add(ip);
    }
    return out;
  }

  /**
   * npm-packlist's order: extension, then base name (both lower-cased), then path, each compared
   * as {@code localeCompare(…, 'en')} does, approximated by {@link #collate} (the CLDR root order
   * for ASCII), then by exact path for a total order.
   */
  public static final Comparator<Entry> NPM_ORDER = (x, y) -> {
    int c = collate(ext(x.path()).toLowerCase(Locale.ROOT), ext(y.path()).toLowerCase(Locale.ROOT));
    if (c == 0) {
      c = collate(base(x.path()).toLowerCase(Locale.ROOT),
          base(y.path()).toLowerCase(Locale.ROOT));
    }
    if (c == 0) {
      c = collate(x.path(), y.path());
    }
    return c != 0 ? c : x.path().compareTo(y.path());
  };

  /** CLDR root collation order of ASCII punctuation and symbols (before digits and letters). */
  private static final String PUNCT = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

  private static int primary(char c) {
    if (c <= ' ') {
      return c;
    }
    int p = PUNCT.indexOf(c);
    if (p >= 0) {
      return 0x100 + p;
    }
    if (c >= '0' && c <= '9') {
      return 0x200 + c;
    }
    char l = Character.toLowerCase(c);
    if (l >= 'a' && l <= 'z') {
      return 0x300 + l;
    }
    return 0x10000 + Character.toLowerCase(c);
  }

  /**
   * Compares like ICU's English collation for ASCII names: punctuation before digits before
   * letters, case ignored at first, then lower case before upper case.
   *
   * @param a one string
   * @param b the other
   * @return the comparison
   */
  static int collate(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      int d = Integer.compare(primary(a.charAt(i)), primary(b.charAt(i)));
      if (d != 0) {
        return d;
      }
    }
    if (a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    for (int i = 0; i < n; i++) {
      boolean la = Character.isLowerCase(a.charAt(i));
      boolean lb = Character.isLowerCase(b.charAt(i));
      if (la != lb) {
        return la ? -1 : 1;
      }
    }
    return 0;
  }

  private static String base(String p) {
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static String ext(String p) {
    String b = base(p);
    int dot = b.lastIndexOf('.');
    return dot <= 0 ? "" : b.substring(dot);
  }
}
