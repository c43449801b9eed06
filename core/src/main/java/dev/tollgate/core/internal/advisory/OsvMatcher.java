package dev.tollgate.core.internal.advisory;

import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.AffectedRange;
import dev.tollgate.api.spi.AffectedRange.Event;
import dev.tollgate.api.spi.AffectedRange.EventKind;
import dev.tollgate.core.semver.Range;
import dev.tollgate.core.semver.SemverOptions;
import dev.tollgate.core.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates an advisory's {@code affected} data for one npm version, exactly as the OSV schema's
 * "Evaluation" section describes.
 *
 * <ul>
 *   <li>A version is affected when it equals a string of {@code versions} or lies in any range of
 *       any entry (entries and ranges are OR-ed).</li>
 *   <li>An OSV range ({@code SEMVER} or {@code ECOSYSTEM}; for npm both are ordered by npm semver
 *       precedence, build metadata ignored): the events are sorted by version ({@code introduced:
 *       "0"} lowest; the sort is stable, so events of equal versions keep their given order, as in
 *       the schema's pseudo-code) and walked in order: {@code introduced} (inclusive) sets
 *       affected, {@code fixed} (exclusive) and {@code last_affected} (inclusive, so it clears only
 *       above its version) clear it. {@code limit} events are not walked: when a range has any, the
 *       version must also be below at least one of them ({@code "*"} is no limit).</li>
 *   <li>{@code GIT} ranges and unknown types never match a registry version.</li>
 *   <li>An event with an empty version ({@code "fixed": ""}, seen in a real GHSA record) is treated
 *       as absent: the data gives no bound, so the range stays open (the cautious reading; the
 *       event is counted as a quirk).</li>
 *   <li>An event version that is not valid semver makes its whole range not match (a range with a
 *       broken bound cannot be evaluated reliably); it is counted, never thrown.</li>
 *   <li>{@link AffectedRange.Npm} ranges are npm range strings evaluated with node-semver's
 *       {@code satisfies} with {@code includePrerelease} and {@code loose}, as npm audit does; an
 *       unparsable one is counted and does not match.</li>
 * </ul>
 *
 * <p>Thread-safe: the counters are atomic and nothing else is mutable.
 */
public final class OsvMatcher {

  /** Options for data and installed versions: lenient, as npm reads registry data. */
  static final SemverOptions VERSION_OPTIONS = SemverOptions.LOOSE;

  /** npm audit evaluates {@code vulnerable_versions} with includePrerelease and loose. */
  static final SemverOptions NPM_RANGE_OPTIONS = SemverOptions.of(true, true);

  private final AtomicInteger invalidVersions = new AtomicInteger();
  private final AtomicInteger emptyEvents = new AtomicInteger();

  /** Creates a matcher with zeroed counters. */
  public OsvMatcher() {
  }

  /**
   * The outcome of evaluating one version.
   *
   * @param affected whether the version is affected
   * @param fixed the {@code fixed} version that ends the affecting range (the highest one when
   *     several ranges match), or empty when the data names none (open range, {@code
   *     last_affected}, {@code versions} list, npm range)
   */
  public record Match(boolean affected, String fixed) {
    static final Match NO = new Match(false, "");

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if {@code fixed} is null
     */
    public Match {
      Objects.requireNonNull(fixed, "fixed");
    }
  }

  /**
   * Returns how many invalid version strings (in data or the installed version) were met.
   *
   * @return the count so far
   */
  public int invalidVersions() {
    return invalidVersions.get();
  }

  /**
   * Returns how many events with an empty version were met (and treated as absent).
   *
   * @return the count so far
   */
  public int emptyEvents() {
    return emptyEvents.get();
  }

  /**
   * Evaluates several {@code affected} entries (already selected for one package) for a version.
   *
   * @param entries the entries, OR-ed
   * @param version the installed version text
   * @return the match; not affected when the version is not valid semver (counted)
   * @throws NullPointerException if an argument is null
   */
  public Match match(List<AffectedPackage> entries, String version) {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(version, "version");
    Optional<Version> parsed = parse(version);
    if (parsed.isEmpty()) {
      invalidVersions.incrementAndGet();
      // exact strings of a versions list may still name it
      for (AffectedPackage e : entries) {
        if (e.versions().contains(version)) {
          return new Match(true, "");
        }
      }
      return Match.NO;
    }
    Version v = parsed.get();
    boolean affected = false;
    Version bestFixed = null;
    for (AffectedPackage e : entries) {
      for (String listed : e.versions()) {
        if (listedEquals(listed, version, v)) {
          affected = true;
        }
      }
      for (AffectedRange r : e.ranges()) {
        Match m = matchRange(r, v);
        if (m.affected()) {
          affected = true;
          if (!m.fixed().isEmpty()) {
            Version f = parse(m.fixed()).orElse(null);
            if (f != null && (bestFixed == null || f.compareTo(bestFixed) > 0)) {
              bestFixed = f;
            }
          }
        }
      }
    }
    if (!affected) {
      return Match.NO;
    }
    return new Match(true, bestFixed == null ? "" : bestFixed.toString());
  }

  private boolean listedEquals(String listed, String text, Version v) {
    if (listed.equals(text)) {
      return true;
    }
    Optional<Version> l = parse(listed);
    if (l.isEmpty()) {
      invalidVersions.incrementAndGet();
      return false;
    }
    return l.get().equals(v);
  }

  /**
   * Evaluates one range for a parsed version.
   *
   * @param range the range
   * @param v the version
   * @return the match
   * @throws NullPointerException if an argument is null
   */
  public Match matchRange(AffectedRange range, Version v) {
    Objects.requireNonNull(v, "v");
    if (range instanceof AffectedRange.Npm npm) {
      Optional<Range> r = Range.tryParse(npm.range(), NPM_RANGE_OPTIONS);
      if (r.isEmpty()) {
        invalidVersions.incrementAndGet();
        return Match.NO;
      }
      return r.get().satisfies(v) ? new Match(true, "") : Match.NO;
    }
    AffectedRange.Osv osv = (AffectedRange.Osv) range;
    if (!osv.type().equals("SEMVER") && !osv.type().equals("ECOSYSTEM")) {
      return Match.NO; // GIT (commits, not registry versions) and unknown types
    }
    List<Ev> events = new ArrayList<>(osv.events().size());
    List<Version> limits = new ArrayList<>(1);
    boolean anyLimit = false;
    for (Event e : osv.events()) {
      String text = e.version();
      if (text.isEmpty()) {
        emptyEvents.incrementAndGet();
        continue;
      }
      if (e.kind() == EventKind.LIMIT) {
        anyLimit = true;
        if (text.equals("*")) {
          limits.add(null); // no bound
          continue;
        }
      }
      Version ver;
      if (e.kind() == EventKind.INTRODUCED && text.equals("0")) {
        ver = null; // below everything
      } else {
        Optional<Version> p = parse(text);
        if (p.isEmpty()) {
          invalidVersions.incrementAndGet();
          return Match.NO;
        }
        ver = p.get();
      }
      if (e.kind() == EventKind.LIMIT) {
        limits.add(ver);
      } else {
        events.add(new Ev(e.kind(), ver, text));
      }
    }
    if (anyLimit) {
      boolean below = false;
      for (Version l : limits) {
        if (l == null || v.compareTo(l) < 0) {
          below = true;
          break;
        }
      }
      if (!below) {
        return Match.NO;
      }
    }
    events.sort(EV_ORDER); // List.sort is stable: equal versions keep their given order
    boolean affected = false;
    for (Ev e : events) {
      if (applies(e, v)) {
        affected = e.kind == EventKind.INTRODUCED;
      }
    }
    if (!affected) {
      return Match.NO;
    }
    // the range's end: the first closing event (in sorted order) that does not apply to v
    for (Ev e : events) {
      if (!applies(e, v)) {
        if (e.kind == EventKind.FIXED) {
          return new Match(true, e.text);
        }
        if (e.kind == EventKind.LAST_AFFECTED) {
          return new Match(true, "");
        }
      }
    }
    return new Match(true, "");
  }

  private static boolean applies(Ev e, Version v) {
    return switch (e.kind) {
      case INTRODUCED, FIXED -> e.version == null || v.compareTo(e.version) >= 0;
      case LAST_AFFECTED -> v.compareTo(e.version) > 0;
      case LIMIT -> false;
    };
  }

  private static Optional<Version> parse(String text) {
    return Version.tryParse(text, VERSION_OPTIONS);
  }

  private record Ev(EventKind kind, Version version, String text) {
  }

  private static final Comparator<Ev> EV_ORDER = (a, b) -> {
    if (a.version == null) {
      return b.version == null ? 0 : -1;
    }
    if (b.version == null) {
      return 1;
    }
    return a.version.compareTo(b.version);
  };
}
