package dev.tollgate.api;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An npm package name, scoped ({@code @scope/name}) or not, valid by npm's naming rules.
 *
 * <p>{@link #parse(String)} accepts every name the registry has ever accepted (npm's
 * "valid for old packages": non-empty, no leading {@code .} or {@code _}, no surrounding spaces,
 * URL-safe characters, not {@code node_modules} or {@code favicon.ico}); legacy names with upper
 * case letters such as {@code JSONStream} are real and must be readable. {@link
 * #validForNewPackages()} applies the stricter rules for names published today (lower case, at most
 * 214 characters, none of {@code ~'!()*}, not a Node.js core module name).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the name as written, for example {@code @babel/core}
 * @since 0.1
 */
public record PackageName(String value) implements Comparable<PackageName> {

  private static final Set<String> CORE_MODULES = Set.of("assert", "async_hooks", "buffer",
      "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel",
      "dns", "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net", "os",
      "path", "perf_hooks", "process", "punycode", "querystring", "readline", "repl", "stream",
      "string_decoder", "sys", "timers", "tls", "trace_events", "tty", "url", "util", "v8", "vm",
      "wasi", "worker_threads", "zlib");

  /**
   * Validates the name.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws InvalidInputException if the name breaks npm's rules for old packages
   */
  public PackageName {
    Objects.requireNonNull(value, "value");
    String problem = problem(value);
    if (problem != null) {
      throw new InvalidInputException("package name", 0, 0,
          "invalid package name " + SupplyChainException.quote(value) + ": " + problem
              + "; see docs/errors.md#invalid-package-name");
    }
  }

  /**
   * Parses a name.
   *
   * @param name the name
   * @return the name
   * @throws InvalidInputException if the name breaks npm's rules
   */
  public static PackageName parse(String name) {
    return new PackageName(name);
  }

  /**
   * Parses a name, or returns empty when it is not valid.
   *
   * @param name the name, may be {@code null}
   * @return the name, or empty
   */
  public static Optional<PackageName> tryParse(String name) {
    return name != null && problem(name) == null ? Optional.of(new PackageName(name))
        : Optional.empty();
  }

  /**
   * Tells whether a string is a valid name (for old packages).
   *
   * @param name the candidate, may be {@code null}
   * @return true when {@link #parse(String)} would accept it
   */
  public static boolean isValid(String name) {
    return name != null && problem(name) == null;
  }

  private static String problem(String name) {
    if (name.isEmpty()) {
      return "name length must be greater than zero";
    }
    if (name.charAt(0) == '.') {
      return "name cannot start with a period";
    }
    if (name.charAt(0) == '_') {
      return "name cannot start with an underscore";
    }
    if (!name.strip().equals(name)) {
      return "name cannot contain leading or trailing spaces";
    }
    if (name.equalsIgnoreCase("node_modules") || name.equalsIgnoreCase("favicon.ico")) {
      return "name is a reserved name";
    }
    String user = null;
    String pkg = name;
    if (name.charAt(0) == '@') {
      int slash = name.indexOf('/');
      if (slash < 2 || slash == name.length() - 1 || name.indexOf('/', slash + 1) >= 0) {
        return "name can only contain URL-friendly characters";
      }
      user = name.substring(1, slash);
      pkg = name.substring(slash + 1);
    }
    if (pkg.startsWith(".")) {
      return "name cannot start with a period";
    }
    if ((user != null && !urlSafe(user)) || !urlSafe(pkg)) {
      return "name can only contain URL-friendly characters";
    }
    return null;
  }

  /** Characters encodeURIComponent leaves alone. */
  private static boolean urlSafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '!' || c == '~' || c == '*' || c == '\''
          || c == '(' || c == ')';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether the name could be published today: lower case, at most 214 characters, none of
   * {@code ~'!()*} and not a Node.js core module name.
   *
   * @return true if valid for new packages
   */
  public boolean validForNewPackages() {
    if (value.length() > 214 || !value.toLowerCase(java.util.Locale.ROOT).equals(value)) {
      return false;
    }
    String bare = bareName();
    for (int i = 0; i < bare.length(); i++) {
      if ("~'!()*".indexOf(bare.charAt(i)) >= 0) {
        return false;
      }
    }
    return isScoped() || !CORE_MODULES.contains(value);
  }

  /**
   * Tells whether the name has a scope.
   *
   * @return true for {@code @scope/name}
   */
  public boolean isScoped() {
    return value.charAt(0) == '@';
  }

  /**
   * Returns the scope with its {@code @}, or the empty string.
   *
   * @return the scope, for example {@code @babel}
   */
  public String scope() {
    return isScoped() ? value.substring(0, value.indexOf('/')) : "";
  }

  /**
   * Returns the name without its scope.
   *
   * @return the bare name, for example {@code core} for {@code @babel/core}
   */
  public String bareName() {
    return isScoped() ? value.substring(value.indexOf('/') + 1) : value;
  }

  @Override
  public int compareTo(PackageName o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
