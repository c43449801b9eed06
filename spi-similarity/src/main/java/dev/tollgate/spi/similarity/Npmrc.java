package dev.tollgate.spi.similarity;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry settings of an {@code .npmrc}: the default {@code registry=} and the
 * {@code @scope:registry=} pins. Everything else (auth tokens included) is skipped and never kept.
 * Untrusted input: bounded by {@link Limits#maxDocumentBytes()} (characters) and
 * {@link Limits#maxStringLength()} (per line); malformed registry values give
 * {@link InvalidInputException} with line and column.
 *
 * <p>Immutable and thread-safe.
 *
 * @param defaultRegistry the normalised default registry, or empty when not set
 * @param scopes normalised registry per scope ({@code @acme}), sorted
 */
record Npmrc(String defaultRegistry, Map<String, String> scopes) {

  Npmrc {
    scopes = Collections.unmodifiableMap(new TreeMap<>(scopes));
  }

  /**
   * Parses {@code .npmrc} text.
   *
   * @param source the file name for messages
   * @param text the text
   * @param limits the bounds
   * @return the settings
   * @throws InvalidInputException if a registry value is not an http(s) URL, a scope is malformed,
   *     or a line holds a control character
   * @throws LimitExceededException if the text or a line is too long
   */
  static Npmrc parse(String source, String text, Limits limits) {
    if (text.length() > limits.maxDocumentBytes()) {
      throw new LimitExceededException(source, "maxDocumentBytes", limits.maxDocumentBytes(),
          text.length());
    }
    String def = "";
    Map<String, String> scopes = new TreeMap<>();
    int line = 0;
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = n;
      }
      line++;
      if (end - pos > limits.maxStringLength()) {
        throw new LimitExceededException(source + ":" + line, "maxStringLength",
            limits.maxStringLength(), end - pos);
      }
      String raw = text.substring(pos, end);
      pos = end + 1;
      if (raw.endsWith("\r")) {
        raw = raw.substring(0, raw.length() - 1);
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
          throw invalid(source, line, i + 1, "control character " + String.format("U+%04X", (int) c)
              + " in a line");
        }
      }
      String l = raw.strip();
      if (l.isEmpty() || l.charAt(0) == '#' || l.charAt(0) == ';' || l.charAt(0) == '[') {
        continue;
      }
      int eq = l.indexOf('=');
      if (eq < 0) {
        continue; // a bare key means key=true in npm's ini reader: no registry setting
      }
      String key = l.substring(0, eq).strip();
      String value = unquote(l.substring(eq + 1).strip());
      int col = raw.indexOf('=') + 2;
      if (key.equals("registry")) {
        def = registry(source, line, col, key, value);
      } else if (key.endsWith(":registry") && key.startsWith("@")) {
        String scope = key.substring(0, key.length() - ":registry".length());
        if (scope.length() < 2 || scope.indexOf('/') >= 0 || scope.indexOf(':') >= 0) {
          throw invalid(source, line, 1, "malformed scope " + SupplyChainException.quote(scope)
              + " in " + SupplyChainException.quote(key) + "; expected @scope:registry=URL");
        }
        scopes.put(scope.toLowerCase(Locale.ROOT), registry(source, line, col, key, value));
      }
    }
    return new Npmrc(def, scopes);
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1).strip();
    }
    return v;
  }

  private static String registry(String source, int line, int col, String key, String value) {
    if (value.contains("${")) {
      return value; // an environment reference; compared literally
    }
    String norm = normalise(value);
    if (norm == null) {
      throw invalid(source, line, col, "value of " + SupplyChainException.quote(key)
          + " is not an http(s) URL: " + SupplyChainException.quote(value));
    }
    return norm;
  }

  /**
   * Normalises a registry URL: lower-case scheme and host, no default port, no user info, query
   * or fragment, path ending with {@code /}.
   *
   * @param url the URL
   * @return the normalised URL, or null when it is not an absolute http(s) URL with a host
   */
  static String normalise(String url) {
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
        return null;
      }
      int port = u.getPort();
      boolean dflt = port < 0 || (scheme.equals("http") && port == 80)
          || (scheme.equals("https") && port == 443);
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      if (!path.endsWith("/")) {
        path += "/";
      }
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (dflt ? "" : ":" + port)
          + path;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static InvalidInputException invalid(String source, int line, int col, String reason) {
    return new InvalidInputException(source, line, col, reason + "; see docs/errors.md#invalid-npmrc");
  }
}
