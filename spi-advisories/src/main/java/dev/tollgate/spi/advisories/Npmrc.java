package dev.tollgate.spi.advisories;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.SupplyChainException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds a registry credential in an {@code .npmrc} file the way npm does: keys such as
 * {@code //host[:port]/path/:_authToken}, {@code :_auth}, or {@code :username} with
 * {@code :_password} (base64), matched against the registry URL and then its parent paths, with
 * {@code ${VAR}} (and optional {@code ${VAR?}}) expanded from the environment. Values are never put
 * in messages: errors name the file, the line number and the key only.
 *
 * <p>Immutable and thread-safe.
 */
final class Npmrc {
  static final String ANCHOR = "see docs/errors.md#npmrc-invalid";
  private static final long MAX_BYTES = 1024 * 1024;

  private final Map<String, String> values;

  private Npmrc(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads an {@code .npmrc} file.
   *
   * @param file the file
   * @param env the environment
   * @return the parsed file
   * @throws IOException if the file cannot be read
   * @throws ConfigurationException if an environment variable it names is not set
   */
  static Npmrc read(Path file, Function<String, String> env) throws IOException {
    String text;
    try (InputStream in = new BoundedInputStream(Files.newInputStream(file),
        OsvFileLoader.printable(file.toString()), "npmrcBytes", MAX_BYTES)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return parse(text, OsvFileLoader.printable(file.toString()), env);
  }

  /** Parses {@code .npmrc} text. */
  static Npmrc parse(String text, String source, Function<String, String> env) {
    Map<String, String> values = new HashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")
          || line.startsWith("[")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = expand(line.substring(0, eq).strip(), source, i + 1, env);
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && ((value.startsWith("\"") && value.endsWith("\""))
          || (value.startsWith("'") && value.endsWith("'")))) {
        value = value.substring(1, value.length() - 1);
      }
      // Only credential keys are expanded and kept: other settings are not ours to read.
      if (key.endsWith(":_authToken") || key.endsWith(":_auth") || key.endsWith(":username")
          || key.endsWith(":_password")) {
        values.put(key, expand(value, source, i + 1, env));
      }
    }
    return new Npmrc(values);
  }

  /** Expands {@code ${VAR}} and {@code ${VAR?}}; a backslash before {@code $} escapes it. */
  private static String expand(String s, String source, int line, Function<String, String> env) {
    if (s.indexOf("${") < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int close = s.indexOf('}', i + 2);
        if (close < 0) {
          out.append(s, i, s.length());
          break;
        }
        String name = s.substring(i + 2, close);
        boolean optional = name.endsWith("?");
        if (optional) {
          name = name.substring(0, name.length() - 1);
        }
        String v = name.isEmpty() ? null : env.apply(name);
        if (v == null) {
          if (!optional) {
            throw new ConfigurationException(source + ":" + line
                + ": environment variable " + SupplyChainException.quote(name)
                + " used in .npmrc is not set; set it or remove the line; " + ANCHOR);
          }
          v = "";
        }
        out.append(v);
        i = close + 1;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /**
   * Returns the credential for a registry URL: the most specific matching {@code //host/path/}
   * key, walking up the URL's path.
   *
   * @param registry the registry URL
   * @return the credential, or {@link Credentials#none()}
   */
  Credentials credentialsFor(URI registry) {
    String host = registry.getHost();
    if (host == null) {
      return Credentials.none();
    }
    int port = registry.getPort();
    boolean defaultPort = port < 0 || ("https".equalsIgnoreCase(registry.getScheme()) && port == 443)
        || ("http".equalsIgnoreCase(registry.getScheme()) && port == 80);
    String authority = defaultPort ? host : host + ":" + port;
    String path = registry.getRawPath() == null || registry.getRawPath().isEmpty() ? "/"
        : registry.getRawPath();
    if (!path.endsWith("/")) {
      path = path.substring(0, path.lastIndexOf('/') + 1);
    }
    while (true) {
      String nerf = "//" + authority + path;
      Credentials c = at(nerf);
      if (c.present()) {
        return c;
      }
      if (path.equals("/")) {
        return Credentials.none();
      }
      path = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
    }
  }

  private Credentials at(String nerf) {
    String token = values.get(nerf + ":_authToken");
    if (token != null && !token.isEmpty()) {
      return Credentials.bearer(token);
    }
    String auth = values.get(nerf + ":_auth");
    if (auth != null && !auth.isEmpty()) {
      return Credentials.basic(auth);
    }
    String user = values.get(nerf + ":username");
    String password = values.get(nerf + ":_password");
    if (user != null && password != null && !user.isEmpty() && !password.isEmpty()) {
      String plain;
      try {
        plain = new String(java.util.Base64.getDecoder().decode(password), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        plain = password;
      }
      Credentials c = Credentials.basic(java.util.Base64.getEncoder().encodeToString(
          (user + ":" + plain).getBytes(StandardCharsets.UTF_8)));
      return c;
    }
    return Credentials.none();
  }

  @Override
  public String toString() {
    return "Npmrc[" + values.size() + " credential keys, values masked]";
  }
}
