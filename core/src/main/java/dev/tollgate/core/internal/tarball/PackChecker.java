package dev.tollgate.core.internal.tarball;

import dev.tollgate.api.FindingCategory;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Severity;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.PackCheck;
import dev.tollgate.core.PackageInspection;
import dev.tollgate.core.PackedFile;
import dev.tollgate.core.TarEntryInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pre-publish check: lists what {@code npm pack} would publish ({@link PackList}), runs the
 * tarball checks on those files ({@link PackageAnalyzer}: secrets, native code, install scripts,
 * manifest) and adds what should rarely be published.
 *
 * <p>Not thread-safe; create one per check.
 */
public final class PackChecker {

  /** Default size above which one file is reported: 1 MiB. */
  public static final long DEFAULT_LARGE_FILE_BYTES = 1L << 20;
  /** Default total size above which the package is reported: 10 MiB. */
  public static final long DEFAULT_LARGE_TOTAL_BYTES = 10L << 20;

  private static final Set<String> KEY_NAMES = Set.of("id_rsa", "id_dsa", "id_ecdsa",
      "id_ed25519", ".netrc", "_netrc", ".pgpass", ".htpasswd", ".git-credentials",
      "credentials.json", ".pypirc");
  private static final Set<String> KEY_EXTS = Set.of(".key", ".p12", ".pfx", ".ppk", ".jks",
      ".keystore", ".kdbx");
  private static final Set<String> ARCHIVE_EXTS = Set.of(".tgz", ".tar", ".zip", ".7z", ".rar",
      ".gz", ".bz2", ".xz", ".jar", ".war");
  private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "spec",
      "__mocks__", "__snapshots__", "e2e");
  private static final Set<String> COVERAGE_DIRS = Set.of("coverage", ".nyc_output");
  private static final Set<String> CI_DIRS = Set.of(".github", ".circleci", ".gitlab",
      ".husky", ".changeset");
  private static final Set<String> CI_FILES = Set.of(".travis.yml", ".gitlab-ci.yml",
      "appveyor.yml", ".appveyor.yml", "azure-pipelines.yml", "jenkinsfile", ".drone.yml");
  private static final Set<String> EDITOR_DIRS = Set.of(".vscode", ".idea", ".vs", ".fleet",
      ".history");
  private static final Set<String> SCM_FILES = Set.of(".gitattributes", ".gitmodules",
      ".gitkeep", ".hgignore", ".hgtags", ".svnignore", ".cvsignore", ".bzrignore");

  private final Limits limits;
  private final long largeFile;
  private final long largeTotal;

  /**
   * Creates a checker.
   *
   * @param limits the limits
   * @param largeFile size above which a file is reported
   * @param largeTotal total size above which the package is reported
   */
  public PackChecker(Limits limits, long largeFile, long largeTotal) {
    this.limits = limits;
    this.largeFile = largeFile;
    this.largeTotal = largeTotal;
  }

  /**
   * Checks a folder.
   *
   * @param dir the package folder
   * @return the check
   * @throws IOException if the folder cannot be read
   */
  public PackCheck check(Path dir) throws IOException {
    PackList.Result list = PackList.list(dir, limits);
    PackageAnalyzer analyzer = new PackageAnalyzer(dir.toString(), limits);
    long total = 0;
    List<PackedFile> files = new ArrayList<>(list.files().size());
    for (PackList.Entry e : list.files()) {
      Path p = dir.resolve(e.path());
      if (e.size() > limits.maxTarEntryBytes()) {
        throw new LimitExceededException(p.toString(), "maxTarEntryBytes",
            limits.maxTarEntryBytes(), e.size());
      }
      total += e.size();
      if (total > limits.maxTarTotalBytes()) {
        throw new LimitExceededException(dir.toString(), "maxTarTotalBytes",
            limits.maxTarTotalBytes(), total);
      }
      files.add(new PackedFile(e.path(), e.size()));
      TarEntryInfo info = new TarEntryInfo("package/" + e.path(), TarEntryInfo.Type.FILE,
          e.size(), 0644, "");
      analyzer.entry(info);
      byte[] bytes;
      try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
        bytes = PackageAnalyzer.wantsWhole(info) ? in.readNBytes((int) e.size())
            : in.readNBytes(PackageAnalyzer.SNIFF);
      }
      analyzer.file(info, bytes);
      content(analyzer, e);
    }
    folders(analyzer, list.files());
    if (total > largeTotal) {
      analyzer.add(FindingCategory.PUBLISH_CONTENT, Severity.MODERATE, "large-package",
          "package would publish " + total + " bytes, over " + largeTotal,
          "check the files list; add a files array or an .npmignore", "", 0, "");
    }
    unmatched(analyzer, list);
    PackageInspection inspection = analyzer.finish("", "", 0, total);
    return new PackCheck(dir.toString(), inspection.name(), inspection.version(), files, total,
        inspection.findings());
  }

  /** Per-file checks: keys, environment files, archives, large files, leftovers. */
  private void content(PackageAnalyzer a, PackList.Entry e) {
    String path = e.path();
    String shown = SupplyChainException.quote(path);
    String evidence = "package/" + path;
    String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String ext = ext(base);
    if (e.size() > largeFile) {
      a.add(FindingCategory.PUBLISH_CONTENT, Severity.MODERATE, "large-file:" + path,
          "large file " + shown + " (" + e.size() + " bytes, over " + largeFile + ")",
          "", evidence, 0, "");
    }
    if (KEY_NAMES.contains(base) || KEY_EXTS.contains(ext)) {
      a.add(FindingCategory.PUBLISH_CONTENT, Severity.HIGH, "key-file:" + path,
          "private key or credential file would be published: " + shown,
          "remove it from the package and rotate what it holds", evidence, 0, "");
    } else if (ext.equals(".pem") || ext.equals(".crt") || ext.equals(".cer")) {
      a.add(FindingCategory.PUBLISH_CONTENT, Severity.MODERATE, "certificate-file:" + path,
          "certificate or key file would be published: " + shown,
          "make sure it holds no private key", evidence, 0, "");
    }
    if (base.equals(".env") || base.startsWith(".env.") || base.endsWith(".env")) {
      boolean sample = base.endsWith(".example") || base.endsWith(".sample")
          || base.endsWith(".template") || base.endsWith(".dist") || base.endsWith(".defaults");
      a.add(FindingCategory.PUBLISH_CONTENT, sample ? Severity.LOW : Severity.HIGH,
          "env-file:" + path, "environment file would be published: " + shown,
          sample ? "a sample; check it holds no real values"
              : "environment files usually hold secrets; add it to .npmignore", evidence, 0, "");
    }
    if (ARCHIVE_EXTS.contains(ext)) {
      a.add(FindingCategory.PUBLISH_CONTENT, Severity.MODERATE, "archive:" + path,
          "archive would be published: " + shown,
          "archives hide their content from review; often a leftover of npm pack", evidence, 0,
          "");
    }
    if (base.endsWith(".rej") || base.endsWith(".patch") || base.endsWith(".diff")
        || base.endsWith("~") || base.endsWith(".bak") || base.endsWith(".swp")
        || base.endsWith(".swo") || SCM_FILES.contains(base)) {
      a.add(FindingCategory.PUBLISH_CONTENT, Severity.LOW, "leftover:" + path,
          "editor or source-control leftover would be published: " + shown, "", evidence, 0, "");
    }
    if (CI_FILES.contains(base) && !path.contains("/")) {
      a.add(FindingCategory.PUBLISH_CONTENT, Severity.LOW, "ci-config:" + path,
          "CI configuration would be published: " + shown, "", evidence, 0, "");
    }
    if (ext.equals(".log")) {
      a.add(FindingCategory.PUBLISH_CONTENT, Severity.LOW, "log-file:" + path,
          "log file would be published: " + shown, "", evidence, 0, "");
    }
  }

  /** Folder-level checks, one finding per folder: tests, coverage, CI, editors, source maps. */
  private void folders(PackageAnalyzer a, List<PackList.Entry> files) {
    Map<String, int[]> tests = new TreeMap<>();
    Map<String, int[]> coverage = new TreeMap<>();
    Map<String, int[]> ci = new TreeMap<>();
    Map<String, int[]> editor = new TreeMap<>();
    int maps = 0;
    String firstMap = "";
    for (PackList.Entry e : files) {
      String[] segs = e.path().split("/");
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < segs.length - 1; i++) {
        prefix.append(segs[i]).append('/');
        String s = segs[i].toLowerCase(Locale.ROOT);
        Map<String, int[]> bucket = TEST_DIRS.contains(s) ? tests
            : COVERAGE_DIRS.contains(s) ? coverage
            : CI_DIRS.contains(s) ? ci
            : EDITOR_DIRS.contains(s) ? editor : null;
        if (bucket != null) {
          bucket.computeIfAbsent(prefix.toString(), k -> new int[1])[0]++;
          break;
        }
      }
      if (e.path().toLowerCase(Locale.ROOT).endsWith(".map")) {
        if (maps++ == 0) {
          firstMap = e.path();
        }
      }
    }
    folderFindings(a, tests, "tests", Severity.LOW, "test folder would be published");
    folderFindings(a, coverage, "coverage", Severity.LOW, "coverage output would be published");
    folderFindings(a, ci, "ci-folder", Severity.LOW, "CI configuration folder would be published");
    folderFindings(a, editor, "editor-folder", Severity.LOW,
        "editor settings folder would be published");
    if (maps > 0) {
      a.add(FindingCategory.PUBLISH_CONTENT, Severity.INFO, "source-maps",
          maps + " source map file(s) would be published, for example "
              + SupplyChainException.quote(firstMap),
          "source maps may embed original sources", "package/" + firstMap, 0, "");
    }
  }

  private static void folderFindings(PackageAnalyzer a, Map<String, int[]> dirs, String kind,
      Severity severity, String title) {
    for (Map.Entry<String, int[]> d : dirs.entrySet()) {
      a.add(FindingCategory.PUBLISH_CONTENT, severity, kind + ":" + d.getKey(),
          title + ": " + SupplyChainException.quote(d.getKey()) + " (" + d.getValue()[0]
              + " file(s))", "add it to .npmignore or narrow the files array",
          "package/" + d.getKey(), 0, "");
    }
  }

  /** {@code files} entries that match no published file. */
  private void unmatched(PackageAnalyzer a, PackList.Result list) {
    for (String raw : list.filesField()) {
      String file = raw;
      if (file.startsWith("!") || file.isEmpty()) {
        continue;
      }
      if (file.startsWith("./")) {
        file = file.substring(1);
      }
      if (file.endsWith("/*")) {
        file += "*";
      }
      if (!matchesAny(file, list.files())) {
        a.add(FindingCategory.PUBLISH_CONTENT, Severity.MODERATE, "files-unmatched:" + raw,
            "files entry " + SupplyChainException.quote(raw) + " matches nothing published",
            "a typo or a build step that did not run; the package may ship without it",
            "package/package.json", 0, "");
      }
    }
  }

  private boolean matchesAny(String file, List<PackList.Entry> files) {
    IgnorePattern p = IgnorePattern.compile("package.json", file, limits.maxPathLength());
    String trimmed = file.endsWith("/") ? file.substring(0, file.length() - 1) : file;
    IgnorePattern under = IgnorePattern.compile("package.json", trimmed + "/**",
        limits.maxPathLength() + 3);
    for (PackList.Entry e : files) {
      String path = e.path();
      if (p.match(path, false) || p.match("/" + path, false) || under.match(path, false)
          || under.match("/" + path, false)) {
        return true;
      }
    }
    return false;
  }

  private static String ext(String base) {
    if (base.endsWith(".tar.gz")) {
      return ".tgz";
    }
    int dot = base.lastIndexOf('.');
    return dot < 0 ? "" : base.substring(dot);
  }
}
