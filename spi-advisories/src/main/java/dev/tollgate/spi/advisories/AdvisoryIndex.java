package dev.tollgate.spi.advisories;

import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Advisories indexed by npm package name: a lookup is one hash-map probe per name.
 *
 * <p>Immutable and thread-safe.
 */
final class AdvisoryIndex {
  private static final Advisory[] NONE = new Advisory[0];
  private static final Comparator<Advisory> BY_ID = Comparator.comparing(Advisory::id);

  private final Map<String, Advisory[]> byName;
  private final int size;

  private AdvisoryIndex(Map<String, Advisory[]> byName, int size) {
    this.byName = byName;
    this.size = size;
  }

  /**
   * Indexes advisories under every npm package name their affected entries name.
   *
   * @param advisories the advisories, ids unique
   * @return the index
   */
  static AdvisoryIndex of(Collection<Advisory> advisories) {
    Map<String, List<Advisory>> lists = new HashMap<>(advisories.size() * 2);
    for (Advisory a : advisories) {
      String previous = null;
      for (AffectedPackage p : a.affected()) {
        String name = p.name();
        if (name.equals(previous)) {
          continue;
        }
        List<Advisory> l = lists.computeIfAbsent(name, k -> new ArrayList<>(1));
        if (l.isEmpty() || l.get(l.size() - 1) != a) {
          l.add(a);
        }
        previous = name;
      }
    }
    Map<String, Advisory[]> byName = new HashMap<>(lists.size() * 4 / 3 + 1);
    lists.forEach((k, v) -> {
      Advisory[] arr = v.toArray(NONE);
      Arrays.sort(arr, BY_ID);
      byName.put(k, arr);
    });
    return new AdvisoryIndex(byName, advisories.size());
  }

  /**
   * Returns the advisories naming any of the packages, each once, sorted by id.
   *
   * @param names the package names
   * @return the advisories
   */
  List<Advisory> lookup(Set<String> names) {
    List<Advisory> out = new ArrayList<>();
    Map<Advisory, Boolean> seen = new IdentityHashMap<>();
    for (String name : names) {
      Advisory[] found = byName.get(name);
      if (found == null) {
        continue;
      }
      for (Advisory a : found) {
        if (seen.put(a, Boolean.TRUE) == null) {
          out.add(a);
        }
      }
    }
    out.sort(BY_ID);
    return List.copyOf(out);
  }

  /** Returns how many advisories the index holds. */
  int size() {
    return size;
  }

  /** Returns how many distinct package names the index holds. */
  int names() {
    return byName.size();
  }
}
