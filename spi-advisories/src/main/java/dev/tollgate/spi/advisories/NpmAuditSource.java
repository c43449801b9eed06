package dev.tollgate.spi.advisories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AdvisoryDataInfo;
import dev.tollgate.api.spi.AdvisorySource;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.api.spi.ProviderContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.slf4j.MDC;

/**
 * An {@link AdvisorySource} over the npm registry's bulk advisory endpoint, the one
 * {@code npm audit} uses: POST {@code -/npm/v1/security/advisories/bulk} with a gzipped JSON body
 * {@code {"name": ["version", ...]}}. Names are sent in sorted batches of at most
 * {@code advisories.npm.batchSize}; the answers are merged by advisory id and sorted.
 *
 * <p>Immutable and thread-safe.
 */
final class NpmAuditSource implements AdvisorySource {
  static final String PATH = "-/npm/v1/security/advisories/bulk";

  private final URI endpoint;
  private final Http http;
  private final NpmBulkResponseParser parser;
  private final int batchSize;
  private final ProviderContext context;
  private final Credentials credentials;

  NpmAuditSource(URI registry, Http http, Credentials credentials, int batchSize,
      long maxResponseBytes, ProviderContext context) {
    this.endpoint = registry.resolve(PATH);
    this.http = http;
    this.credentials = credentials;
    this.parser = new NpmBulkResponseParser(context.limits(), maxResponseBytes);
    this.batchSize = batchSize;
    this.context = context;
  }

  @Override
  public List<Advisory> lookup(Map<String, Set<String>> versionsByName) throws IOException {
    Http.requireOnline(NpmAuditProvider.ID, context.offline(), "the npm registry's advisory"
        + " endpoint");
    String previous = MDC.get("tollgate.provider");
    MDC.put("tollgate.provider", NpmAuditProvider.ID);
    try {
      Map<String, Set<String>> sorted = new TreeMap<>();
      versionsByName.forEach((k, v) -> sorted.put(k, new TreeSet<>(v)));
      Map<String, Advisory> merged = new TreeMap<>();
      List<String> names = new ArrayList<>(sorted.keySet());
      for (int from = 0; from < names.size(); from += batchSize) {
        Map<String, Set<String>> batch = new TreeMap<>();
        for (String n : names.subList(from, Math.min(names.size(), from + batchSize))) {
          batch.put(n, sorted.get(n));
        }
        byte[] body = gzip(requestJson(batch));
        String what = "POST " + endpoint;
        Http.Response r = http.send(() -> HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)), what);
        for (Advisory a : parser.parse(r.body(), NpmAuditProvider.ID + " response to " + what)) {
          merged.merge(a.id(), a, NpmAuditSource::union);
        }
      }
      return List.copyOf(merged.values());
    } finally {
      if (previous == null) {
        MDC.remove("tollgate.provider");
      } else {
        MDC.put("tollgate.provider", previous);
      }
    }
  }

  /** One advisory seen in two batches: its affected entries joined. */
  private static Advisory union(Advisory a, Advisory b) {
    List<AffectedPackage> all = new ArrayList<>(a.affected());
    all.addAll(b.affected());
    return new Advisory(a.id(), a.aliases(), a.summary(), a.details(), a.published(),
        a.modified(), a.withdrawn(), all, a.severity(), a.databaseSeverity(), a.references(),
        a.malicious() || b.malicious());
  }

  static byte[] requestJson(Map<String, Set<String>> batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      for (var e : batch.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        for (String v : e.getValue()) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    return out.toByteArray();
  }

  @Override
  public AdvisoryDataInfo info() {
    return new AdvisoryDataInfo("npm bulk advisories " + endpoint, context.clock().instant(), -1);
  }

  @Override
  public String toString() {
    return "NpmAuditSource[" + SupplyChainException.quote(endpoint.toString()) + ", " + credentials
        + ", offline=" + context.offline() + "]";
  }
}
