package dev.tollgate.spi.advisories;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A registry credential: a bearer token or basic auth. Its value appears only in the
 * {@code Authorization} header it builds; {@link #toString()} masks it, and {@link #scrub(String)}
 * removes it (and its encodings) from any text before that text reaches a message or a log.
 *
 * <p>Immutable and thread-safe.
 */
final class Credentials {
  static final String MASK = "****";
  private static final Credentials NONE = new Credentials(null, null, "none");

  private final String header;
  private final List<String> secrets;
  private final String kind;

  private Credentials(String header, List<String> secrets, String kind) {
    this.header = header;
    this.secrets = secrets == null ? List.of() : List.copyOf(secrets);
    this.kind = kind;
  }

  /** No credential. */
  static Credentials none() {
    return NONE;
  }

  /** A bearer token, as npm's {@code _authToken}. */
  static Credentials bearer(String token) {
    return new Credentials("Bearer " + token, secretsOf(token), "bearer token");
  }

  /** Basic auth from npm's {@code _auth} (base64 of user:password). */
  static Credentials basic(String base64UserPass) {
    List<String> s = new ArrayList<>(secretsOf(base64UserPass));
    try {
      String decoded = new String(Base64.getDecoder().decode(base64UserPass.strip()),
          StandardCharsets.UTF_8);
      s.add(decoded);
      int colon = decoded.indexOf(':');
      if (colon >= 0 && colon < decoded.length() - 1) {
        s.add(decoded.substring(colon + 1));
      }
    } catch (IllegalArgumentException e) {
      // not base64: sent as given; only the raw value is a secret
    }
    return new Credentials("Basic " + base64UserPass, s, "basic auth");
  }

  private static List<String> secretsOf(String token) {
    List<String> s = new ArrayList<>();
    s.add(token);
    s.add(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    return s;
  }

  /** Returns the {@code Authorization} header value, or empty when there is no credential. */
  Optional<String> authorization() {
    return Optional.ofNullable(header);
  }

  /** Returns {@code text} with every occurrence of the secret replaced by {@value #MASK}. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String s : secrets) {
      if (s.length() >= 4) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }

  /** Whether a credential is present. */
  boolean present() {
    return header != null;
  }

  @Override
  public String toString() {
    return header == null ? "Credentials[none]" : "Credentials[" + kind + " " + MASK + "]";
  }
}
