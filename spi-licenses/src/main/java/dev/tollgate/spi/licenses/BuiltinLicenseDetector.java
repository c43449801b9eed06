package dev.tollgate.spi.licenses;

import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.DeclaredLicense;
import dev.tollgate.api.spi.LicenseCategory;
import dev.tollgate.api.spi.LicenseDetector;
import dev.tollgate.api.spi.LicenseMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in detector: interprets declared licenses and finds SPDX tags, short notices and full
 * license texts. Immutable and thread-safe.
 */
final class BuiltinLicenseDetector implements LicenseDetector {
  private static final Pattern SPDX_TAG = Pattern.compile(
      "SPDX-License-Identifier:[ \\t]*([^\\r\\n]{1,512})");
  // Every repetition below is bounded and adjacent classes barely overlap, so matching stays
  // linear in the text length (no quadratic backtracking on long runs of spaces or dashes).
  private static final Pattern AT_LICENSE = Pattern.compile(
      "@license[ \\t]{1,8}([A-Za-z0-9.+\\-()][A-Za-z0-9.+\\-() ]{0,119})");
  private static final Pattern APACHE_NOTICE = Pattern.compile(
      "(?i)apache licen[cs]e,?[ \\t]{0,4}(?:version|v)?[ \\t]{0,4}([12]\\.[01])");
  private static final Pattern UNDER_NOTICE = Pattern.compile(
      "(?i)(?:licen[cs]ed|released|distributed|available|published)[ \\t\\r\\n]{1,4}under"
          + "[ \\t\\r\\n]{1,4}(?:the[ \\t\\r\\n]{1,4})?"
          + "(?:terms[ \\t\\r\\n]{1,4}of[ \\t\\r\\n]{1,4}the[ \\t\\r\\n]{1,4})?"
          + "([A-Za-z0-9.+\\-/][A-Za-z0-9.+\\-/ ]{0,39}?)[ \\t\\r\\n]{1,4}licen[cs]e");
  private static final Pattern LICENSE_LINE = Pattern.compile(
      "(?im)^[ \\t#*/>-]{0,16}licen[cs]e[ \\t]{0,8}:[ \\t]{0,8}"
          + "([A-Za-z0-9.+\\-()][A-Za-z0-9.+\\-() ]{1,79})$");
  /** Words considered per text; larger texts are matched on their beginning only. */
  static final int MAX_WORDS = 200_000;

  private final Limits limits;
  private final Interpreter interpreter;
  private final boolean matchTexts;

  BuiltinLicenseDetector(Limits limits, boolean matchTexts) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.interpreter = new Interpreter(SpdxData.get());
    this.matchTexts = matchTexts;
  }

  @Override
  public DeclaredLicense interpret(String declared) {
    return interpreter.interpret(declared);
  }

  @Override
  public LicenseCategory category(String expression) {
    return Categories.of(interpreter, expression);
  }

  @Override
  public boolean isAllowed(String expression, Set<String> allowed, Set<String> denied) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(allowed, "allowed");
    Objects.requireNonNull(denied, "denied");
    return Categories.isAllowed(interpreter, expression, allowed, denied);
  }

  @Override
  public List<LicenseMatch> detect(String fileName, CharSequence text) {
    String name = fileName == null ? "(unnamed)" : fileName;
    if (text == null) {
      return List.of();
    }
    if (text.length() > limits.maxDocumentBytes()) {
      throw new LimitExceededException(name, "maxDocumentBytes", limits.maxDocumentBytes(),
          text.length());
    }
    List<LicenseMatch> out = new ArrayList<>();
    if (matchTexts) {
      TextIndex index = TextIndex.get();
      Normalizer.Words words = Normalizer.words(text, MAX_WORDS);
      for (TextMatcher.Hit h : TextMatcher.find(index, index.ids(words.words()))) {
        int start = words.start()[h.from()];
        int end = words.end()[Math.min(h.to(), words.size()) - 1];
        out.add(new LicenseMatch(index.licenses.get(h.license()).id(), LicenseMatch.Kind.TEXT,
            round(h.score()), start, end));
      }
    }
    String s = text.toString();
    Matcher m = SPDX_TAG.matcher(s);
    while (m.find()) {
      String value = m.group(1).replaceAll("(\\*/|-->|#\\}|%>).*$", "").strip();
      DeclaredLicense d = interpreter.interpret(value);
      if (!d.expression().equals(Interpreter.NOASSERTION)) {
        out.add(new LicenseMatch(d.expression(), LicenseMatch.Kind.SPDX_TAG, d.confidence(),
            m.start(), m.start(1) + value.length()));
      }
    }
    List<LicenseMatch> texts = List.copyOf(out);
    notices(s, APACHE_NOTICE, texts, out, true);
    notices(s, AT_LICENSE, texts, out, false);
    notices(s, UNDER_NOTICE, texts, out, false);
    notices(s, LICENSE_LINE, texts, out, false);
    out.sort(Comparator.comparingInt(LicenseMatch::start).thenComparingInt(LicenseMatch::end)
        .thenComparing(LicenseMatch::expression));
    return List.copyOf(out);
  }

  private void notices(String s, Pattern p, List<LicenseMatch> texts, List<LicenseMatch> out,
      boolean apache) {
    Matcher m = p.matcher(s);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      boolean covered = false;
      for (LicenseMatch t : out) {
        if (t.start() <= start && end <= t.end()
            || t.kind() != LicenseMatch.Kind.TEXT && overlaps(t, start, end)) {
          covered = true;
          break;
        }
      }
      if (covered) {
        continue;
      }
      String expression;
      double score;
      if (apache) {
        expression = "Apache-" + m.group(1);
        score = 0.9;
      } else {
        DeclaredLicense d = interpreter.interpret(m.group(1).strip());
        if (d.expression().equals(Interpreter.NOASSERTION)
            || d.expression().equals(Interpreter.UNLICENSED) || d.confidence() < 0.5) {
          continue;
        }
        expression = d.expression();
        score = Math.min(0.9, d.confidence());
      }
      out.add(new LicenseMatch(expression, LicenseMatch.Kind.NOTICE, score, start, end));
    }
  }

  private static boolean overlaps(LicenseMatch t, int start, int end) {
    return t.start() < end && start < t.end();
  }

  private static double round(double d) {
    return Math.max(0.0, Math.min(1.0, Math.round(d * 10000) / 10000.0));
  }
}
