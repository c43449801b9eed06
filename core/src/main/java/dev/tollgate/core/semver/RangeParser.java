package dev.tollgate.core.semver;

import dev.tollgate.core.internal.semver.Js;
import dev.tollgate.core.internal.semver.JsRegex;
import dev.tollgate.core.internal.semver.Patterns;
import dev.tollgate.core.internal.semver.TrimComparatorWhitespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A line-by-line port of node-semver 7.8.6's {@code classes/range.js} parsing. */
final class RangeParser {

  /** node-semver's TypeError while parsing a range; never escapes the package. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private RangeParser() {}

  static Range parse(String range, SemverOptions options) {
    String raw = Js.collapseWs(Js.trim(range));
    List<Comparator[]> set = new ArrayList<>();
    try {
      for (String part : Js.split(raw, "||")) {
        Comparator[] comps = parseRange(Js.trim(part), options);
        if (comps.length > 0) {
          set.add(comps);
        }
      }
    } catch (JsRegex.TooComplexException e) {
      throw new Invalid("range too complex to parse");
    }
    if (set.isEmpty()) {
      throw new Invalid("invalid range");
    }
    if (set.size() > 1) {
      Comparator[] first = set.get(0);
      set.removeIf(c -> c[0].isNullSet());
      if (set.isEmpty()) {
        set.add(first);
      } else if (set.size() > 1) {
        for (Comparator[] c : set) {
          if (c.length == 1 && c[0].isAny()) {
            List<Comparator[]> only = new ArrayList<>();
            only.add(c);
            set = only;
            break;
          }
        }
      }
    }
    return new Range(raw, set.toArray(new Comparator[0][]), options);
  }

  private static Comparator[] parseRange(String range, SemverOptions options) {
    boolean loose = options.loose();
    boolean incPr = options.includePrerelease();
    range = Patterns.BUILDSTRIP.replaceAll(range, m -> "");
    range = (loose ? Patterns.HYPHENRANGELOOSE : Patterns.HYPHENRANGE)
        .replaceFirst(range, m -> hyphenReplace(m, incPr));
    range = TrimComparatorWhitespace.apply(range);
    range = Patterns.TILDETRIM.replaceAll(range, m -> m.group(1) + "~");
    range = Patterns.CARETTRIM.replaceAll(range, m -> m.group(1) + "^");

    List<String> parsed = new ArrayList<>();
    for (String comp : Js.split(range, " ")) {
      parsed.add(parseComparator(comp, options));
    }
    List<String> rangeList = new ArrayList<>();
    for (String comp : Js.splitWs(String.join(" ", parsed))) {
      rangeList.add((incPr ? Patterns.GTE0PRE : Patterns.GTE0).replaceFirst(Js.trim(comp), m -> ""));
    }
    if (loose) {
      rangeList.removeIf(comp -> !Patterns.COMPARATORLOOSE.test(comp));
    }
    List<Comparator> comparators = new ArrayList<>(rangeList.size());
    for (String comp : rangeList) {
      comparators.add(Comparator.parse(comp, loose));
    }
    Map<String, Comparator> rangeMap = new LinkedHashMap<>();
    for (Comparator comp : comparators) {
      if (comp.isNullSet()) {
        return new Comparator[] {comp};
      }
      rangeMap.put(comp.value, comp);
    }
    if (rangeMap.size() > 1 && rangeMap.containsKey("")) {
      rangeMap.remove("");
    }
    return rangeMap.values().toArray(new Comparator[0]);
  }

  private static String parseComparator(String comp, SemverOptions options) {
    comp = Patterns.BUILD.replaceFirst(comp, m -> "");
    comp = mapWords(Js.trim(comp), c -> replaceCaret(c, options));
    comp = mapWords(Js.trim(comp), c -> replaceTilde(c, options));
    comp = mapWords(comp, c -> replaceXRange(c, options));
    comp = Patterns.STAR.replaceFirst(Js.trim(comp), m -> "");
    return comp;
  }

  private static String mapWords(String s, java.util.function.UnaryOperator<String> f) {
    List<String> out = new ArrayList<>();
    for (String w : Js.splitWs(s)) {
      out.add(f.apply(w));
    }
    return String.join(" ", out);
  }

  static boolean isX(String id) {
    return id == null || id.isEmpty() || id.equals("x") || id.equals("X") || id.equals("*");
  }

  private static String replaceTilde(String comp, SemverOptions options) {
    JsRegex r = options.loose() ? Patterns.TILDELOOSE : Patterns.TILDE;
    String z = options.includePrerelease() ? "-0" : "";
    return r.replaceFirst(comp, mt -> {
      String major = mt.group(1);
      String minor = mt.group(2);
      String patch = mt.group(3);
      String pr = mt.group(4);
      if (isX(major)) {
        return "";
      } else if (isX(minor)) {
        return ">=" + major + ".0.0" + z + " <" + Js.plusOne(major) + ".0.0-0";
      } else if (isX(patch)) {
        return ">=" + major + "." + minor + ".0" + z + " <" + major + "." + Js.plusOne(minor) + ".0-0";
      } else if (pr != null && !pr.isEmpty()) {
        return ">=" + major + "." + minor + "." + patch + "-" + pr
            + " <" + major + "." + Js.plusOne(minor) + ".0-0";
      } else {
        return ">=" + major + "." + minor + "." + patch
            + " <" + major + "." + Js.plusOne(minor) + ".0-0";
      }
    });
  }

  private static String replaceCaret(String comp, SemverOptions options) {
    JsRegex r = options.loose() ? Patterns.CARETLOOSE : Patterns.CARET;
    String z = options.includePrerelease() ? "-0" : "";
    return r.replaceFirst(comp, mt -> {
      String major = mt.group(1);
      String minor = mt.group(2);
      String patch = mt.group(3);
      String pr = mt.group(4);
      if (isX(major)) {
        return "";
      } else if (isX(minor)) {
        return ">=" + major + ".0.0" + z + " <" + Js.plusOne(major) + ".0.0-0";
      } else if (isX(patch)) {
        if (major.equals("0")) {
          return ">=" + major + "." + minor + ".0" + z + " <" + major + "." + Js.plusOne(minor) + ".0-0";
        }
        return ">=" + major + "." + minor + ".0" + z + " <" + Js.plusOne(major) + ".0.0-0";
      }
      String lower = ">=" + major + "." + minor + "." + patch
          + (pr != null && !pr.isEmpty() ? "-" + pr : "");
      if (major.equals("0")) {
        if (minor.equals("0")) {
          return lower + " <" + major + "." + minor + "." + Js.plusOne(patch) + "-0";
        }
        return lower + " <" + major + "." + Js.plusOne(minor) + ".0-0";
      }
      return lower + " <" + Js.plusOne(major) + ".0.0-0";
    });
  }

  private static String replaceXRange(String comp, SemverOptions options) {
    String c0 = Js.trim(comp);
    JsRegex r = options.loose() ? Patterns.XRANGELOOSE : Patterns.XRANGE;
    return r.replaceFirst(c0, mt -> {
      String ret = mt.group(0);
      String gtlt = mt.group(1);
      String major = mt.group(2);
      String minor = mt.group(3);
      String patch = mt.group(4);
      if ((isX(major) && !isX(minor)) || (isX(minor) && patch != null && !patch.isEmpty() && !isX(patch))) {
        return c0;
      }
      boolean xM = isX(major);
      boolean xm = xM || isX(minor);
      boolean xp = xm || isX(patch);
      boolean anyX = xp;
      if ("=".equals(gtlt) && anyX) {
        gtlt = "";
      }
      String pr = options.includePrerelease() ? "-0" : "";
      if (xM) {
        if (">".equals(gtlt) || "<".equals(gtlt)) {
          ret = "<0.0.0-0";
        } else {
          ret = "*";
        }
      } else if (gtlt != null && !gtlt.isEmpty() && anyX) {
        if (xm) {
          minor = "0";
        }
        patch = "0";
        if (">".equals(gtlt)) {
          gtlt = ">=";
          if (xm) {
            major = Js.plusOne(major);
            minor = "0";
            patch = "0";
          } else {
            minor = Js.plusOne(minor);
            patch = "0";
          }
        } else if ("<=".equals(gtlt)) {
          gtlt = "<";
          if (xm) {
            major = Js.plusOne(major);
          } else {
            minor = Js.plusOne(minor);
          }
        }
        if ("<".equals(gtlt)) {
          pr = "-0";
        }
        ret = gtlt + major + "." + minor + "." + patch + pr;
      } else if (xm) {
        ret = ">=" + major + ".0.0" + pr + " <" + Js.plusOne(major) + ".0.0-0";
      } else if (xp) {
        ret = ">=" + major + "." + minor + ".0" + pr + " <" + major + "." + Js.plusOne(minor) + ".0-0";
      }
      return ret;
    });
  }

  private static String hyphenReplace(JsRegex.Match m, boolean incPr) {
    String from = m.group(1);
    String fM = m.group(2);
    String fm = m.group(3);
    String fp = m.group(4);
    String fpr = m.group(5);
    String to = m.group(7);
    String tM = m.group(8);
    String tm = m.group(9);
    String tp = m.group(10);
    String tpr = m.group(11);
    if (isX(fM)) {
      from = "";
    } else if (isX(fm)) {
      from = ">=" + fM + ".0.0" + (incPr ? "-0" : "");
    } else if (isX(fp)) {
      from = ">=" + fM + "." + fm + ".0" + (incPr ? "-0" : "");
    } else if (fpr != null && !fpr.isEmpty()) {
      from = ">=" + from;
    } else {
      from = ">=" + from + (incPr ? "-0" : "");
    }
    if (isX(tM)) {
      to = "";
    } else if (isX(tm)) {
      to = "<" + Js.plusOne(tM) + ".0.0-0";
    } else if (isX(tp)) {
      to = "<" + tM + "." + Js.plusOne(tm) + ".0-0";
    } else if (tpr != null && !tpr.isEmpty()) {
      to = "<=" + tM + "." + tm + "." + tp + "-" + tpr;
    } else if (incPr) {
      to = "<" + tM + "." + tm + "." + Js.plusOne(tp) + "-0";
    } else {
      to = "<=" + to;
    }
    return Js.trim(from + " " + to);
  }
}
