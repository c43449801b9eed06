package dev.tollgate.core;

import java.util.Objects;

/**
 * One entry of a package tarball, as read (nothing is written to disk).
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the entry's path as stored (GNU and PAX long names resolved)
 * @param type the entry type
 * @param size the entry's size in bytes (0 for links and folders)
 * @param mode the Unix permission bits
 * @param linkTarget the link target for symbolic and hard links, otherwise empty
 * @since 0.1
 */
public record TarEntryInfo(String path, Type type, long size, int mode, String linkTarget) {

  /**
   * Tar entry types.
   *
   * @since 0.1
   */
  public enum Type {
    /** A regular file. */
    FILE,
    /** A folder. */
    DIRECTORY,
    /** A symbolic link. */
    SYMLINK,
    /** A hard link. */
    HARDLINK,
    /** A character device. */
    CHARACTER_DEVICE,
    /** A block device. */
    BLOCK_DEVICE,
    /** A named pipe. */
    FIFO,
    /** Anything else (sparse files, vendor types). */
    OTHER
  }

  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public TarEntryInfo {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(linkTarget, "linkTarget");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }
}
