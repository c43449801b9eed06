package dev.tollgate.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * An affected version range: OSV events, or an npm range string (as the npm registry's advisory
 * endpoint gives {@code vulnerable_versions}).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface AffectedRange {

  /**
   * An OSV range: a type and events in order.
   *
   * @param type {@code SEMVER}, {@code ECOSYSTEM} or {@code GIT}
   * @param events the events, in the order given
   * @since 0.1
   */
  record Osv(String type, List<Event> events) implements AffectedRange {
    /**
     * Checks and copies the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Osv {
      Objects.requireNonNull(type, "type");
      events = List.copyOf(events);
    }
  }

  /**
   * An npm range, evaluated with npm's semantics.
   *
   * @param range the range, for example {@code <1.2.6}
   * @since 0.1
   */
  record Npm(String range) implements AffectedRange {
    /**
     * Checks the argument.
     *
     * @throws NullPointerException if {@code range} is null
     */
    public Npm {
      Objects.requireNonNull(range, "range");
    }
  }

  /**
   * An OSV event.
   *
   * @param kind the event kind
   * @param version the version (or {@code 0} for introduced-at-start)
   * @since 0.1
   */
  record Event(EventKind kind, String version) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if an argument is null
     */
    public Event {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * OSV event kinds.
   *
   * @since 0.1
   */
  enum EventKind {
    /** {@code introduced}. */
    INTRODUCED,
    /** {@code fixed}. */
    FIXED,
    /** {@code last_affected}. */
    LAST_AFFECTED,
    /** {@code limit}. */
    LIMIT
  }
}
