package dev.tollgate.core.semver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded, least-recently-used cache of parsed ranges, for callers that match many versions
 * against the same ranges (one per scan, say). Invalid ranges are cached too.
 *
 * <pre>{@code
 * RangeCache cache = new RangeCache(10_000);
 * boolean ok = cache.satisfies("1.4.2", "^1.2.0", SemverOptions.DEFAULT);
 * }</pre>
 *
 * <p>Thread-safe: lookups synchronise on the instance; parsing happens outside the lock.
 *
 * @since 0.1
 */
public final class RangeCache {

  private static final Object INVALID = new Object();

  private final int maxSize;
  private final LinkedHashMap<Key, Object> map;

  private record Key(String range, int flags) {}

  /**
   * Creates a cache.
   *
   * @param maxSize the most ranges kept, at least 1
   * @throws IllegalArgumentException if {@code maxSize < 1}
   */
  public RangeCache(int maxSize) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be >= 1: " + maxSize);
    }
    this.maxSize = maxSize;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
        return size() > RangeCache.this.maxSize;
      }
    };
  }

  /**
   * Returns the parsed range, or empty if node-semver would reject it.
   *
   * @param range the range text
   * @param options the options
   * @return the range, or empty
   * @throws NullPointerException if an argument is null
   */
  public Optional<Range> get(String range, SemverOptions options) {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(options, "options");
    Key key = new Key(range, options.flags());
    Object v;
    synchronized (this) {
      v = map.get(key);
    }
    if (v == null) {
      Optional<Range> parsed = Range.tryParse(range, options);
      v = parsed.isPresent() ? parsed.get() : INVALID;
      synchronized (this) {
        map.put(key, v);
      }
    }
    return v == INVALID ? Optional.empty() : Optional.of((Range) v);
  }

  /**
   * node-semver's {@code satisfies(version, range, options)} through the cache.
   *
   * @param version the version text
   * @param range the range text
   * @param options the options
   * @return whether the version is valid and satisfies the valid range
   * @throws NullPointerException if an argument is null
   */
  public boolean satisfies(String version, String range, SemverOptions options) {
    Objects.requireNonNull(version, "version");
    Optional<Range> r = get(range, options);
    return r.isPresent() && r.get().satisfies(version);
  }

  /**
   * Returns how many ranges are cached.
   *
   * @return the size
   */
  public synchronized int size() {
    return map.size();
  }
}
