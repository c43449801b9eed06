package dev.tollgate.spi.advisories;

import java.util.HashMap;
import java.util.Map;

/**
 * Canonicalises short, often repeated strings (ecosystems, range types, versions such as {@code 0},
 * reference hosts) so a loaded index holds one copy of each.
 *
 * <p>Not thread-safe; confine to one thread.
 */
final class StringPool {
  private static final int MAX_POOLED_LENGTH = 64;
  private static final int MAX_ENTRIES = 1 << 16;

  private final Map<String, String> pool = new HashMap<>();

  /** Returns the canonical copy of {@code s}, or {@code s} itself when it is long. */
  String get(String s) {
    if (s.length() > MAX_POOLED_LENGTH) {
      return s;
    }
    String c = pool.get(s);
    if (c != null) {
      return c;
    }
    if (pool.size() < MAX_ENTRIES) {
      pool.put(s, s);
    }
    return s;
  }
}
