package dev.tollgate.api;

import java.util.Objects;

/**
 * Thrown when input goes over one of the {@link Limits}. Input is accepted whole or rejected: no
 * partial result is returned.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LimitExceededException extends SupplyChainException {

  private static final long serialVersionUID = 1L;

  /** The limits a caller can change: the components of {@link Limits}. */
  private static final java.util.Set<String> CONFIGURABLE = java.util.Arrays.stream(
      Limits.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final String source;
  private final String limitName;
  private final long limit;
  private final long observed;

  /**
   * Creates an exception.
   *
   * @param source the file or other source that went over the limit
   * @param limitName the name of the limit, as in {@link Limits} (for example {@code maxJsonDepth})
   * @param limit the configured limit
   * @param observed the value observed (at least the first value past the limit)
   * @throws NullPointerException if {@code source} or {@code limitName} is null
   */
  public LimitExceededException(String source, String limitName, long limit, long observed) {
    super(Objects.requireNonNull(source, "source") + ": input exceeds limit "
        + Objects.requireNonNull(limitName, "limitName") + " = " + limit + " (observed " + observed
        + "); " + (CONFIGURABLE.contains(limitName) ? "raise it with Limits.builder()." + limitName
            + "(...) if the input is trusted" : "this limit is fixed")
        + "; see docs/errors.md#limit-exceeded", null);
    this.source = source;
    this.limitName = limitName;
    this.limit = limit;
    this.observed = observed;
  }

  /**
   * Returns the source that went over the limit.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * Returns the limit's name.
   *
   * @return the name, as the {@link Limits} accessor
   */
  public String limitName() {
    return limitName;
  }

  /**
   * Returns the configured limit.
   *
   * @return the limit
   */
  public long limit() {
    return limit;
  }

  /**
   * Returns the observed value.
   *
   * @return the observed value
   */
  public long observed() {
    return observed;
  }
}
