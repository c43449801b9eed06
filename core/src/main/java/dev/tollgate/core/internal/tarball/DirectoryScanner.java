package dev.tollgate.core.internal.tarball;

import dev.tollgate.api.Limits;
import dev.tollgate.core.PackageInspection;
import dev.tollgate.core.TarEntryInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tarball checks on an unpacked package folder. Entries are reported as a tarball would hold
 * them ({@code package/<path>}); symbolic links are reported, never followed; {@code node_modules}
 * and {@code .git} folders are skipped (npm never packs them). Files are read only up to what the
 * checks need.
 *
 * <p>Not thread-safe; create one per folder.
 */
public final class DirectoryScanner {

  private final Limits limits;

  /**
   * Creates a scanner.
   *
   * @param limits the limits (entries, bytes per file, total bytes, path length)
   */
  public DirectoryScanner(Limits limits) {
    this.limits = limits;
  }

  /**
   * Scans a folder.
   *
   * @param root the package folder
   * @return the inspection (no integrity: a folder has no tarball bytes)
   * @throws IOException if the folder cannot be read
   */
  public PackageInspection scan(Path root) throws IOException {
    PackageAnalyzer analyzer = new PackageAnalyzer(root.toString(), limits);
    long[] total = {0};
    walk(root, root, analyzer, total);
    return analyzer.finish("", "", 0, total[0]);
  }

  private void walk(Path root, Path dir, PackageAnalyzer analyzer, long[] total)
      throws IOException {
    List<Path> children = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(children::add);
    }
    children.sort(null);
    for (Path p : children) {
      String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
      String name = p.getFileName().toString();
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      String path = "package/" + rel;
      if (a.isSymbolicLink()) {
        analyzer.entry(new TarEntryInfo(path, TarEntryInfo.Type.SYMLINK, 0, 0777,
            Files.readSymbolicLink(p).toString().replace(java.io.File.separatorChar, '/')));
      } else if (a.isDirectory()) {
        if (name.equals("node_modules") || name.equals(".git")) {
          continue;
        }
        analyzer.entry(new TarEntryInfo(path + "/", TarEntryInfo.Type.DIRECTORY, 0, 0755, ""));
        walk(root, p, analyzer, total);
      } else if (a.isRegularFile()) {
        if (a.size() > limits.maxTarEntryBytes()) {
          throw new dev.tollgate.api.LimitExceededException(p.toString(), "maxTarEntryBytes",
              limits.maxTarEntryBytes(), a.size());
        }
        total[0] += a.size();
        if (total[0] > limits.maxTarTotalBytes()) {
          throw new dev.tollgate.api.LimitExceededException(root.toString(), "maxTarTotalBytes",
              limits.maxTarTotalBytes(), total[0]);
        }
        TarEntryInfo info = new TarEntryInfo(path, TarEntryInfo.Type.FILE, a.size(), 0644, "");
        analyzer.entry(info);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
          bytes = PackageAnalyzer.wantsWhole(info) ? in.readNBytes((int) a.size())
              : in.readNBytes(PackageAnalyzer.SNIFF);
        }
        analyzer.file(info, bytes);
      } else {
        analyzer.entry(new TarEntryInfo(path, TarEntryInfo.Type.OTHER, 0, 0, ""));
      }
    }
  }
}
