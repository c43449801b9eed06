package dev.tollgate.core.internal.tarball;

import dev.tollgate.api.Severity;
import dev.tollgate.core.internal.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in the text of one file: known token shapes (npm, GitHub, GitLab, AWS, Slack,
 * Stripe, Google, private keys), {@code .npmrc} credentials, {@code .env} files, and high-entropy
 * values assigned to secret-looking names. Each hit names the line and carries a redacted excerpt,
 * never the secret.
 *
 * <p>Cheap literal pre-filters keep regexes off files that cannot match.
 *
 * <p>Immutable and thread-safe.
 */
public final class SecretScanner {

  /**
   * One secret found.
   *
   * @param kind what it is, for example {@code npm-token}
   * @param severity how bad
   * @param line the 1-based line
   * @param excerpt the line with the secret masked, truncated
   */
  public record Hit(String kind, Severity severity, int line, String excerpt) {
  }

  private record Shape(String kind, String trigger, Pattern pattern, Severity severity) {
  }

  private static final List<Shape> SHAPES = List.of(
      new Shape("npm-token", "npm_", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b"), Severity.CRITICAL),
      new Shape("github-token", "gh", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,255}\\b"),
          Severity.CRITICAL),
      new Shape("github-token", "github_pat_",
          Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,255}\\b"), Severity.CRITICAL),
      new Shape("gitlab-token", "glpat-", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
          Severity.CRITICAL),
      new Shape("aws-access-key", "AKIA", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
          Severity.HIGH),
      new Shape("aws-access-key", "ASIA", Pattern.compile("\\bASIA[0-9A-Z]{16}\\b"),
          Severity.HIGH),
      new Shape("aws-secret-key", "ws_secret_access_key", Pattern.compile(
          "(?i)aws_secret_access_key\\s*[:=]\\s*['\"]?([A-Za-z0-9/+=]{40})"), Severity.CRITICAL),
      new Shape("private-key", "PRIVATE KEY-----",
          Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----"),
          Severity.CRITICAL),
      new Shape("slack-token", "xox", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
          Severity.HIGH),
      new Shape("slack-webhook", "hooks.slack.com/services/",
          Pattern.compile("hooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"),
          Severity.HIGH),
      new Shape("stripe-key", "_live_", Pattern.compile("\\b(?:sk|rk)_live_[A-Za-z0-9]{16,}"),
          Severity.CRITICAL),
      new Shape("google-api-key", "AIza", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
          Severity.HIGH));

  private static final Pattern NPMRC_AUTH = Pattern.compile(
      "(?i)(_authToken|_auth|_password)\\s*=\\s*(\\S+)");
  private static final Pattern ASSIGNED = Pattern.compile(
      "(?i)([A-Za-z0-9_.-]*(?:secret|token|passwd|password|api[_-]?key|access[_-]?key|"
          + "private[_-]?key|client[_-]?secret)[A-Za-z0-9_.-]*)[\"']?\\s*[:=]\\s*[\"']"
          + "([A-Za-z0-9+/=_\\-]{20,200})[\"']");
  private static final String[] ASSIGN_TRIGGERS = {"secret", "token", "passw", "key"};

  private SecretScanner() {
  }

  /**
   * Scans one file.
   *
   * @param path the path inside the package, relative to its root
   * @param text the file's text
   * @return the hits, by line
   */
  public static List<Hit> scan(String path, String text) {
    List<Hit> hits = new ArrayList<>();
    String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (base.equals(".npmrc") || base.equals("npmrc")) {
      Matcher m = NPMRC_AUTH.matcher(text);
      while (m.find()) {
        String value = m.group(2);
        if (!value.startsWith("${")) {
          hits.add(hit("npmrc-credential", Severity.CRITICAL, text, m.start(2), m.end(2)));
        }
      }
    }
    if (base.equals(".env") || (base.startsWith(".env.") && !base.endsWith(".example")
        && !base.endsWith(".sample") && !base.endsWith(".template"))) {
      hits.add(new Hit("env-file", Severity.MODERATE, 1,
          "environment file " + base + " is published"));
    }
    for (Shape s : SHAPES) {
      if (!text.contains(s.trigger())) {
        continue;
      }
      Matcher m = s.pattern().matcher(text);
      while (m.find()) {
        int g = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
        hits.add(hit(s.kind(), s.severity(), text, m.start(g), m.end(g)));
      }
    }
    String lower = null;
    for (String t : ASSIGN_TRIGGERS) {
      if (lower == null) {
        lower = text.toLowerCase(Locale.ROOT);
      }
      if (lower.contains(t)) {
        Matcher m = ASSIGNED.matcher(text);
        while (m.find()) {
          String value = m.group(2);
          if (looksRandom(value) && !alreadyHit(hits, text, m.start(2))) {
            hits.add(hit("high-entropy-assignment", Severity.MODERATE, text, m.start(2),
                m.end(2)));
          }
        }
        break;
      }
    }
    hits.sort(java.util.Comparator.comparingInt(Hit::line).thenComparing(Hit::kind));
    return hits;
  }

  private static boolean alreadyHit(List<Hit> hits, String text, int pos) {
    int line = lineOf(text, pos);
    return hits.stream().anyMatch(h -> h.line() == line);
  }

  /** Random-looking: mixed classes, high Shannon entropy, not a word, path or placeholder. */
  static boolean looksRandom(String v) {
    if (v.length() < 20) {
      return false;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.contains("example") || lower.contains("xxxx") || lower.contains("your")
        || lower.contains("placeholder") || lower.contains("changeme") || v.startsWith("process.env")) {
      return false;
    }
    boolean upper = false;
    boolean low = false;
    boolean digit = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      low |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    if (!(digit && (upper || low))) {
      return false;
    }
    return entropy(v) >= 4.0;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    double n = s.length();
    for (int c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = other / n;
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }

  private static Hit hit(String kind, Severity severity, String text, int start, int end) {
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = text.indexOf('\n', end);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    String secret = text.substring(start, end);
    int from = Math.max(lineStart, start - 60);
    int to = Math.min(lineEnd, end + 60);
    String excerpt = (from > lineStart ? "..." : "") + text.substring(from, start)
        + Redactor.mask(secret) + text.substring(end, to) + (to < lineEnd ? "..." : "");
    return new Hit(kind, severity, lineOf(text, start), Redactor.redact(excerpt.strip()));
  }

  private static int lineOf(String text, int pos) {
    int line = 1;
    for (int i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
      line++;
    }
    return line;
  }
}
