package dev.tollgate.core.semver;

import dev.tollgate.core.internal.semver.Js;
import dev.tollgate.core.internal.semver.JsRegex;
import dev.tollgate.core.internal.semver.Patterns;

/** node-semver's Comparator: an operator and a version, or ANY. Immutable. */
final class Comparator {

  static final int EQ = 0;
  static final int GT = 1;
  static final int GTE = 2;
  static final int LT = 3;
  static final int LTE = 4;

  final int op;
  final String operator;
  /** null for ANY. */
  final Version semver;
  final String value;

  private Comparator(String operator, Version semver) {
    this.operator = operator;
    this.semver = semver;
    switch (operator) {
      case ">":
        op = GT;
        break;
      case ">=":
        op = GTE;
        break;
      case "<":
        op = LT;
        break;
      case "<=":
        op = LTE;
        break;
      default:
        op = EQ;
    }
    this.value = semver == null ? "" : operator + semver.toString();
  }

  /** Parses like {@code new Comparator(comp, {loose})}; throws RangeError (internal) if invalid. */
  static Comparator parse(String comp, boolean loose) {
    comp = String.join(" ", Js.splitWs(Js.trim(comp)));
    JsRegex.Match m = (loose ? Patterns.COMPARATORLOOSE : Patterns.COMPARATOR).find(comp, 0);
    if (m == null) {
      throw new RangeParser.Invalid("invalid comparator \"" + Version.escape(comp) + "\"");
    }
    String operator = m.group(1) != null ? m.group(1) : "";
    if (operator.equals("=")) {
      operator = "";
    }
    String v = m.group(2);
    if (v == null || v.isEmpty()) {
      return new Comparator(operator, null);
    }
    Object r = Version.parseOrReason(v, loose);
    if (!(r instanceof Version)) {
      throw new RangeParser.Invalid(r + " in comparator \"" + Version.escape(comp) + "\"");
    }
    return new Comparator(operator, (Version) r);
  }

  boolean isAny() {
    return semver == null;
  }

  boolean isNullSet() {
    return value.equals("<0.0.0-0");
  }

  /** Comparator.test for a parsed version; allocation-free. */
  boolean test(Version v) {
    if (semver == null) {
      return true;
    }
    int c = v.compareTo(semver);
    switch (op) {
      case GT:
        return c > 0;
      case GTE:
        return c >= 0;
      case LT:
        return c < 0;
      case LTE:
        return c <= 0;
      default:
        return c == 0;
    }
  }

  /** Comparator.intersects. */
  boolean intersects(Comparator comp, SemverOptions options) {
    if (operator.isEmpty()) {
      if (value.isEmpty()) {
        return true;
      }
      return RangeParser.parse(comp.value, options).test(value);
    } else if (comp.operator.isEmpty()) {
      if (comp.value.isEmpty()) {
        return true;
      }
      return RangeParser.parse(value, options).test(comp.semver);
    }
    if (options.includePrerelease() && (value.equals("<0.0.0-0") || comp.value.equals("<0.0.0-0"))) {
      return false;
    }
    if (!options.includePrerelease()
        && (value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
      return false;
    }
    if (operator.startsWith(">") && comp.operator.startsWith(">")) {
      return true;
    }
    if (operator.startsWith("<") && comp.operator.startsWith("<")) {
      return true;
    }
    if (semver.toString().equals(comp.semver.toString())
        && operator.contains("=") && comp.operator.contains("=")) {
      return true;
    }
    int c = semver.compareTo(comp.semver);
    if (c < 0 && operator.startsWith(">") && comp.operator.startsWith("<")) {
      return true;
    }
    return c > 0 && operator.startsWith("<") && comp.operator.startsWith(">");
  }

  @Override
  public String toString() {
    return value;
  }
}
