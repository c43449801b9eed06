package dev.tollgate.api.spi;

import java.util.List;

/**
 * Finds popular package names that a name imitates (typosquats).
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 *
 * @since 0.1
 */
public interface SimilarityChecker {

  /**
   * Checks one name.
   *
   * @param name the package name
   * @return the popular names it resembles, best first; empty when none
   */
  List<SimilarName> check(String name);
}
