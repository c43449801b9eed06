package dev.tollgate.spi.similarity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled list of popular npm names with their monthly downloads, most downloaded first
 * ({@code data/popular-npm.tsv}, see its {@code .provenance}). Parsed once, lazily.
 *
 * <p>Immutable and thread-safe.
 */
final class PopularNames {

  /** The bundled file. */
  static final String FILE = "popular-npm.tsv";

  private final String[] names;
  private final long[] downloads;
  private final Map<String, Integer> rank;

  private PopularNames(String[] names, long[] downloads) {
    this.names = names;
    this.downloads = downloads;
    this.rank = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      rank.putIfAbsent(names[i], i);
    }
  }

  private static final class Holder {
    static final PopularNames BUNDLED = read(FILE);
  }

  /**
   * Returns the bundled list.
   *
   * @return the list
   */
  static PopularNames bundled() {
    return Holder.BUNDLED;
  }

  /**
   * Creates a list from names and downloads, most downloaded first.
   *
   * @param names the names
   * @param downloads the monthly downloads, parallel to names
   * @return the list
   */
  static PopularNames of(List<String> names, List<Long> downloads) {
    long[] d = new long[downloads.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = downloads.get(i);
    }
    return new PopularNames(names.toArray(new String[0]), d);
  }

  private static PopularNames read(String file) {
    List<String> names = new ArrayList<>(60_000);
    List<Long> dl = new ArrayList<>(60_000);
    try (InputStream in = Anchor.open(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          continue;
        }
        names.add(line.substring(0, tab));
        dl.add(Long.parseLong(line.substring(tab + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + file, e);
    }
    return of(names, dl);
  }

  /**
   * Returns how many names the list has.
   *
   * @return the size
   */
  int size() {
    return names.length;
  }

  /**
   * Returns the name at a rank.
   *
   * @param i the rank, from 0
   * @return the name
   */
  String name(int i) {
    return names[i];
  }

  /**
   * Returns the monthly downloads at a rank.
   *
   * @param i the rank, from 0
   * @return the downloads
   */
  long downloads(int i) {
    return downloads[i];
  }

  /**
   * Returns a name's rank.
   *
   * @param name the name
   * @return the rank, or -1 when the name is not listed
   */
  int rankOf(String name) {
    Integer r = rank.get(name);
    return r == null ? -1 : r;
  }

  /**
   * Returns the fewest downloads of a listed name: unlisted names have fewer.
   *
   * @return the floor
   */
  long floor() {
    return names.length == 0 ? 0 : downloads[names.length - 1];
  }
}
