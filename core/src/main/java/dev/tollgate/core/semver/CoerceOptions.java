package dev.tollgate.core.semver;

/**
 * Options of {@link Semver#coerce(String, CoerceOptions)}, as node-semver's {@code coerce}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param loose parse the coerced version loosely (accepts leading zeros such as {@code 01.2.3})
 * @param includePrerelease keep a prerelease and build found after the numbers
 * @param rtl take the right-most coercible version instead of the left-most
 * @since 0.1
 */
public record CoerceOptions(boolean loose, boolean includePrerelease, boolean rtl) {

  /** node-semver's defaults: all flags off. */
  public static final CoerceOptions DEFAULT = new CoerceOptions(false, false, false);
}
