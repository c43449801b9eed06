package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PackageNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"lodash", "@babel/core", "JSONStream", "a", "left-pad", "node.js",
      "@types/node", "ab~cd", "crypto", "@a/b"})
  void acceptsNamesTheRegistryHasAccepted(String name) {
    assertEquals(name, PackageName.parse(name).value());
    assertTrue(PackageName.isValid(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".hidden", "_private", " lodash", "lodash ", "node_modules",
      "favicon.ico", "@scope", "@/name", "@scope/", "@scope/.x", "a/b", "@a/b/c", "name with space",
      "café", "a:b", "@scope/na%me"})
  void rejectsNamesBreakingNpmRules(String name) {
    assertThrows(InvalidInputException.class, () -> PackageName.parse(name));
    assertTrue(PackageName.tryParse(name).isEmpty());
  }

  @Test
  void splitsScopeFromBareName() {
    PackageName n = PackageName.parse("@babel/core");
    assertTrue(n.isScoped());
    assertEquals("@babel", n.scope());
    assertEquals("core", n.bareName());
    assertEquals("", PackageName.parse("lodash").scope());
  }

  @Test
  void newPackagesMustBeLowerCaseShortAndNotCoreModules() {
    assertFalse(PackageName.parse("JSONStream").validForNewPackages());
    assertFalse(PackageName.parse("crypto").validForNewPackages());
    assertFalse(PackageName.parse("ab~cd").validForNewPackages());
    assertFalse(PackageName.parse("a".repeat(215)).validForNewPackages());
    assertTrue(PackageName.parse("@scope/crypto").validForNewPackages());
    assertTrue(PackageName.parse("lodash").validForNewPackages());
  }

  @Test
  void messageQuotesAndEscapesTheBadName() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PackageName.parse("bad\nname"));
    assertEquals("package name: invalid package name \"bad\\nname\": name can only contain "
        + "URL-friendly characters; see docs/errors.md#invalid-package-name", e.getMessage());
  }
}
