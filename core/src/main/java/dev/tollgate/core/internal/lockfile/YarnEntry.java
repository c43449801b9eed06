package dev.tollgate.core.internal.lockfile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a yarn lockfile (classic or berry), reduced to what the graph needs.
 *
 * <p>Mutable while a reader fills it in; not thread-safe.
 */
final class YarnEntry {
  /** The descriptors of the key ({@code name@spec}), as written. */
  final List<String> descriptors;
  /** 1-based line of the key. */
  final int line;
  /** 1-based column of the key. */
  final int column;
  /** {@code version}. */
  String version = "";
  /** Classic {@code resolved} or berry {@code resolution}. */
  String resolved = "";
  /** Classic {@code integrity} or berry {@code checksum} (prefixed, see the berry reader). */
  String integrity = "";
  /** Berry {@code linkType}. */
  String linkType = "";
  /** Berry {@code conditions}. */
  String conditions = "";
  /** {@code dependencies}. */
  Map<String, String> dependencies = Map.of();
  /** Classic {@code optionalDependencies}. */
  Map<String, String> optionalDependencies = Map.of();
  /** Berry {@code peerDependencies}. */
  Map<String, String> peerDependencies = Map.of();
  /** Berry {@code dependenciesMeta} names marked optional. */
  Set<String> optionalNames = Set.of();
  /** Berry {@code peerDependenciesMeta} names marked optional. */
  Set<String> optionalPeers = Set.of();

  YarnEntry(List<String> descriptors, int line, int column) {
    this.descriptors = descriptors;
    this.line = line;
    this.column = column;
  }

  /**
   * Returns the name part of a descriptor or locator: up to the first {@code @} after the first
   * character.
   *
   * @param descriptor the descriptor
   * @return the index of the separating {@code @}, or -1
   */
  static int split(String descriptor) {
    return descriptor.indexOf('@', 1);
  }
}
