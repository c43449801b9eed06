package dev.tollgate.api;

/**
 * How soon a finding must be fixed: P0 drop everything, P1 within days, P2 within a month, P3
 * within half a year (the policy sets the days).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum Priority {
  /** Drop everything. */
  P0,
  /** High. */
  P1,
  /** Medium. */
  P2,
  /** Low. */
  P3
}
