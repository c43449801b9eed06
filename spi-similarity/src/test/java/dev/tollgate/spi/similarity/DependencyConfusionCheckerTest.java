package dev.tollgate.spi.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.PackageName;
import dev.tollgate.api.PackageSource;
import dev.tollgate.api.spi.ConfusionFinding;
import dev.tollgate.api.spi.ConfusionFinding.Kind;
import dev.tollgate.api.spi.InternalNamespace;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarityChecker;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyConfusionCheckerTest {

  static final SimilarityChecker CHECKER =
      new BuiltinSimilarityProvider().create(ProviderContext.builder().build());
  /** The public registry, from the checker's own configuration. */
  static final String PUBLIC = DependencyConfusionChecker.DEFAULT_PUBLIC_REGISTRIES.get(0);
  static final String PRIVATE = "https://npm.acme.example/private/";

  static String tarball(String registry, String name, String version) {
    String bare = name.substring(name.indexOf('/') + 1);
    return registry + name + "/-/" + bare + "-" + version + ".tgz";
  }

  static DependencyGraph graph() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    b.addNode("app", "1.0.0", "", new PackageSource.Project());
    b.addNode("@acme/ui", "2.0.0", "node_modules/@acme/ui",
        new PackageSource.Registry(tarball(PRIVATE, "@acme/ui", "2.0.0")));
    b.addNode("@acme/auth", "9.9.9", "node_modules/@acme/auth",
        new PackageSource.Registry(tarball(PUBLIC, "@acme/auth", "9.9.9")));
    b.addNode("billing-utils", "99.0.0", "node_modules/billing-utils",
        new PackageSource.Registry(tarball(PUBLIC, "billing-utils", "99.0.0")));
    b.addNode("lodash", "4.17.21", "node_modules/lodash",
        new PackageSource.Registry(tarball(PUBLIC, "lodash", "4.17.21")));
    b.addNode("left-pad", "1.3.0", "node_modules/left-pad",
        new PackageSource.Registry(tarball("https://mirror.evil.example/", "left-pad", "1.3.0")));
    b.addNode("@acme/legacy", "1.0.0", "node_modules/@acme/legacy", new PackageSource.Registry(""));
    b.addNode("str", "4.0.0", "node_modules/str", new PackageSource.Alias(
        PackageName.parse("@acme/strings"), tarball(PUBLIC, "@acme/strings", "4.0.0")));
    return b.build();
  }

  @Test
  void flagsInternalNamesFromThePublicRegistryAndForeignResolvedUrls() {
    String npmrc = "@acme:registry=" + PRIVATE + "\n";
    List<ConfusionFinding> f = CHECKER.checkConfusion(graph(),
        new InternalNamespace(Set.of("billing-utils"), Set.of("@acme", "@acme-labs")), npmrc);
    List<String> got = f.stream().map(x -> x.packageName() + " " + x.kind()).toList();
    assertEquals(List.of(
        "@acme-labs SCOPE_WITHOUT_REGISTRY",
        "@acme/auth INTERNAL_FROM_PUBLIC_REGISTRY",
        "@acme/strings INTERNAL_FROM_PUBLIC_REGISTRY",
        "billing-utils INTERNAL_FROM_PUBLIC_REGISTRY",
        "left-pad RESOLVED_FROM_OTHER_REGISTRY"), got);
    ConfusionFinding auth = f.get(1);
    assertEquals(PRIVATE, auth.expectedRegistry());
    assertEquals(PUBLIC, auth.actualRegistry());
    assertEquals("node_modules/@acme/auth", auth.location());
    assertTrue(auth.explanation().contains("anyone can publish"), auth.explanation());
    assertEquals("https://mirror.evil.example/", f.get(4).actualRegistry());
  }

  @Test
  void flagsAnInternalScopeWithoutPinAndItsUnresolvedPackages() {
    List<ConfusionFinding> f = CHECKER.checkConfusion(graph(),
        new InternalNamespace(Set.of(), Set.of("@acme")), "");
    assertEquals(Kind.SCOPE_WITHOUT_REGISTRY, f.get(0).kind());
    assertTrue(f.get(0).explanation().contains("the public registry"));
    // with no pin, @acme/ui from the private registry is "other" than the configured default
    assertTrue(f.stream().anyMatch(x -> x.packageName().equals("@acme/legacy")
        && x.kind() == Kind.INTERNAL_FROM_PUBLIC_REGISTRY));
    assertTrue(f.stream().anyMatch(x -> x.packageName().equals("@acme/ui")
        && x.kind() == Kind.RESOLVED_FROM_OTHER_REGISTRY));
  }

  @Test
  void findsNothingWhenEverythingComesFromWhereItShould() {
    DependencyGraph.Builder b = DependencyGraph.builder();
    b.addNode("app", "1.0.0", "", new PackageSource.Project());
    b.addNode("@acme/ui", "2.0.0", "node_modules/@acme/ui",
        new PackageSource.Registry(tarball(PRIVATE, "@acme/ui", "2.0.0")));
    b.addNode("lodash", "4.17.21", "node_modules/lodash",
        new PackageSource.Registry(tarball(PUBLIC, "lodash", "4.17.21")));
    List<ConfusionFinding> f = CHECKER.checkConfusion(b.build(),
        new InternalNamespace(Set.of(), Set.of("@acme")), "@acme:registry=" + PRIVATE);
    assertEquals(List.of(), f);
  }

  @Test
  void flagsPublicPackagesResolvedOutsideTheConfiguredDefaultRegistry() {
    List<ConfusionFinding> f = CHECKER.checkConfusion(graph(), InternalNamespace.empty(),
        "registry=" + PRIVATE);
    assertTrue(f.stream().anyMatch(x -> x.packageName().equals("lodash")
        && x.kind() == Kind.RESOLVED_FROM_OTHER_REGISTRY && x.expectedRegistry().equals(PRIVATE)));
  }

  @Test
  void rejectsAMalformedNpmrc() {
    assertThrows(InvalidInputException.class, () -> CHECKER.checkConfusion(graph(),
        InternalNamespace.empty(), "registry=nope"));
  }

  @Test
  void findsTheRegistryRootOfScopedAndEncodedTarballUrls() {
    assertEquals(PRIVATE, DependencyConfusionChecker.registryOf(
        PRIVATE + "@acme%2fui/-/ui-1.0.0.tgz", "@acme/ui"));
    assertEquals("https://h.example/", DependencyConfusionChecker.registryOf(
        "https://h.example/odd/path.tgz", "x"));
  }
}
