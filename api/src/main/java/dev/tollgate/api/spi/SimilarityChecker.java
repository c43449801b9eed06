package dev.tollgate.api.spi;

import dev.tollgate.api.DependencyGraph;
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

  /**
   * Checks one name and gives a verdict. The default takes the best score of {@link #check} and
   * applies {@link NameVerdict#ofScore}; implementations may apply their configured thresholds.
   *
   * @param name the package name
   * @return the assessment
   * @throws dev.tollgate.api.InvalidInputException if the name cannot be checked (empty, too long,
   *     control characters)
   * @since 0.1
   */
  default NameAssessment assess(String name) {
    List<SimilarName> similar = check(name);
    double score = similar.isEmpty() ? 0.0 : similar.get(0).score();
    return new NameAssessment(name, NameVerdict.ofScore(score), score, similar);
  }

  /**
   * Finds dependency-confusion problems in a graph: internal names resolved from the public
   * registry, internal scopes without a pinned registry, and {@code resolved} URLs from a registry
   * other than the one {@code .npmrc} configures for the package's scope. The default finds
   * nothing.
   *
   * @param graph the dependency graph
   * @param internal the organisation's internal names and scopes
   * @param npmrc the text of the project's {@code .npmrc}, or the empty string when it has none
   * @return the problems, sorted by package name and location; empty when none
   * @throws dev.tollgate.api.InvalidInputException if {@code npmrc} is malformed
   * @throws dev.tollgate.api.LimitExceededException if {@code npmrc} goes over a limit
   * @since 0.1
   */
  default List<ConfusionFinding> checkConfusion(DependencyGraph graph, InternalNamespace internal,
      String npmrc) {
    return List.of();
  }
}
