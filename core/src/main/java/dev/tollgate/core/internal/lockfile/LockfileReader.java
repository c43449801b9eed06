package dev.tollgate.core.internal.lockfile;

import dev.tollgate.api.Limits;
import dev.tollgate.core.Lockfile;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one lockfile format into a graph.
 *
 * <p>Implementations are stateless, immutable and thread-safe.
 */
public interface LockfileReader {

  /**
   * Reads a lockfile.
   *
   * @param source the source name for messages (a file name)
   * @param in the lockfile's bytes; the reader bounds it by {@link Limits#maxDocumentBytes()}
   * @param project the manifests beside the lockfile
   * @param limits the limits
   * @return the lockfile and its graph
   * @throws IOException if reading fails
   * @throws dev.tollgate.api.InvalidInputException if the content is malformed or of an unsupported
   *     version
   * @throws dev.tollgate.api.LimitExceededException if the content goes over a limit
   */
  Lockfile read(String source, InputStream in, ProjectFiles project, Limits limits)
      throws IOException;
}
