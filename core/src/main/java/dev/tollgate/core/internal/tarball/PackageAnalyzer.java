package dev.tollgate.core.internal.tarball;

import dev.tollgate.api.Evidence;
import dev.tollgate.api.Finding;
import dev.tollgate.api.FindingCategory;
import dev.tollgate.api.Fix;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Severity;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.PackageInspection;
import dev.tollgate.core.TarEntryInfo;
import dev.tollgate.core.TextFile;
import dev.tollgate.core.internal.Redactor;
import dev.tollgate.core.internal.lockfile.PackageJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks shared by tarball and directory inspection: entry paths and types, the root manifest
 * and its install scripts, native code, secrets and license-bearing files. A scanner feeds it
 * entries (paths as in a tarball, {@code package/...}) and file contents, then asks for the result.
 *
 * <p>Not thread-safe; create one per package.
 */
final class PackageAnalyzer {

  /** Bytes needed to recognise a binary format. */
  static final int SNIFF = 4;
  /** Files up to this size are read whole and scanned for secrets and license text. */
  static final int TEXT_SCAN_MAX = 8 << 20;
  private static final Set<String> INSTALL_SCRIPTS = Set.of("preinstall", "install", "postinstall");

  private final String source;
  private final Limits limits;
  private final List<Pending> pending = new ArrayList<>();
  private final List<TarEntryInfo> entries = new ArrayList<>();
  private final List<TextFile> licenseFiles = new ArrayList<>();
  private final Set<String> paths = new HashSet<>();
  private final Set<String> tops = new HashSet<>();
  private PackageJson manifest;
  private String manifestPath = "";
  private boolean bindingGyp;

  PackageAnalyzer(String source, Limits limits) {
    this.source = source;
    this.limits = limits;
  }

  /** Records an entry and checks its path and type. */
  void entry(TarEntryInfo info) {
    if (entries.size() >= limits.maxTarEntries()) {
      throw new dev.tollgate.api.LimitExceededException(source, "maxTarEntries",
          limits.maxTarEntries(), entries.size() + 1L);
    }
    if (info.path().length() > limits.maxPathLength()) {
      throw new dev.tollgate.api.LimitExceededException(source, "maxPathLength",
          limits.maxPathLength(), info.path().length());
    }
    entries.add(info);
    checkPath(info);
  }

  /** Whether a file's whole content is wanted (otherwise only its first {@link #SNIFF} bytes). */
  static boolean wantsWhole(TarEntryInfo info) {
    return info.size() <= TEXT_SCAN_MAX;
  }

  /**
   * Analyses a regular file's content.
   *
   * @param info the entry
   * @param bytes the whole content when {@link #wantsWhole} said so, else its first bytes
   */
  void file(TarEntryInfo info, byte[] bytes) {
    String path = info.path();
    String rel = relative(path);
    if (rel.equals("package.json") && manifest == null) {
      try {
        manifest = PackageJson.read(new ByteArrayInputStream(bytes), source + "!" + path, limits);
        manifestPath = path;
      } catch (InvalidInputException bad) {
        add(FindingCategory.MANIFEST, Severity.HIGH, "manifest-unreadable",
            "package.json cannot be read", bad.reason(), path, 0, "");
      } catch (IOException impossible) {
        throw new IllegalStateException("reading from memory failed", impossible);
      }
      return;
    }
    if (rel.equals("binding.gyp")) {
      bindingGyp = true;
    }
    String lower = rel.toLowerCase(Locale.ROOT);
    boolean addon = lower.endsWith(".node");
    if (addon) {
      add(FindingCategory.NATIVE_CODE, Severity.LOW, "native-addon:" + rel,
          "native Node.js addon " + SupplyChainException.quote(rel), "", path, 0, "");
    }
    boolean whole = wantsWhole(info);
    if (!whole) {
      add(FindingCategory.UNSCANNED, Severity.INFO, "too-large-to-scan:" + rel,
          "file larger than " + (TEXT_SCAN_MAX >> 20) + " MiB not scanned for secrets: "
              + SupplyChainException.quote(rel), "", path, 0, "");
    }
    String kind = !addon && bytes.length >= SNIFF ? binaryKind(bytes) : null;
    if (kind != null) {
      add(FindingCategory.NATIVE_CODE, Severity.LOW, "binary:" + rel,
          kind + " executable " + SupplyChainException.quote(rel), "", path, 0, "");
    }
    if (!addon && kind == null && whole && isText(bytes)) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      for (SecretScanner.Hit h : SecretScanner.scan(rel, text)) {
        add(FindingCategory.SECRET, h.severity(), "secret:" + h.kind() + ":" + rel + ":"
            + h.line(), h.kind().replace('-', ' ') + " in " + SupplyChainException.quote(rel),
            "", path, h.line(), h.excerpt());
      }
      if (isLicenseName(lower) || text.contains("SPDX-License-Identifier")) {
        licenseFiles.add(new TextFile(rel, new String(bytes, StandardCharsets.UTF_8)));
      }
    }
  }

  /**
   * Finishes: manifest, install scripts and folder findings; then the inspection.
   *
   * @param sha512 the SRI of the tarball, or empty for a directory
   * @param sha1 the SHA-1 SRI, or empty
   * @param compressed the tarball size, or 0
   * @param uncompressed the uncompressed size
   * @return the inspection
   */
  PackageInspection finish(String sha512, String sha1, long compressed, long uncompressed) {
    if (manifest == null) {
      add(FindingCategory.MANIFEST, Severity.HIGH, "manifest-missing",
          "no package.json at the package root", "", "", 0, "");
    }
    if (tops.size() > 1) {
      add(FindingCategory.PATH_SAFETY, Severity.MODERATE, "multiple-roots",
          "entries outside a single top folder: "
              + String.join(", ", tops.stream().sorted().map(SupplyChainException::quote).toList()),
          "npm unpacks every entry one folder down; entries in other folders land elsewhere", "", 0,
          "");
    }
    Map<String, String> scripts = manifest == null ? Map.of() : manifest.scripts();
    for (Map.Entry<String, String> s : scripts.entrySet()) {
      if (INSTALL_SCRIPTS.contains(s.getKey())) {
        add(FindingCategory.INSTALL_SCRIPT, Severity.MODERATE, "install-script:" + s.getKey(),
            s.getKey() + " script runs on install", "", manifestPath, 0,
            Redactor.redact(truncate(s.getValue())));
      }
    }
    if (bindingGyp && !scripts.containsKey("install") && !scripts.containsKey("preinstall")) {
      add(FindingCategory.INSTALL_SCRIPT, Severity.MODERATE, "install-script:node-gyp",
          "binding.gyp makes npm run node-gyp rebuild on install", "", "binding.gyp", 0,
          "node-gyp rebuild");
    }
    String name = manifest == null ? "" : manifest.name();
    String version = manifest == null ? "" : manifest.version();
    List<Finding> findings = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      findings.add(p.toFinding(name, version));
    }
    return new PackageInspection(source, sha512, sha1, compressed, uncompressed, entries, name,
        version, scripts, manifest == null ? "" : manifest.license(), licenseFiles, findings);
  }

  /** The path below the top folder ("package/lib/x.js" gives "lib/x.js"). */
  static String relative(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private void checkPath(TarEntryInfo info) {
    String path = info.path();
    String shown = SupplyChainException.quote(path);
    if (path.indexOf('\0') >= 0) {
      add(FindingCategory.PATH_SAFETY, Severity.HIGH, "nul:" + path, "entry name contains NUL: "
          + shown, "", path, 0, "");
    }
    if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':')) {
      add(FindingCategory.PATH_SAFETY, Severity.HIGH, "absolute:" + path,
          "absolute entry path " + shown, "", path, 0, "");
    }
    if (path.indexOf('\\') >= 0) {
      add(FindingCategory.PATH_SAFETY, Severity.MODERATE, "backslash:" + path,
          "entry path contains a backslash: " + shown, "on Windows it is a folder separator", path,
          0, "");
    }
    String rel = relative(path);
    if (escapes(rel)) {
      add(FindingCategory.PATH_SAFETY, Severity.HIGH, "traversal:" + path,
          "entry path leaves the package folder: " + shown, "", path, 0, "");
    }
    String normal = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (!paths.add(normal) && info.type() != TarEntryInfo.Type.DIRECTORY) {
      add(FindingCategory.PATH_SAFETY, Severity.MODERATE, "duplicate:" + path,
          "duplicate entry " + shown, "a later entry silently replaces an earlier one", path, 0, "");
    }
    int slash = normal.indexOf('/');
    tops.add(slash < 0 ? (info.type() == TarEntryInfo.Type.DIRECTORY ? normal : "(root)")
        : normal.substring(0, slash));
    switch (info.type()) {
      case SYMLINK, HARDLINK -> {
        String target = info.linkTarget();
        boolean symlink = info.type() == TarEntryInfo.Type.SYMLINK;
        String kind = symlink ? "symlink" : "hardlink";
        boolean escapesRoot;
        if (symlink) {
          String relNormal = rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
          String parent = relNormal.contains("/")
              ? relNormal.substring(0, relNormal.lastIndexOf('/')) : "";
          escapesRoot = target.startsWith("/") || escapes(parent.isEmpty() ? target
              : parent + "/" + target);
        } else {
          escapesRoot = target.startsWith("/") || escapes(relative(target));
        }
        add(FindingCategory.PATH_SAFETY, escapesRoot ? Severity.HIGH : Severity.LOW,
            kind + ":" + path, kind + " " + shown + " -> " + SupplyChainException.quote(target)
                + (escapesRoot ? " escapes the package folder" : ""),
            "npm does not unpack links", path, 0, "");
      }
      case CHARACTER_DEVICE, BLOCK_DEVICE, FIFO -> add(FindingCategory.PATH_SAFETY, Severity.HIGH,
          "device:" + path, info.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " entry " + shown, "", path, 0, "");
      case OTHER -> add(FindingCategory.UNSCANNED, Severity.MODERATE, "entry-type:" + path,
          "entry of an unsupported type (sparse or vendor-specific) " + shown, "", path, 0, "");
      default -> {
        // files and folders need nothing more
      }
    }
  }

  /** Whether a relative path climbs above the package's top folder. */
  static boolean escapes(String path) {
    int depth = 0;
    for (String seg : path.replace('\\', '/').split("/", -1)) {
      if (seg.equals("..")) {
        depth--;
        if (depth < 0) {
          return true;
        }
      } else if (!seg.isEmpty() && !seg.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  /** Whether content looks like text: no NUL byte in its first 8,000 bytes. */
  static boolean isText(byte[] bytes) {
    int n = Math.min(bytes.length, 8000);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /** LICENSE, LICENCE, COPYING, NOTICE, UNLICENSE files, with any extension, at any depth. */
  static boolean isLicenseName(String lowerPath) {
    String base = lowerPath.substring(lowerPath.lastIndexOf('/') + 1);
    return base.startsWith("license") || base.startsWith("licence") || base.startsWith("copying")
        || base.startsWith("notice") || base.startsWith("unlicense") || base.endsWith("-license")
        || base.endsWith(".license") || base.startsWith("license-");
  }

  static String binaryKind(byte[] h) {
    if (h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F') {
      return "ELF";
    }
    int be = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    if (be == 0xfeedface || be == 0xfeedfacf || be == 0xcefaedfe || be == 0xcffaedfe) {
      return "Mach-O";
    }
    if (be == 0xcafebabe) {
      return "Mach-O universal";
    }
    if (h[0] == 'M' && h[1] == 'Z') {
      return "PE";
    }
    return null;
  }

  private static String truncate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  void add(FindingCategory category, Severity severity, String key, String title,
      String detail, String file, int line, String excerpt) {
    pending.add(new Pending(category, severity, key, title, detail, file, line, excerpt));
  }

  /** A finding seen before the manifest (and so the package's name) is known. */
  private record Pending(FindingCategory category, Severity severity, String key, String title,
      String detail, String file, int line, String excerpt) {
    Finding toFinding(String name, String version) {
      List<Evidence> ev = file.isEmpty() && excerpt.isEmpty() ? List.of()
          : List.of(new Evidence(SupplyChainException.quote(file).replace("\"", ""), line, excerpt));
      String id = category.id() + ":" + (name.isEmpty() ? "" : name + "@" + version + ":")
          + SupplyChainException.quote(key).replace("\"", "");
      return new Finding(id, category, severity, name, version, title, detail, List.of(), ev,
          List.of(), Fix.none());
    }
  }}
