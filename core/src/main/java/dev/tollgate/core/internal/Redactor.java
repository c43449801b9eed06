package dev.tollgate.core.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it reaches a log line, a message, an evidence excerpt or a
 * {@code toString()}: npm, GitHub, GitLab, Slack, Stripe, Google and AWS tokens, private key blocks,
 * {@code .npmrc} {@code _authToken}/{@code _auth}/{@code _password} values, {@code Authorization}
 * headers and URL user-info. A masked value keeps at most its first 4 characters (enough to tell
 * which token it was) followed by {@code ***}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Redactor {

  private static final String MASK = "***";

  /** Patterns whose group 1 is kept and group 2 is the secret. */
  private static final List<Pattern> KEYED = List.of(
      // .npmrc and env style assignments: //host/:_authToken=..., _auth = ..., _password=...
      Pattern.compile("(?i)(_authToken\\s*=\\s*|_auth\\s*=\\s*|_password\\s*=\\s*)([^\\s\"']+)"),
      // Authorization headers
      Pattern.compile("(?i)(authorization\\s*[:=]\\s*(?:bearer|basic|token)?\\s*)([^\\s\"',]+)"),
      // URL user-info: scheme://user:password@host or scheme://token@host
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/\\s:@]+(?::[^/\\s@]*)?)@"));

  /** Patterns that are secrets as a whole. */
  private static final List<Pattern> WHOLE = List.of(
      Pattern.compile("npm_[A-Za-z0-9]{36}"),
      Pattern.compile("gh[pousr]_[A-Za-z0-9]{36,255}"),
      Pattern.compile("github_pat_[A-Za-z0-9_]{22,255}"),
      Pattern.compile("glpat-[A-Za-z0-9_-]{20,}"),
      Pattern.compile("xox[abposr]-[A-Za-z0-9-]{10,}"),
      Pattern.compile("(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"),
      Pattern.compile("AIza[0-9A-Za-z_-]{35}"),
      Pattern.compile("(?:AKIA|ASIA)[0-9A-Z]{16}"),
      Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"));

  private Redactor() {
  }

  /**
   * Returns the text with every secret it recognises masked.
   *
   * @param text the text, may be {@code null}
   * @return the redacted text ({@code "null"} for {@code null})
   */
  public static String redact(CharSequence text) {
    if (text == null) {
      return "null";
    }
    String s = text.toString();
    for (Pattern p : WHOLE) {
      Matcher m = p.matcher(s);
      if (m.find()) {
        StringBuilder sb = new StringBuilder(s.length());
        do {
          m.appendReplacement(sb, Matcher.quoteReplacement(mask(m.group())));
        } while (m.find());
        m.appendTail(sb);
        s = sb.toString();
      }
    }
    for (Pattern p : KEYED) {
      Matcher m = p.matcher(s);
      if (m.find()) {
        StringBuilder sb = new StringBuilder(s.length());
        do {
          String secret = m.group(2);
          String replacement = secret.endsWith(MASK) ? m.group() : m.group(1) + MASK
              + m.group().substring(m.group(1).length() + secret.length());
          m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(sb);
        s = sb.toString();
      }
    }
    return s;
  }

  /**
   * Masks one secret value: its first 4 characters (when at least 12 long) then {@code ***}.
   *
   * @param secret the secret
   * @return the masked form
   */
  public static String mask(String secret) {
    if (secret.startsWith("-----BEGIN")) {
      int end = secret.indexOf("-----", 10);
      return (end > 0 ? secret.substring(0, end + 5) : "-----BEGIN") + MASK;
    }
    return secret.length() >= 12 ? secret.substring(0, 4) + MASK : MASK;
  }
}
