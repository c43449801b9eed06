package dev.tollgate.api.spi;

/**
 * A coarse license category for policies, from least to most restrictive (then unknown).
 *
 * @since 0.1
 */
public enum LicenseCategory {
  /** Dedicated to the public domain or equivalent (CC0-1.0, Unlicense). */
  PUBLIC_DOMAIN,
  /** Permissive: attribution at most (MIT, BSD, Apache-2.0, ISC). */
  PERMISSIVE,
  /** File- or library-level copyleft (LGPL, MPL, EPL, CDDL). */
  WEAK_COPYLEFT,
  /** Copyleft over the combined work (GPL). */
  STRONG_COPYLEFT,
  /** Copyleft that also covers use over a network (AGPL, SSPL, OSL). */
  NETWORK_COPYLEFT,
  /** Not an open source license (UNLICENSED, non-commercial terms). */
  PROPRIETARY,
  /** Not known to the detector. */
  UNKNOWN
}
