package dev.tollgate.spi.advisories;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A local HTTP server on 127.0.0.1 (port 0) answering canned responses per path, in order, and
 * recording each request with its headers and its body (gunzipped when sent gzipped).
 */
final class LocalServer implements AutoCloseable {

  /** A canned answer. */
  record Answer(int status, Map<String, String> headers, byte[] body, boolean hangs) {
    static Answer json(String body) {
      return new Answer(200, Map.of("Content-Type", "application/json"),
          body.getBytes(StandardCharsets.UTF_8), false);
    }

    static Answer gzipJson(String body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(body.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return new Answer(200, Map.of("Content-Type", "application/json",
          "Content-Encoding", "gzip"), out.toByteArray(), false);
    }

    static Answer status(int status, Map<String, String> headers) {
      return new Answer(status, headers, "{\"error\": \"busy\"}".getBytes(StandardCharsets.UTF_8),
          false);
    }

    /** Never answers until the server closes. */
    static Answer hang() {
      return new Answer(0, Map.of(), new byte[0], true);
    }
  }

  /** A recorded request. */
  record Request(String method, String path, Map<String, List<String>> headers, byte[] rawBody,
      String body) {
    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new HashMap<>();
  private final Map<String, Answer> fallback = new HashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch closing = new CountDownLatch(1);

  LocalServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "local-http");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** The base URL, ending in a slash. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Queues answers for a path, served in order. */
  synchronized LocalServer on(String path, Answer... queued) {
    answers.computeIfAbsent(path, k -> new ArrayDeque<>()).addAll(List.of(queued));
    return this;
  }

  /** Sets the answer given once a path's queue is empty. */
  synchronized LocalServer always(String path, Answer answer) {
    fallback.put(path, answer);
    return this;
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private synchronized Answer next(String path) {
    Deque<Answer> q = answers.get(path);
    if (q != null && !q.isEmpty()) {
      return q.poll();
    }
    Answer a = fallback.get(path);
    return a != null ? a : new Answer(404, Map.of(), new byte[0], false);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] raw;
      try (InputStream in = ex.getRequestBody()) {
        raw = in.readAllBytes();
      }
      String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
      byte[] decoded = raw;
      if ("gzip".equalsIgnoreCase(enc)) {
        try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
          decoded = gz.readAllBytes();
        }
      }
      String path = ex.getRequestURI().getRawPath();
      requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()),
          raw, new String(decoded, StandardCharsets.UTF_8)));
      Answer a = next(path);
      if (a.hangs()) {
        try {
          closing.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
      if (a.body().length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(a.body());
        }
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
