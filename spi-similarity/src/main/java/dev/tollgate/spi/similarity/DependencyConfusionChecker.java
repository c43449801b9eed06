package dev.tollgate.spi.similarity;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Node;
import dev.tollgate.api.PackageSource;
import dev.tollgate.api.spi.ConfusionFinding;
import dev.tollgate.api.spi.ConfusionFinding.Kind;
import dev.tollgate.api.spi.InternalNamespace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds dependency-confusion problems: internal names resolved from the public registry, internal
 * scopes without a registry pinned in {@code .npmrc}, and lockfile {@code resolved} URLs from a
 * registry other than the one configured for the package's scope.
 *
 * <p>Immutable and thread-safe.
 */
final class DependencyConfusionChecker {

  /** The public registries: npm's and its mirror used by yarn. */
  static final List<String> DEFAULT_PUBLIC_REGISTRIES =
      List.of("https://registry.npmjs.org/", "https://registry.yarnpkg.com/");

  private final List<String> publicRegistries;

  DependencyConfusionChecker(List<String> publicRegistries) {
    this.publicRegistries = publicRegistries.stream().map(Npmrc::normalise).toList();
  }

  /**
   * Checks a graph.
   *
   * @param graph the graph
   * @param internal the internal names and scopes
   * @param npmrc the registry settings
   * @return the findings, sorted by package, location and kind
   */
  List<ConfusionFinding> check(DependencyGraph graph, InternalNamespace internal, Npmrc npmrc) {
    String def = npmrc.defaultRegistry().isEmpty() ? publicRegistries.get(0)
        : npmrc.defaultRegistry();
    List<ConfusionFinding> out = new ArrayList<>();
    for (String scope : internal.scopes()) {
      if (!npmrc.scopes().containsKey(scope.toLowerCase(Locale.ROOT))) {
        out.add(new ConfusionFinding(scope, "", "", Kind.SCOPE_WITHOUT_REGISTRY, "", "",
            "internal scope " + q(scope) + " has no " + q(scope + ":registry") + " in .npmrc, so"
                + " its packages resolve from " + describe(def)));
      }
    }
    for (Node n : graph.nodes()) {
      String resolved;
      if (n.source() instanceof PackageSource.Registry r) {
        resolved = r.resolved();
      } else if (n.source() instanceof PackageSource.Alias a) {
        resolved = a.resolved();
      } else {
        continue;
      }
      String name = n.packageName();
      String scope = name.startsWith("@") && name.indexOf('/') > 0
          ? name.substring(0, name.indexOf('/')).toLowerCase(Locale.ROOT) : "";
      String expected = npmrc.scopes().getOrDefault(scope, def);
      String actual = resolved.isEmpty() ? "" : registryOf(resolved, name);
      boolean isInternal = internal.contains(name);
      if (isInternal && (resolved.isEmpty() ? isPublic(expected) : isPublic(resolved))) {
        out.add(new ConfusionFinding(name, n.version(), n.location(),
            Kind.INTERNAL_FROM_PUBLIC_REGISTRY, expected, actual,
            "internal package " + q(name) + (resolved.isEmpty()
                ? " has no resolved URL and its configured registry is the public one"
                : " was resolved from the public registry (" + actual + ")")
                + "; anyone can publish that name there"));
      } else if (!resolved.isEmpty() && !matches(resolved, expected)
          && !(isPublic(expected) && isPublic(resolved))) {
        out.add(new ConfusionFinding(name, n.version(), n.location(),
            Kind.RESOLVED_FROM_OTHER_REGISTRY, expected, actual,
            q(name) + " was resolved from " + actual + " but .npmrc configures " + expected
                + (scope.isEmpty() || !npmrc.scopes().containsKey(scope) ? ""
                    : " for " + q(scope))));
      }
    }
    out.sort(Comparator.comparing(ConfusionFinding::packageName)
        .thenComparing(ConfusionFinding::location).thenComparing(ConfusionFinding::kind));
    return List.copyOf(out);
  }

  private boolean isPublic(String url) {
    for (String p : publicRegistries) {
      if (matches(url, p)) {
        return true;
      }
    }
    return false;
  }

  private String describe(String registry) {
    return isPublic(registry) ? "the public registry" : registry;
  }

  /** Tells whether a URL lies under a normalised registry URL. */
  static boolean matches(String url, String registry) {
    String u = Npmrc.normalise(url);
    if (u == null) {
      return url.startsWith(registry); // env references and odd URLs: compare literally
    }
    return u.startsWith(registry);
  }

  /** The registry part of a tarball URL: what precedes {@code /<name>/-/}, else the origin. */
  static String registryOf(String resolved, String name) {
    String u = Npmrc.normalise(resolved);
    if (u == null) {
      return resolved;
    }
    for (String n : new String[] {name, name.replace("/", "%2f"), name.replace("/", "%2F")}) {
      int i = u.indexOf("/" + n + "/-/");
      if (i > 0) {
        return u.substring(0, i + 1);
      }
    }
    int slash = u.indexOf('/', u.indexOf("//") + 2);
    return slash > 0 ? u.substring(0, slash + 1) : u;
  }

  private static String q(String s) {
    return "'" + s + "'";
  }
}
