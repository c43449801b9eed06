package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.Limits;
import dev.tollgate.core.Lockfile;
import java.io.InputStream;

/** Placeholder until the reader lands; refuses every input with the typed exception. */
public final class YarnClassicLockReader implements LockfileReader {
  @Override
  public Lockfile read(String source, InputStream in, ProjectFiles project, Limits limits) {
    throw new InvalidInputException(source, 0, 0, "format not supported yet");
  }
}
