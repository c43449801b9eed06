package dev.tollgate.spi.advisories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AdvisoryDataInfo;
import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.ProviderContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/**
 * An {@link AdvisorySource} over the OSV API: {@code POST v1/querybatch} with one query per
 * (package, version) (one per package when no version is given), following
 * {@code next_page_token}s, then {@code GET v1/vulns/{id}} for each distinct id (at most
 * {@code advisories.osvapi.concurrency} at a time), parsed as an OSV record. Fetched records are
 * cached per instance by id and the {@code modified} time the batch answer gives (at most
 * {@value #MAX_CACHE} of them; never when no time is given).
 *
 * <p>Immutable and thread-safe.
 */
final class OsvApiSource implements AdvisorySource {
  static final int MAX_QUERIES_PER_BATCH = 1000;
  static final int MAX_PAGES = 100;
  static final int MAX_CACHE = 10_000;

  private final URI base;
  private final Http http;
  private final OsvQueryBatchParser batchParser;
  private final OsvRecordParser recordParser;
  private final ProviderContext context;
  private final Map<String, Advisory> cache = new ConcurrentHashMap<>();
  private final int concurrency;

  OsvApiSource(URI base, Http http, long maxResponseBytes, int concurrency,
      ProviderContext context) {
    this.base = base;
    this.concurrency = concurrency;
    this.http = http;
    this.batchParser = new OsvQueryBatchParser(context.limits(), maxResponseBytes);
    this.recordParser = new OsvRecordParser(context.limits(), maxResponseBytes);
    this.context = context;
  }

  /** One query of a batch. */
  private record Query(String name, String version, String pageToken) {
  }

  @Override
  public List<Advisory> lookup(Map<String, Set<String>> versionsByName) throws IOException {
    Http.requireOnline(OsvApiProvider.ID, context.offline(), "the OSV API");
    String previous = MDC.get("tollgate.provider");
    MDC.put("tollgate.provider", OsvApiProvider.ID);
    try {
      List<Query> pending = new ArrayList<>();
      new TreeMap<>(versionsByName).forEach((name, versions) -> {
        if (versions.isEmpty()) {
          pending.add(new Query(name, "", ""));
        } else {
          new TreeSet<>(versions).forEach(v -> pending.add(new Query(name, v, "")));
        }
      });
      TreeMap<String, String> ids = new TreeMap<>();
      int maxRequests = (pending.size() + MAX_QUERIES_PER_BATCH - 1) / MAX_QUERIES_PER_BATCH
          + MAX_PAGES;
      int requests = 0;
      while (!pending.isEmpty()) {
        if (++requests > maxRequests) {
          throw new InvalidInputException(OsvApiProvider.ID + " querybatch", 0, 0,
              "the OSV API kept answering next_page_token beyond " + MAX_PAGES
                  + " extra pages; "
                  + Json.ANCHOR_INVALID);
        }
        List<Query> batch = new ArrayList<>(pending.subList(0,
            Math.min(pending.size(), MAX_QUERIES_PER_BATCH)));
        pending.subList(0, batch.size()).clear();
        URI uri = base.resolve("v1/querybatch");
        String what = "POST " + uri;
        byte[] body = queryJson(batch);
        Http.Response r = http.send(() -> HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)), what);
        List<OsvQueryBatchParser.Result> results = batchParser.parse(r.body(),
            OsvApiProvider.ID + " response to " + what, batch.size());
        for (int i = 0; i < results.size(); i++) {
          OsvQueryBatchParser.Result res = results.get(i);
          res.vulns().forEach((id, modified) -> ids.merge(id, modified,
              (a, b) -> a.compareTo(b) >= 0 ? a : b));
          if (!res.nextPageToken().isEmpty()) {
            Query q = batch.get(i);
            pending.add(new Query(q.name(), q.version(), res.nextPageToken()));
          }
        }
      }
      List<Advisory> out = new ArrayList<>(ids.size());
      for (Advisory a : fetchAll(new ArrayList<>(ids.entrySet()))) {
        if (!a.affected().isEmpty()) {
          out.add(a);
        }
      }
      return List.copyOf(out);
    } finally {
      if (previous == null) {
        MDC.remove("tollgate.provider");
      } else {
        MDC.put("tollgate.provider", previous);
      }
    }
  }

  /**
   * Fetches the records, at most {@code concurrency} at a time, in id order; the first failure in
   * id order is thrown.
   */
  private List<Advisory> fetchAll(List<Map.Entry<String, String>> ids) throws IOException {
    if (concurrency <= 1 || ids.size() <= 1) {
      List<Advisory> out = new ArrayList<>(ids.size());
      for (Map.Entry<String, String> id : ids) {
        out.add(fetch(id.getKey(), id.getValue()));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, ids.size()), r -> {
      Thread t = new Thread(r, "tollgate-osv-api");
      t.setDaemon(true);
      return t;
    });
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    try {
      List<Future<Advisory>> futures = new ArrayList<>(ids.size());
      for (Map.Entry<String, String> id : ids) {
        futures.add(pool.submit(() -> {
          if (mdc != null) {
            MDC.setContextMap(mdc);
          }
          try {
            return fetch(id.getKey(), id.getValue());
          } finally {
            MDC.clear();
          }
        }));
      }
      List<Advisory> out = new ArrayList<>(ids.size());
      for (Future<Advisory> f : futures) {
        try {
          out.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException(OsvApiProvider.ID + ": interrupted while fetching");
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof IOException io) {
            throw io;
          }
          if (c instanceof RuntimeException re) {
            throw re;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(c);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fetches one record; cached by id and the {@code modified} time the batch answer gave. */
  private Advisory fetch(String id, String modified) throws IOException {
    String key = id + "@" + modified;
    Advisory cached = modified.isEmpty() ? null : cache.get(key);
    if (cached != null) {
      return cached;
    }
    URI uri = base.resolve("v1/vulns/" + id);
    String what = "GET " + uri;
    Http.Response r = http.send(() -> HttpRequest.newBuilder(uri).GET(), what);
    Advisory a = recordParser.parse(r.body(), OsvApiProvider.ID + " response to " + what,
        new StringPool());
    if (!a.id().equals(id)) {
      throw new InvalidInputException(OsvApiProvider.ID + " response to " + what, 0, 0,
          "asked for " + SupplyChainException.quote(id) + " but got "
              + SupplyChainException.quote(a.id()) + "; " + Json.ANCHOR_INVALID);
    }
    if (!modified.isEmpty()) {
      if (cache.size() >= MAX_CACHE) {
        cache.clear();
      }
      cache.put(key, a);
    }
    return a;
  }

  static byte[] queryJson(List<Query> batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("queries");
      for (Query q : batch) {
        g.writeStartObject();
        g.writeObjectFieldStart("package");
        g.writeStringField("name", q.name());
        g.writeStringField("ecosystem", OsvRecordParser.NPM);
        g.writeEndObject();
        if (!q.version().isEmpty()) {
          g.writeStringField("version", q.version());
        }
        if (!q.pageToken().isEmpty()) {
          g.writeStringField("page_token", q.pageToken());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    return out.toByteArray();
  }

  @Override
  public AdvisoryDataInfo info() {
    return new AdvisoryDataInfo("OSV API " + base, context.clock().instant(), -1);
  }

  @Override
  public String toString() {
    return "OsvApiSource[" + SupplyChainException.quote(base.toString()) + ", offline="
        + context.offline() + "]";
  }
}
