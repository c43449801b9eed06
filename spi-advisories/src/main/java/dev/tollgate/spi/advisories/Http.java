package dev.tollgate.spi.advisories;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.ProviderException;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.ProviderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP(S) exchange with bounded retries for the remote advisory sources: time-outs, exponential
 * back-off on 429, 502, 503 and 504 and on I/O failures (honouring {@code Retry-After}), bounded
 * and gzip-aware response reading, no redirects (a redirect could carry the credential elsewhere)
 * and credential scrubbing of every message.
 *
 * <p>Immutable and thread-safe.
 */
final class Http {
  static final String ANCHOR_STATUS = "see docs/errors.md#advisory-http-status";
  static final String ANCHOR_OFFLINE = "see docs/errors.md#advisory-offline";
  private static final Logger LOG = LoggerFactory.getLogger(Http.class);

  /** Sleeps between attempts; replaced in tests. */
  interface Sleeper {
    /** Sleeps for a duration. */
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * Connection settings of one remote source.
   *
   * @param prefix the configuration prefix, such as {@code advisories.npm}
   * @param connectTimeout the connect time-out
   * @param timeout the time-out of one request
   * @param maxAttempts how many times a request is sent at most
   * @param backoff the wait before the second attempt; doubles each time
   * @param maxRetryWait the longest wait between attempts (also caps {@code Retry-After})
   * @param maxResponseBytes the largest response body, after decompression
   * @param clock the clock, to read {@code Retry-After} dates
   */
  record Settings(String prefix, Duration connectTimeout, Duration timeout, int maxAttempts,
      Duration backoff, Duration maxRetryWait, long maxResponseBytes, Clock clock) {

    /** Reads the settings under {@code prefix} from the context. */
    static Settings from(ProviderContext ctx, String prefix) {
      Duration connect = ctx.duration(prefix + ".connectTimeout", Duration.ofSeconds(10));
      Duration timeout = ctx.duration(prefix + ".timeout", Duration.ofSeconds(30));
      int attempts = Config.nonNegativeInt(ctx, prefix + ".maxAttempts", 4);
      Duration backoff = ctx.duration(prefix + ".backoff", Duration.ofMillis(500));
      Duration maxWait = ctx.duration(prefix + ".maxRetryWait", Duration.ofSeconds(30));
      long maxBytes = Math.min(Config.positiveLong(ctx, prefix + ".maxResponseBytes",
          64L * 1024 * 1024), ctx.limits().maxDocumentBytes());
      if (attempts < 1 || connect.isNegative() || connect.isZero() || timeout.isNegative()
          || timeout.isZero() || backoff.isNegative() || maxWait.isNegative()) {
        throw new ConfigurationException("configuration under " + prefix
            + " is out of range: time-outs must be positive, maxAttempts at least 1 and waits not"
            + " negative; " + Config.ANCHOR);
      }
      return new Settings(prefix, connect, timeout, attempts, backoff, maxWait, maxBytes,
          ctx.clock());
    }
  }

  /** A successful response: its body, decoded. */
  record Response(int status, byte[] body) {
  }

  private final String providerId;
  private final Settings settings;
  private final Credentials credentials;
  private final Sleeper sleeper;
  private final HttpClient client;

  Http(String providerId, Settings settings, Credentials credentials, Sleeper sleeper) {
    this.providerId = providerId;
    this.settings = settings;
    this.credentials = credentials;
    this.sleeper = sleeper;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /**
   * Parses a configured base URL: http or https, with a host, and without user info (credentials
   * belong in {@code .npmrc} or the token variable).
   *
   * @throws ConfigurationException if the URL is not usable
   */
  static URI baseUrl(String key, String value) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new ConfigurationException("configuration " + key + " is not a URL: "
          + SupplyChainException.quote(value) + "; " + Config.ANCHOR, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null) {
      throw new ConfigurationException("configuration " + key
          + " must not carry credentials in the URL; put the token in .npmrc or a token"
          + " variable instead; " + Config.ANCHOR);
    }
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigurationException("configuration " + key + " is not an http(s) base URL: "
          + SupplyChainException.quote(value) + "; expected https://host[:port][/path]; "
          + Config.ANCHOR);
    }
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s : s + "/");
  }

  /**
   * Sends a request, retrying on 429/502/503/504 and I/O failures, and returns the 2xx response.
   *
   * @param request builds the request (method, URI, body); called once per attempt
   * @param what the request for messages, such as {@code POST https://host/path}
   * @return the response
   * @throws IOException if every attempt failed with an I/O error or time-out
   * @throws ProviderException on another status, or when every attempt was refused with a
   *     retryable status
   * @throws LimitExceededException if the response body is too large
   */
  Response send(Supplier<HttpRequest.Builder> request, String what) throws IOException {
    IOException lastFailure = null;
    int lastStatus = 0;
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      HttpRequest.Builder b = request.get()
          .timeout(settings.timeout())
          .header("Accept", "application/json")
          .header("Accept-Encoding", "gzip")
          .header("User-Agent", "tollgate");
      credentials.authorization().ifPresent(v -> b.header("Authorization", v));
      Duration wait;
      HttpResponse<InputStream> response;
      try {
        response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException(providerId + ": interrupted during " + what);
      } catch (IOException e) {
        lastFailure = e;
        lastStatus = 0;
        LOG.debug("{} attempt {} failed: {}", what, attempt,
            credentials.scrub(e.getClass().getSimpleName() + ": " + e.getMessage()));
        wait = backoff(attempt);
        pause(wait, attempt, what);
        continue;
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        byte[] body = readBody(response, what);
        LOG.debug("{} -> {} ({} bytes, attempt {})", what, status, body.length, attempt);
        return new Response(status, body);
      }
      close(response);
      if (status == 429 || status == 502 || status == 503 || status == 504) {
        lastStatus = status;
        lastFailure = null;
        wait = retryAfter(response).orElse(backoff(attempt));
        LOG.debug("{} attempt {} answered HTTP {}; waiting {} ms", what, attempt, status,
            wait.toMillis());
        pause(wait, attempt, what);
        continue;
      }
      throw statusError(status, what);
    }
    if (lastFailure != null) {
      throw new IOException(providerId + ": " + what + " failed after " + settings.maxAttempts()
          + " attempt(s): " + credentials.scrub(lastFailure.getClass().getSimpleName() + ": "
          + lastFailure.getMessage()) + "; check the network and " + settings.prefix()
          + ".timeout", lastFailure);
    }
    throw new ProviderException(providerId, what + " answered HTTP " + lastStatus + " on all "
        + settings.maxAttempts() + " attempt(s); the service is busy or unavailable; try later or"
        + " raise " + settings.prefix() + ".maxAttempts; " + ANCHOR_STATUS, null);
  }

  private ProviderException statusError(int status, String what) {
    String hint;
    if (status == 401 || status == 403) {
      hint = credentials.present()
          ? "the service refused the credential (" + Credentials.MASK + "); check the token"
          : "the service wants a credential; configure a token";
    } else if (status >= 300 && status < 400) {
      hint = "redirects are not followed; configure the final URL in " + settings.prefix();
    } else {
      hint = "check " + settings.prefix() + " settings";
    }
    return new ProviderException(providerId, what + " answered HTTP " + status + "; " + hint + "; "
        + ANCHOR_STATUS, null);
  }

  private void pause(Duration wait, int attempt, String what) throws InterruptedIOException {
    if (attempt >= settings.maxAttempts() || wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(providerId + ": interrupted while waiting to retry " + what);
    }
  }

  /** The wait after a failed attempt: backoff × 2^(attempt-1), at most maxRetryWait. */
  Duration backoff(int attempt) {
    Duration d = settings.backoff();
    for (int i = 1; i < attempt && d.compareTo(settings.maxRetryWait()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return min(d, settings.maxRetryWait());
  }

  private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    String v = response.headers().firstValue("Retry-After").orElse(null);
    if (v == null) {
      return java.util.Optional.empty();
    }
    v = v.strip();
    try {
      if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
        long s = v.length() > 9 ? Long.MAX_VALUE : Long.parseLong(v);
        return java.util.Optional.of(min(s > settings.maxRetryWait().toSeconds()
            ? settings.maxRetryWait() : Duration.ofSeconds(s), settings.maxRetryWait()));
      }
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(settings.clock().instant(), at);
      return java.util.Optional.of(d.isNegative() ? Duration.ZERO
          : min(d, settings.maxRetryWait()));
    } catch (DateTimeParseException | ArithmeticException e) {
      return java.util.Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private byte[] readBody(HttpResponse<InputStream> response, String what) throws IOException {
    String encoding = response.headers().firstValue("Content-Encoding").orElse("identity")
        .strip().toLowerCase(Locale.ROOT);
    String source = providerId + " response to " + what;
    try (InputStream raw = response.body()) {
      InputStream in = new BoundedInputStream(raw, source, settings.prefix() + ".maxResponseBytes",
          settings.maxResponseBytes());
      if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
        in = new BoundedInputStream(new GZIPInputStream(in), source,
            settings.prefix() + ".maxResponseBytes", settings.maxResponseBytes());
      } else if (!encoding.equals("identity")) {
        throw new ProviderException(providerId, what + " answered with unsupported"
            + " Content-Encoding " + SupplyChainException.quote(encoding) + "; "
            + Json.ANCHOR_INVALID, null);
      }
      return in.readAllBytes();
    } catch (java.util.zip.ZipException e) {
      throw new dev.tollgate.api.InvalidInputException(source, 0, 0, "response is not valid gzip: "
          + SupplyChainException.quote(String.valueOf(e.getMessage())) + "; " + Json.ANCHOR_INVALID,
          e);
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      LOG.trace("closing a response body failed", e);
    }
  }

  /** Refuses network use when the context is offline. */
  static void requireOnline(String providerId, boolean offline, String what) {
    if (offline) {
      throw new ProviderException(providerId, "offline mode is on, so " + what
          + " is not contacted; turn offline mode off or use a local source such as"
          + " builtin-osv-files; " + ANCHOR_OFFLINE, null);
    }
  }

  @Override
  public String toString() {
    return "Http[" + providerId + ", " + credentials + "]";
  }
}
