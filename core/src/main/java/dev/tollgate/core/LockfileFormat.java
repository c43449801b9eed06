package dev.tollgate.core;

import java.util.List;

/**
 * The lockfile formats Tollgate reads, with their file names, in the order
 * {@link Lockfiles#detect(java.nio.file.Path)} prefers them.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum LockfileFormat {
  /** {@code npm-shrinkwrap.json}, lockfileVersion 1, 2 or 3 (npm prefers it to package-lock). */
  NPM_SHRINKWRAP("npm-shrinkwrap.json", "npm"),
  /** {@code package-lock.json}, lockfileVersion 1, 2 or 3. */
  NPM_PACKAGE_LOCK("package-lock.json", "npm"),
  /** {@code pnpm-lock.yaml}, lockfileVersion 5.x, 6.x and 9.x. */
  PNPM("pnpm-lock.yaml", "pnpm"),
  /** {@code yarn.lock} of yarn 1 ({@code # yarn lockfile v1}). */
  YARN_CLASSIC("yarn.lock", "yarn classic"),
  /** {@code yarn.lock} of yarn 2+ ({@code __metadata} version 4 to 10: yarn 2.x to 4.x). */
  YARN_BERRY("yarn.lock", "yarn berry");

  private final String fileName;
  private final String tool;

  LockfileFormat(String fileName, String tool) {
    this.fileName = fileName;
    this.tool = tool;
  }

  /**
   * Returns the lockfile's usual file name.
   *
   * @return the file name, for example {@code pnpm-lock.yaml}
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns the tool that writes it.
   *
   * @return for example {@code yarn berry}
   */
  public String tool() {
    return tool;
  }

  /**
   * Returns the distinct file names, in detection order.
   *
   * @return the file names
   */
  public static List<String> fileNames() {
    return List.of("npm-shrinkwrap.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock");
  }
}
