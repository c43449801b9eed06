package dev.tollgate.spi.similarity;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.PackageName;
import dev.tollgate.api.SupplyChainException;

/**
 * Reads an untrusted package name to check. Accepts every name npm accepts (see
 * {@link PackageName}) and also names with non-ASCII letters, which npm rejects but which a
 * manifest, a web form or a chat message may carry to imitate a name with Unicode look-alikes:
 * those are checked after folding. Rejects everything else with a typed exception.
 *
 * <p>Immutable and thread-safe.
 */
final class NameInput {

  /** The longest name read, in characters. */
  static final int MAX_LENGTH = 256;

  private NameInput() {
  }

  /**
   * Validates a name.
   *
   * @param name the name
   * @return the name, unchanged
   * @throws InvalidInputException if it is empty, too long, has control or space characters,
   *     unpaired surrogates, or breaks npm's rules once look-alikes are folded to ASCII
   * @throws NullPointerException if {@code name} is null
   */
  static String read(String name) {
    if (name.isEmpty()) {
      throw invalid(name, "name is empty");
    }
    if (name.length() > MAX_LENGTH) {
      throw invalid(name, "name is longer than " + MAX_LENGTH + " characters");
    }
    boolean ascii = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80) {
        ascii = false;
      }
      if (c <= ' ' || c == 0x7f || (c >= 0x80 && (Character.isISOControl(c)
          || Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
        throw invalid(name, "name contains a space or control character at index " + i);
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
          throw invalid(name, "name contains an unpaired surrogate at index " + i);
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw invalid(name, "name contains an unpaired surrogate at index " + i);
      }
    }
    if (ascii) {
      PackageName.parse(name);
      return name;
    }
    StringBuilder folded = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x80 && !Character.isLetterOrDigit(cp)) {
        throw invalid(name, "name contains the non-letter " + String.format("U+%04X", cp));
      }
      int l = Fold.latin(cp);
      folded.appendCodePoint(l < 0x80 ? l : 'x');
    }
    if (!PackageName.isValid(folded.toString())) {
      throw invalid(name, "name breaks npm's naming rules even with look-alike letters read as"
          + " Latin");
    }
    return name;
  }

  private static InvalidInputException invalid(String name, String reason) {
    return new InvalidInputException("package name", 0, 0, "invalid package name "
        + SupplyChainException.quote(name) + ": " + reason
        + "; see docs/errors.md#invalid-package-name");
  }
}
