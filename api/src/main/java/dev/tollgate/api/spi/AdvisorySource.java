package dev.tollgate.api.spi;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks up advisories for npm packages. A source returns advisories with their affected data; it
 * does not decide whether a version is affected: core evaluates versions.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 *
 * @since 0.1
 */
public interface AdvisorySource {

  /**
   * Returns the advisories that may affect the given packages.
   *
   * @param versionsByName package names (real registry names) and the versions installed; a remote
   *     source may send the versions, a local one may ignore them
   * @return every advisory that names one of the packages; empty when none
   * @throws IOException if the source cannot be read
   * @throws dev.tollgate.api.InvalidInputException if the source's data is malformed
   * @throws dev.tollgate.api.ProviderException if the source fails otherwise
   */
  List<Advisory> lookup(Map<String, Set<String>> versionsByName) throws IOException;

  /**
   * Describes the data: where it comes from and how old it is.
   *
   * @return the description
   */
  AdvisoryDataInfo info();
}
