package dev.tollgate.spi.licenses;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.spi.LicenseCategory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * License categories for the common ids (exact table plus family prefixes) and evaluation of an
 * expression against allow and deny lists. Thread-safe (immutable tables).
 */
final class Categories {
  private static final Map<String, LicenseCategory> EXACT = new HashMap<>();
  private static final String[][] PREFIXES = {
      {"AGPL-", "NETWORK_COPYLEFT"}, {"SSPL-", "NETWORK_COPYLEFT"}, {"OSL-", "NETWORK_COPYLEFT"},
      {"RPL-", "NETWORK_COPYLEFT"}, {"LGPL-", "WEAK_COPYLEFT"}, {"LGPLLR", "WEAK_COPYLEFT"},
      {"GPL-", "STRONG_COPYLEFT"}, {"EUPL-", "STRONG_COPYLEFT"}, {"MPL-", "WEAK_COPYLEFT"},
      {"EPL-", "WEAK_COPYLEFT"}, {"CDDL-", "WEAK_COPYLEFT"}, {"CPL-", "WEAK_COPYLEFT"},
      {"OFL-", "WEAK_COPYLEFT"}, {"CC-BY-NC", "PROPRIETARY"}, {"CC-BY-SA-", "WEAK_COPYLEFT"},
      {"CC-BY-ND-", "PROPRIETARY"}, {"CC-BY-", "PERMISSIVE"}, {"BSD-", "PERMISSIVE"},
      {"Apache-", "PERMISSIVE"}, {"MIT", "PERMISSIVE"}, {"X11", "PERMISSIVE"},
      {"Artistic-", "PERMISSIVE"}, {"Python-", "PERMISSIVE"}, {"PSF-", "PERMISSIVE"},
      {"Zlib", "PERMISSIVE"}, {"BlueOak-", "PERMISSIVE"}, {"AFL-", "PERMISSIVE"},
      {"Sleepycat", "STRONG_COPYLEFT"}, {"BUSL-", "PROPRIETARY"}, {"Elastic-", "PROPRIETARY"},
      {"PolyForm-", "PROPRIETARY"}, {"Commons-Clause", "PROPRIETARY"},
  };

  static {
    for (String id : new String[] {"ISC", "0BSD", "BSL-1.0", "WTFPL", "UPL-1.0", "NCSA",
        "PostgreSQL", "Unicode-DFS-2016", "Unicode-3.0", "JSON", "Beerware", "curl", "Libpng",
        "libpng-2.0", "Zlib", "MS-PL", "W3C", "W3C-20150513", "OpenSSL", "ICU", "TCL", "Ruby",
        "BSD-2-Clause", "BSD-3-Clause", "MIT-0", "Apache-2.0", "Apache-1.1", "CC-BY-4.0"}) {
      EXACT.put(id, LicenseCategory.PERMISSIVE);
    }
    for (String id : new String[] {"CC0-1.0", "Unlicense", "LicenseRef-Public-Domain", "PDDL-1.0",
        "SAX-PD"}) {
      EXACT.put(id, LicenseCategory.PUBLIC_DOMAIN);
    }
    for (String id : new String[] {"MS-RL", "EPL-1.0", "EPL-2.0", "MPL-1.1", "MPL-2.0",
        "MPL-2.0-no-copyleft-exception", "CDDL-1.0", "CDDL-1.1", "LGPL-2.1-only",
        "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "CECILL-C"}) {
      EXACT.put(id, LicenseCategory.WEAK_COPYLEFT);
    }
    for (String id : new String[] {"CECILL-2.1", "CECILL-2.0", "GPL-2.0-only", "GPL-3.0-only"}) {
      EXACT.put(id, LicenseCategory.STRONG_COPYLEFT);
    }
    EXACT.put(Interpreter.UNLICENSED, LicenseCategory.PROPRIETARY);
    EXACT.put(Interpreter.NOASSERTION, LicenseCategory.UNKNOWN);
  }

  private Categories() {
  }

  /** The category of one license id (canonical case). */
  static LicenseCategory ofId(String id) {
    LicenseCategory c = EXACT.get(id);
    if (c != null) {
      return c;
    }
    for (String[] p : PREFIXES) {
      if (id.startsWith(p[0])) {
        return LicenseCategory.valueOf(p[1]);
      }
    }
    return LicenseCategory.UNKNOWN;
  }

  /** The category of an expression (never throws). */
  static LicenseCategory of(Interpreter interpreter, String expression) {
    SpdxExpression.Node node = node(interpreter, expression);
    if (node == null) {
      String e = expression == null ? "" : expression.strip();
      return e.equalsIgnoreCase(Interpreter.UNLICENSED) ? LicenseCategory.PROPRIETARY
          : LicenseCategory.UNKNOWN;
    }
    return of(node);
  }

  // Recursion depth is bounded by SpdxExpression.MAX_DEPTH (the tree comes from the parser).
  private static LicenseCategory of(SpdxExpression.Node node) {
    if (node instanceof SpdxExpression.Lic l) {
      return ofId(l.id());
    } else if (node instanceof SpdxExpression.With w) {
      return ofId(w.license().id());
    } else if (node instanceof SpdxExpression.And a) {
      LicenseCategory worst = LicenseCategory.PUBLIC_DOMAIN;
      for (SpdxExpression.Node t : a.terms()) {
        LicenseCategory c = of(t);
        worst = c.ordinal() > worst.ordinal() ? c : worst;
      }
      return worst;
    } else {
      LicenseCategory best = LicenseCategory.UNKNOWN;
      for (SpdxExpression.Node t : ((SpdxExpression.Or) node).terms()) {
        LicenseCategory c = of(t);
        best = c.ordinal() < best.ordinal() ? c : best;
      }
      return best;
    }
  }

  /** Allow/deny evaluation (never throws for odd expressions). */
  static boolean isAllowed(Interpreter interpreter, String expression, Set<String> allowed,
      Set<String> denied) {
    Set<String> allow = lower(allowed);
    Set<String> deny = lower(denied);
    SpdxExpression.Node node = node(interpreter, expression);
    if (node == null) {
      String e = expression.strip().toLowerCase(Locale.ROOT);
      String cat = "category:" + Categories.of(interpreter, expression).name()
          .toLowerCase(Locale.ROOT).replace('_', '-');
      return !deny.contains(e) && !deny.contains(cat) && (allow.contains(e) || allow.contains(cat));
    }
    return allowed(node, allow, deny);
  }

  private static Set<String> lower(Set<String> s) {
    java.util.HashSet<String> out = new java.util.HashSet<>();
    for (String x : s) {
      out.add(x.strip().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return out;
  }

  private static boolean allowed(SpdxExpression.Node node, Set<String> allow, Set<String> deny) {
    if (node instanceof SpdxExpression.And a) {
      for (SpdxExpression.Node t : a.terms()) {
        if (!allowed(t, allow, deny)) {
          return false;
        }
      }
      return true;
    } else if (node instanceof SpdxExpression.Or o) {
      for (SpdxExpression.Node t : o.terms()) {
        if (allowed(t, allow, deny)) {
          return true;
        }
      }
      return false;
    }
    SpdxExpression.Lic lic = node instanceof SpdxExpression.With w ? w.license()
        : (SpdxExpression.Lic) node;
    String full = SpdxExpression.print(node).toLowerCase(Locale.ROOT);
    String id = lic.id().toLowerCase(Locale.ROOT);
    String idPlus = id + (lic.plus() ? "+" : "");
    String cat = "category:" + ofId(lic.id()).name().toLowerCase(Locale.ROOT).replace('_', '-');
    if (node instanceof SpdxExpression.With && allow.contains(full) && !deny.contains(full)) {
      return true;
    }
    if (deny.contains(full) || deny.contains(id) || deny.contains(idPlus) || deny.contains(cat)) {
      return false;
    }
    return allow.contains(full) || allow.contains(idPlus) || allow.contains(id)
        || allow.contains(cat);
  }

  private static SpdxExpression.Node node(Interpreter interpreter, String expression) {
    if (expression == null) {
      return null;
    }
    try {
      return SpdxExpression.parse(expression.strip()).node();
    } catch (InvalidInputException e) {
      String interpreted = interpreter.interpret(expression).expression();
      try {
        return SpdxExpression.parse(interpreted).node();
      } catch (InvalidInputException e2) {
        return null;
      }
    }
  }
}
