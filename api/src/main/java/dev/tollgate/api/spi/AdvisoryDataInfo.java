package dev.tollgate.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an advisory source's data comes from and how fresh it is.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source a description such as a file path or an endpoint (without credentials)
 * @param asOf when the data was last updated, or {@link Instant#EPOCH} when unknown; for a live
 *     endpoint, the time of the query
 * @param records how many records the data holds, or -1 when unknown
 * @since 0.1
 */
public record AdvisoryDataInfo(String source, Instant asOf, long records) {
  /**
   * Checks the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public AdvisoryDataInfo {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
  }
}
