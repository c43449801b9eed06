package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.LockfileFormat;
import java.io.InputStream;

/** Placeholder until the reader lands; refuses every input with the typed exception. */
public final class NpmLockReader implements LockfileReader {
  private final LockfileFormat format;

  /**
   * Creates a reader.
   *
   * @param format package-lock or shrinkwrap
   */
  public NpmLockReader(LockfileFormat format) {
    this.format = format;
  }

  @Override
  public Lockfile read(String source, InputStream in, ProjectFiles project, Limits limits) {
    throw new InvalidInputException(source, 0, 0, format + " not supported yet");
  }
}
