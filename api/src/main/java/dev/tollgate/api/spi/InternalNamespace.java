package dev.tollgate.api.spi;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An organisation's own package names and scopes: what must never come from the public registry
 * (dependency confusion).
 *
 * <p>Example: {@code new InternalNamespace(Set.of("billing-utils"), Set.of("@acme"))}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param names internal package names, scoped or not
 * @param scopes internal scopes, each with its {@code @}, for example {@code @acme}
 * @since 0.1
 */
public record InternalNamespace(Set<String> names, Set<String> scopes) {

  /**
   * Checks and copies the arguments (sorted, so iteration is deterministic).
   *
   * @param names see the record component
   * @param scopes see the record component
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if a scope does not start with {@code @} or contains {@code /}
   */
  public InternalNamespace {
    names = Collections.unmodifiableSet(new TreeSet<>(names));
    for (String s : scopes) {
      Objects.requireNonNull(s, "scope");
      if (s.length() < 2 || s.charAt(0) != '@' || s.indexOf('/') >= 0) {
        throw new IllegalArgumentException("scope must look like @name, was " + s);
      }
    }
    scopes = Collections.unmodifiableSet(new TreeSet<>(scopes));
  }

  /**
   * Returns an empty namespace.
   *
   * @return a namespace with no names and no scopes
   */
  public static InternalNamespace empty() {
    return new InternalNamespace(Set.of(), Set.of());
  }

  /**
   * Tells whether a package name is internal: listed, or under an internal scope.
   *
   * @param packageName the name
   * @return true when internal
   */
  public boolean contains(String packageName) {
    if (names.contains(packageName)) {
      return true;
    }
    int slash = packageName.indexOf('/');
    return packageName.startsWith("@") && slash > 0
        && scopes.contains(packageName.substring(0, slash));
  }
}
