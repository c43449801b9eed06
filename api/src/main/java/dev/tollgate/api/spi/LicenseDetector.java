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
}
