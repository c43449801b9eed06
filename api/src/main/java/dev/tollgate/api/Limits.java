package dev.tollgate.api;

/**
 * Bounds on untrusted input. Every reader checks them while streaming and throws
 * {@link LimitExceededException} naming the limit when input goes over one.
 *
 * <p>Example: {@code Limits.defaults().toBuilder().maxEntries(2_000_000).build()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxDocumentBytes the largest lockfile, manifest or metadata document read, in bytes
 * @param maxJsonDepth the deepest nesting of JSON or YAML objects and arrays
 * @param maxStringLength the longest string value or key, in characters
 * @param maxEntries the most package entries (and, separately, the most edges divided by 8) in one
 *     lockfile
 * @param maxTarEntries the most entries in one tarball
 * @param maxTarEntryBytes the largest uncompressed size of one tarball entry
 * @param maxTarTotalBytes the largest uncompressed size of one tarball
 * @param maxCompressionRatio the largest ratio of uncompressed to compressed bytes of a tarball
 * @param maxPathLength the longest path of a tarball entry or lockfile location, in characters
 * @since 0.1
 */
public record Limits(
    long maxDocumentBytes,
    int maxJsonDepth,
    int maxStringLength,
    int maxEntries,
    int maxTarEntries,
    long maxTarEntryBytes,
    long maxTarTotalBytes,
    int maxCompressionRatio,
    int maxPathLength) {

  private static final Limits DEFAULTS = new Limits(
      512L * 1024 * 1024, 256, 16 * 1024 * 1024, 500_000,
      50_000, 256L * 1024 * 1024, 512L * 1024 * 1024, 200, 4096);

  /**
   * Checks every limit is positive.
   *
   * @throws IllegalArgumentException if a limit is zero or negative
   */
  public Limits {
    positive("maxDocumentBytes", maxDocumentBytes);
    positive("maxJsonDepth", maxJsonDepth);
    positive("maxStringLength", maxStringLength);
    positive("maxEntries", maxEntries);
    positive("maxTarEntries", maxTarEntries);
    positive("maxTarEntryBytes", maxTarEntryBytes);
    positive("maxTarTotalBytes", maxTarTotalBytes);
    positive("maxCompressionRatio", maxCompressionRatio);
    positive("maxPathLength", maxPathLength);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }

  /**
   * Returns the default limits: 512 MiB documents, JSON depth 256, 16 Mi-character strings, 500,000
   * lockfile entries; tarballs of at most 50,000 entries, 256 MiB per entry, 512 MiB in all, a
   * compression ratio of 200 and paths of 4,096 characters.
   *
   * @return the defaults
   */
  public static Limits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /**
   * Returns a builder starting from these limits.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Builds {@link Limits}.
   *
   * <p>Not thread-safe; confine to one thread.
   *
   * @since 0.1
   */
  public static final class Builder {
    private long maxDocumentBytes;
    private int maxJsonDepth;
    private int maxStringLength;
    private int maxEntries;
    private int maxTarEntries;
    private long maxTarEntryBytes;
    private long maxTarTotalBytes;
    private int maxCompressionRatio;
    private int maxPathLength;

    private Builder(Limits l) {
      maxDocumentBytes = l.maxDocumentBytes;
      maxJsonDepth = l.maxJsonDepth;
      maxStringLength = l.maxStringLength;
      maxEntries = l.maxEntries;
      maxTarEntries = l.maxTarEntries;
      maxTarEntryBytes = l.maxTarEntryBytes;
      maxTarTotalBytes = l.maxTarTotalBytes;
      maxCompressionRatio = l.maxCompressionRatio;
      maxPathLength = l.maxPathLength;
    }

    /**
     * Sets {@link Limits#maxDocumentBytes()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxDocumentBytes(long v) {
      maxDocumentBytes = v;
      return this;
    }

    /**
     * Sets {@link Limits#maxJsonDepth()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxJsonDepth(int v) {
      maxJsonDepth = v;
      return this;
    }

    /**
     * Sets {@link Limits#maxStringLength()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxStringLength(int v) {
      maxStringLength = v;
      return this;
    }

    /**
     * Sets {@link Limits#maxEntries()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxEntries(int v) {
      maxEntries = v;
      return this;
    }

    /**
     * Sets {@link Limits#maxTarEntries()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxTarEntries(int v) {
      maxTarEntries = v;
      return this;
    }

    /**
     * Sets {@link Limits#maxTarEntryBytes()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxTarEntryBytes(long v) {
      maxTarEntryBytes = v;
      return this;
    }

    /**
     * Sets {@link Limits#maxTarTotalBytes()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxTarTotalBytes(long v) {
      maxTarTotalBytes = v;
      return this;
    }

    /**
     * Sets {@link Limits#maxCompressionRatio()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxCompressionRatio(int v) {
      maxCompressionRatio = v;
      return this;
    }

    /**
     * Sets {@link Limits#maxPathLength()}.
     *
     * @param v the value, &gt; 0
     * @return this builder
     */
    public Builder maxPathLength(int v) {
      maxPathLength = v;
      return this;
    }

    /**
     * Builds the limits.
     *
     * @return the limits
     * @throws IllegalArgumentException if a limit is not positive
     */
    public Limits build() {
      return new Limits(maxDocumentBytes, maxJsonDepth, maxStringLength, maxEntries, maxTarEntries,
          maxTarEntryBytes, maxTarTotalBytes, maxCompressionRatio, maxPathLength);
    }
  }
}
