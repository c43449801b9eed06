package dev.tollgate.spi.licenses;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.spi.DeclaredLicense;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Interprets {@code package.json} license fields: valid SPDX expressions (normalised, deprecated
 * ids replaced with a note), {@code UNLICENSED}, {@code SEE LICENSE IN <file>}, and the common
 * misspellings and license names, which are corrected with a confidence below 1 and a note. The
 * legacy {@code licenses: [{type, url}]} and {@code license: {type, url}} shapes are flattened by
 * core into their {@code type} strings joined with OR, which arrive here as an ordinary expression.
 * Never throws. Thread-safe (immutable tables).
 */
final class Interpreter {
  static final String NOASSERTION = "NOASSERTION";
  static final String UNLICENSED = "UNLICENSED";
  static final String SEE_LICENSE_IN = "SEE-LICENSE-IN";

  private record Alias(String expression, double confidence) {
  }

  private static final Map<String, Alias> ALIASES = new HashMap<>();

  static {
    alias(0.9, "MIT", "mit", "mitmit", "expat", "mitexpat");
    alias(0.8, "MIT", "mitx11", "x11mit", "mitstyle");
    alias(0.9, "Apache-2.0", "apache2", "apache20", "asl2", "asl20", "apachesoftware20",
        "apache2license", "al2", "al20");
    alias(0.7, "Apache-2.0", "apache", "asl", "apachesoftware");
    alias(0.5, "BSD-3-Clause", "bsd", "bsdstyle", "bsdlike");
    alias(0.85, "BSD-2-Clause", "bsd2", "bsd2clause", "simplifiedbsd", "freebsd", "bsdsimplified");
    alias(0.85, "BSD-3-Clause", "bsd3", "bsd3clause", "newbsd", "modifiedbsd", "revisedbsd",
        "bsdnew");
    alias(0.8, "GPL-3.0-only", "gpl3", "gpl30", "gnugpl3", "gnugeneralpublic3", "gnugpl30");
    alias(0.8, "GPL-2.0-only", "gpl2", "gpl20", "gnugpl2", "gnugeneralpublic2");
    alias(0.5, "GPL-1.0-or-later", "gpl", "gnugpl", "gnugeneralpublic");
    alias(0.8, "LGPL-3.0-only", "lgpl3", "lgpl30", "gnulgpl3");
    alias(0.8, "LGPL-2.1-only", "lgpl21", "lgpl2");
    alias(0.5, "LGPL-2.0-or-later", "lgpl", "gnulgpl");
    alias(0.8, "AGPL-3.0-only", "agpl3", "agpl30", "agpl", "gnuagpl3");
    alias(0.9, "MPL-2.0", "mpl2", "mpl20", "mozillapublic2", "mozillapublic20");
    alias(0.6, "LicenseRef-Public-Domain", "publicdomain", "pd");
    alias(0.9, "Unlicense", "unlicense", "theunlicense");
    alias(0.9, "CC0-1.0", "cc0", "cc010", "cczero");
    alias(0.9, "0BSD", "bsd0clause", "0bsd", "zerobsd", "bsdzeroclause");
    alias(0.9, "BSL-1.0", "boost", "boostsoftware", "bsl1", "bsl10");
    alias(0.9, "EPL-1.0", "epl1", "epl10", "eclipsepublic1", "eclipsepublic10");
    alias(0.9, "EPL-2.0", "epl2", "epl20", "eclipsepublic2", "eclipsepublic20");
    alias(0.9, "Artistic-2.0", "artistic2", "artistic20");
    alias(0.9, "ISC", "isc", "iscl");
    alias(0.9, "WTFPL", "wtfpl", "wtfpl2");
    alias(0.9, "CC-BY-4.0", "ccby4", "ccby40", "creativecommonsattribution40");
    alias(0.9, "CC-BY-3.0", "ccby3", "ccby30");
    alias(0.6, UNLICENSED, "proprietary", "commercial", "private", "closedsource",
        "allrightsreserved", "none");
  }

  private static void alias(double confidence, String expression, String... keys) {
    for (String k : keys) {
      ALIASES.put(k, new Alias(expression, confidence));
    }
  }

  private static final Map<String, String> DEPRECATED_WITH = Map.of(
      "GPL-2.0-with-classpath-exception", "GPL-2.0-only WITH Classpath-exception-2.0",
      "GPL-2.0-with-GCC-exception", "GPL-2.0-only WITH GCC-exception-2.0",
      "GPL-3.0-with-GCC-exception", "GPL-3.0-only WITH GCC-exception-3.1",
      "GPL-2.0-with-autoconf-exception", "GPL-2.0-only WITH Autoconf-exception-2.0",
      "GPL-3.0-with-autoconf-exception", "GPL-3.0-only WITH Autoconf-exception-3.0",
      "GPL-2.0-with-bison-exception", "GPL-2.0-only WITH Bison-exception-2.2",
      "GPL-2.0-with-font-exception", "GPL-2.0-only WITH Font-exception-2.0");

  private static final Pattern OR_SPLIT = Pattern.compile("\\s+(?i:or)\\s+|\\s*[/,|;]\\s*");
  private static final Pattern AND_SPLIT = Pattern.compile("\\s+(?i:and)\\s+|\\s*&\\s*|\\s*\\+\\s+");

  private final SpdxData data;
  private final Map<String, String> keyToId;

  Interpreter(SpdxData data) {
    this.data = data;
    Map<String, String> m = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (SpdxData.License l : data.licenses()) {
      for (String k : List.of(key(l.id()), key(l.name()))) {
        if (!k.isEmpty()) {
          seen.merge(k, 1, Integer::sum);
          m.putIfAbsent(k, l.id());
        }
      }
    }
    seen.forEach((k, c) -> {
      if (c > 1 && !m.get(k).equalsIgnoreCase(k)) {
        m.remove(k);
      }
    });
    this.keyToId = m;
  }

  /** A lookup key: lower case, "licence" unified, filler words and punctuation removed. */
  static String key(String s) {
    String lower = s.toLowerCase(Locale.ROOT).replace("licence", "license");
    lower = lower.replaceAll("\\b(the|license|licensed|version|public license)\\b", " ");
    lower = lower.replaceAll("([a-z])\\s*v\\.?\\s*(\\d)", "$1$2");
    lower = lower.replaceAll("[^a-z0-9+]", "");
    return lower;
  }

  DeclaredLicense interpret(String declared) {
    if (declared == null) {
      return new DeclaredLicense("", NOASSERTION, 0.0, "no license declared");
    }
    String raw = declared;
    String s = declared.strip();
    if (s.isEmpty()) {
      return new DeclaredLicense(raw, NOASSERTION, 0.0, "empty license field");
    }
    if (s.length() > SpdxExpression.MAX_LENGTH) {
      return new DeclaredLicense(raw, NOASSERTION, 0.05, "license field longer than "
          + SpdxExpression.MAX_LENGTH + " characters");
    }
    if (s.equalsIgnoreCase(UNLICENSED)) {
      return new DeclaredLicense(raw, UNLICENSED, 1.0,
          s.equals(UNLICENSED) ? "" : "normalised case of " + s);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("see license in ") || lower.startsWith("see licence in ")) {
      String file = s.substring(15).strip();
      if (!file.isEmpty()) {
        return new DeclaredLicense(raw, SEE_LICENSE_IN + " " + file, 1.0,
            s.startsWith("SEE LICENSE IN ") ? "" : "normalised spelling of SEE LICENSE IN");
      }
    }
    try {
      SpdxExpression.Parsed p = SpdxExpression.parse(s);
      List<String> notes = new ArrayList<>(p.notes());
      String printed = SpdxExpression.print(p.node());
      String replaced = replaceDeprecated(p.node(), notes);
      if (!replaced.equals(printed)) {
        return new DeclaredLicense(raw, replaced, 0.9, String.join("; ", notes));
      }
      return new DeclaredLicense(raw, printed, 1.0, String.join("; ", notes));
    } catch (InvalidInputException e) {
      return fuzzy(raw, s, e.reason());
    }
  }

  private String replaceDeprecated(SpdxExpression.Node node, List<String> notes) {
    StringBuilder sb = new StringBuilder();
    String printed = SpdxExpression.print(node);
    // Rebuild leaf by leaf through the printer on a rewritten tree.
    SpdxExpression.Node rewritten = rewrite(node, notes);
    sb.append(rewritten == null ? printed : SpdxExpression.print(rewritten));
    return sb.toString();
  }

  private SpdxExpression.Node rewrite(SpdxExpression.Node node, List<String> notes) {
    if (node instanceof SpdxExpression.Lic l) {
      if (!data.isDeprecated(l.id())) {
        return l;
      }
      String with = DEPRECATED_WITH.get(l.id());
      if (with != null && !l.plus()) {
        notes.add("deprecated " + l.id() + " read as " + with);
        String[] parts = with.split(" WITH ");
        return new SpdxExpression.With(new SpdxExpression.Lic(parts[0], false), parts[1]);
      }
      String target = l.id() + (l.plus() ? "-or-later" : "-only");
      if (data.license(target).isPresent()) {
        notes.add("deprecated " + l.id() + (l.plus() ? "+" : "") + " read as " + target);
        return new SpdxExpression.Lic(target, false);
      }
      return l;
    } else if (node instanceof SpdxExpression.With w) {
      SpdxExpression.Node inner = rewrite(w.license(), notes);
      return inner instanceof SpdxExpression.Lic il ? new SpdxExpression.With(il, w.exception())
          : w;
    } else if (node instanceof SpdxExpression.And a) {
      return new SpdxExpression.And(a.terms().stream().map(t -> rewrite(t, notes)).toList());
    } else if (node instanceof SpdxExpression.Or o) {
      return new SpdxExpression.Or(o.terms().stream().map(t -> rewrite(t, notes)).toList());
    }
    return node;
  }

  private DeclaredLicense fuzzy(String raw, String s, String parseError) {
    Alias whole = lookup(s);
    if (whole != null) {
      return corrected(raw, whole.expression(), whole.confidence(), s);
    }
    String stripped = s.replaceAll("[()\\[\\]\"']", " ").strip();
    String[] orParts = OR_SPLIT.split(stripped);
    List<String> orTerms = new ArrayList<>();
    double confidence = 1.0;
    for (String orPart : orParts) {
      if (orPart.isBlank()) {
        continue;
      }
      String[] andParts = AND_SPLIT.split(orPart.strip());
      List<String> andTerms = new ArrayList<>();
      for (String part : andParts) {
        if (part.isBlank()) {
          continue;
        }
        Alias a = lookup(part.strip());
        if (a == null || a.expression().equals(UNLICENSED)) {
          return new DeclaredLicense(raw, NOASSERTION, 0.1,
              "not an SPDX expression or a known license name (" + parseError + ")");
        }
        confidence = Math.min(confidence, a.confidence());
        andTerms.add(andParts.length > 1 && a.expression().contains(" ") ? "(" + a.expression()
            + ")" : a.expression());
      }
      if (!andTerms.isEmpty()) {
        orTerms.add(String.join(" AND ", andTerms));
      }
    }
    if (orTerms.isEmpty()) {
      return new DeclaredLicense(raw, NOASSERTION, 0.1,
          "not an SPDX expression or a known license name (" + parseError + ")");
    }
    String joined = String.join(" OR ", orTerms);
    try {
      String printed = SpdxExpression.print(SpdxExpression.parse(joined).node());
      return corrected(raw, printed, Math.min(0.9, confidence * 0.95), s);
    } catch (InvalidInputException e) {
      return new DeclaredLicense(raw, NOASSERTION, 0.1,
          "not an SPDX expression or a known license name (" + parseError + ")");
    }
  }

  private static DeclaredLicense corrected(String raw, String expression, double confidence,
      String s) {
    String note = "not a valid SPDX expression; read " + SpdxExpression.quote(s) + " as "
        + expression;
    if (expression.equals("LicenseRef-Public-Domain")) {
      note += " (public domain has no SPDX id; CC0-1.0 or Unlicense are the usual choices)";
    } else if (expression.equals("BSD-3-Clause") && confidence <= 0.5) {
      note += " (ambiguous: BSD-2-Clause is also common)";
    }
    return new DeclaredLicense(raw, expression, confidence, note);
  }

  /** Resolves one license name or misspelt id, or null. */
  private Alias lookup(String s) {
    String token = s.strip();
    if (SpdxExpression.isIdString(token.replace("+", ""))) {
      var id = data.canonicalLicenseId(token.endsWith("+")
          ? token.substring(0, token.length() - 1) : token);
      if (id.isPresent()) {
        try {
          SpdxExpression.Parsed p = SpdxExpression.parse(token);
          String r = SpdxExpression.print(rewrite(p.node(), new ArrayList<>()));
          return new Alias(r, 0.95);
        } catch (InvalidInputException e) {
          // fall through to the name lookup
        }
      }
    }
    String k = key(token);
    if (k.isEmpty()) {
      return null;
    }
    boolean plus = k.endsWith("+");
    String base = plus ? k.replaceAll("\\++$", "") : k;
    Alias a = ALIASES.get(base);
    if (a == null) {
      String id = keyToId.get(base);
      if (id == null && base.matches(".*[a-z]\\d$")) {
        id = keyToId.get(base + "0");
      }
      if (id == null) {
        return null;
      }
      String r = id;
      if (data.isDeprecated(id)) {
        r = SpdxExpression.print(rewrite(new SpdxExpression.Lic(id, plus), new ArrayList<>()));
        plus = false;
      }
      a = new Alias(r, 0.85);
    }
    if (plus && a.expression().endsWith("-only")) {
      return new Alias(a.expression().replace("-only", "-or-later"), a.confidence());
    }
    return a;
  }
}
