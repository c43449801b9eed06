package dev.tollgate.spi.advisories;

import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AdvisoryDataInfo;
import dev.tollgate.api.spi.AdvisorySource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link AdvisorySource} over OSV records loaded once into memory (see {@link OsvFileLoader}).
 * {@link #lookup(Map)} ignores the versions: it returns every advisory naming one of the packages,
 * and core evaluates the versions.
 *
 * <p>Immutable and thread-safe.
 */
final class OsvFilesSource implements AdvisorySource {
  private final AdvisoryIndex index;
  private final AdvisoryDataInfo info;

  OsvFilesSource(String path, OsvFileLoader.Result result, boolean fromCache) {
    this.index = AdvisoryIndex.of(result.advisories());
    String description = "OSV files " + path + " (" + result.files() + " files, "
        + result.advisories().size() + " npm advisories, " + result.nonNpm() + " not npm, "
        + result.duplicates() + " duplicate ids, " + result.rejected() + " rejected as invalid"
        + (fromCache ? ", from the index cache)" : ")");
    this.info = new AdvisoryDataInfo(description, result.newestModified(),
        result.advisories().size());
  }

  @Override
  public List<Advisory> lookup(Map<String, Set<String>> versionsByName) {
    return index.lookup(versionsByName.keySet());
  }

  @Override
  public AdvisoryDataInfo info() {
    return info;
  }

  /** Returns how many package names the index holds. */
  int packageNames() {
    return index.names();
  }

  @Override
  public String toString() {
    return "OsvFilesSource[" + info.source() + "]";
  }
}
