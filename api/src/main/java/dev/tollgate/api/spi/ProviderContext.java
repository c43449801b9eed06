package dev.tollgate.api.spi;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.Limits;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a provider gets from the engine: configuration namespaced by provider (keys such as
 * {@code advisories.osv.timeout}), the {@link Limits}, a {@link Clock}, and whether it must stay
 * offline.
 *
 * <p>Immutable and thread-safe.
 *
 * @param config configuration keys and values, sorted by key
 * @param limits input bounds
 * @param clock the clock to read time from
 * @param offline true when the provider must not use the network
 * @since 0.1
 */
public record ProviderContext(Map<String, String> config, Limits limits, Clock clock,
    boolean offline) {

  /**
   * Checks and copies the arguments.
   *
   * @throws NullPointerException if an argument is null
   */
  public ProviderContext {
    config = Collections.unmodifiableMap(new TreeMap<>(config));
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Returns a configuration value.
   *
   * @param key the full key
   * @return the value, or empty
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(config.get(key));
  }

  /**
   * Returns a configuration value or a default.
   *
   * @param key the full key
   * @param defaultValue the default
   * @return the value
   */
  public String get(String key, String defaultValue) {
    return config.getOrDefault(key, defaultValue);
  }

  /**
   * Returns a duration value written in ISO-8601 ({@code PT10S}) or as milliseconds.
   *
   * @param key the full key
   * @param defaultValue the default
   * @return the duration
   * @throws ConfigurationException if the value is not a duration
   */
  public Duration duration(String key, Duration defaultValue) {
    String v = config.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return v.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(v))
          : Duration.parse(v);
    } catch (RuntimeException e) {
      throw new ConfigurationException("configuration " + key + " is not a duration: "
          + dev.tollgate.api.SupplyChainException.quote(v)
          + "; expected milliseconds or ISO-8601 such as PT10S; see docs/errors.md#configuration", e);
    }
  }

  /**
   * Returns a builder with no configuration, default limits, the UTC system clock, online.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link ProviderContext}.
   *
   * <p>Not thread-safe; confine to one thread.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final Map<String, String> config = new TreeMap<>();
    private Limits limits = Limits.defaults();
    private Clock clock = Clock.systemUTC();
    private boolean offline;

    private Builder() {
    }

    /**
     * Sets one configuration value.
     *
     * @param key the full key
     * @param value the value
     * @return this builder
     */
    public Builder put(String key, String value) {
      config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds configuration values.
     *
     * @param values the values
     * @return this builder
     */
    public Builder putAll(Map<String, String> values) {
      values.forEach(this::put);
      return this;
    }

    /**
     * Sets the limits.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the offline flag.
     *
     * @param offline true to forbid network use
     * @return this builder
     */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /**
     * Builds the context.
     *
     * @return the context
     */
    public ProviderContext build() {
      return new ProviderContext(config, limits, clock, offline);
    }
  }
}
