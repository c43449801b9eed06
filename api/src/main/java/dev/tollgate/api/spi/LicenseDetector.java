package dev.tollgate.api.spi;

import java.util.List;

/**
 * Detects licenses: parses declared license fields into SPDX expressions and finds license texts and
 * notices in files.
 *
 * <p>Implementations must be thread-safe; core calls them concurrently.
 *
 * @since 0.1
 */
public interface LicenseDetector {

  /**
   * Interprets a declared license as written in a {@code package.json} {@code license} field.
   *
   * @param declared the raw value, for example {@code (MIT OR Apache-2.0)} or {@code Apache 2.0}
   * @return the interpretation; never throws for odd input, which gives a low confidence instead
   */
  DeclaredLicense interpret(String declared);

  /**
   * Finds the license texts and notices in one file.
   *
   * @param fileName the file's path inside the package, for example {@code LICENSE.md}
   * @param text the file's text
   * @return the matches, in order of position; empty when none
   * @throws dev.tollgate.api.LimitExceededException if the text is larger than the limits allow
   */
  List<LicenseMatch> detect(String fileName, CharSequence text);

  /**
   * The category of a license expression: for OR the least restrictive branch, for AND the most
   * restrictive term; a WITH exception does not change its license's category. Added after the first
   * SPI draft as a default method, so older detectors keep compiling.
   *
   * @param expression an SPDX expression or one of the non-SPDX values of
   *     {@link DeclaredLicense#expression()} ({@code UNLICENSED} is proprietary)
   * @return the category; {@link LicenseCategory#UNKNOWN} by default or when not understood; never
   *     throws for odd input
   * @since 0.1
   */
  default LicenseCategory category(String expression) {
    return LicenseCategory.UNKNOWN;
  }

  /**
   * Evaluates an expression against allow and deny lists: an OR is allowed if one branch is, an AND
   * if all its terms are. A term is allowed when it is not denied and its id, its
   * {@code id WITH exception} form or its category (written {@code category:permissive} and so on)
   * is listed in {@code allowed}; a denied id is still allowed when its exact {@code WITH} form is
   * listed. Entries are compared ignoring case.
   *
   * @param expression an SPDX expression or a value of {@link DeclaredLicense#expression()}
   * @param allowed allowed ids, {@code id WITH exception} forms and categories
   * @param denied denied ids, {@code id WITH exception} forms and categories
   * @return whether the expression is allowed; {@code false} by default and for expressions that
   *     are not understood; never throws for odd input
   * @throws NullPointerException if an argument is null
   * @since 0.1
   */
  default boolean isAllowed(String expression, java.util.Set<String> allowed,
      java.util.Set<String> denied) {
    java.util.Objects.requireNonNull(expression, "expression");
    java.util.Objects.requireNonNull(allowed, "allowed");
    java.util.Objects.requireNonNull(denied, "denied");
    return false;
  }
}
