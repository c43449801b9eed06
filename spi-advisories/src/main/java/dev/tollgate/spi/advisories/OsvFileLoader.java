package dev.tollgate.spi.advisories;

import dev.tollgate.api.InvalidInputException;
import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.Advisory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Loads OSV records from a directory tree, a zip or a single {@code .json} file.
 *
 * <p>Only files (or zip entries) whose names end in {@code .json} are read; others (a README, a
 * LICENSE) are ignored. Records without an npm affected entry are counted and dropped. When two
 * records share an id, the one with the later {@code modified} time is kept (the first in path
 * order on a tie). Files are read in sorted path order (zip entries in zip order), so the result is
 * deterministic.
 *
 * <p>Invalid records: in {@link OnInvalid#FAIL} mode the first one aborts the load with its
 * {@link InvalidInputException} (or {@link LimitExceededException}), naming the file or
 * {@code zip!entry} and line:column. In {@link OnInvalid#SKIP} mode each is logged at WARN (the first
 * ten in full) and counted in {@link Result#rejected()}, never silently dropped.
 *
 * <p>Immutable and thread-safe.
 */
final class OsvFileLoader {
  private static final Logger LOG = LoggerFactory.getLogger(OsvFileLoader.class);
  private static final int MAX_WALK_DEPTH = 64;
  private static final int MAX_LOGGED_REJECTIONS = 10;

  /** What to do with a record that is malformed or over a per-record limit. */
  enum OnInvalid {
    /** Abort the load with the record's exception. */
    FAIL,
    /** Log it at WARN, count it and go on. */
    SKIP
  }

  /**
   * What a load produced.
   *
   * @param advisories the npm advisories, ids unique, in load order
   * @param files the JSON files or entries read
   * @param rejected records rejected as invalid (always 0 in FAIL mode)
   * @param nonNpm records without an npm affected entry
   * @param duplicates records dropped because another had the same id
   * @param newestModified the newest {@code modified} time seen, or {@link Instant#EPOCH}
   */
  record Result(List<Advisory> advisories, int files, int rejected, int nonNpm, int duplicates,
      Instant newestModified) {
  }

  private static final String MAX_RECORD_BYTES = "advisories.osv.maxRecordBytes";
  private static final int PARALLEL_THRESHOLD = 256;
  private static final int MAX_WORKERS = 4;

  private final Limits limits;
  private final long maxRecordBytes;
  private final OsvRecordParser parser;
  private final OnInvalid onInvalid;

  OsvFileLoader(Limits limits, long maxRecordBytes, OnInvalid onInvalid) {
    this.limits = limits;
    this.maxRecordBytes = maxRecordBytes;
    this.parser = new OsvRecordParser(limits, maxRecordBytes);
    this.onInvalid = onInvalid;
  }

  /**
   * Loads every record under the path.
   *
   * @param path a directory, a zip file or a {@code .json} file
   * @return the result
   * @throws IOException if the path cannot be read (or is not a zip)
   * @throws InvalidInputException if a record is malformed (FAIL mode)
   * @throws LimitExceededException if a record, or the number of records, is over the limits
   */
  Result load(Path path) throws IOException {
    String root = printable(path.toString());
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path, MAX_WALK_DEPTH)) {
        files = walk.filter(p -> isJson(p.getFileName() == null ? "" : p.getFileName().toString()))
            .filter(Files::isRegularFile)
            .sorted()
            .toList();
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      checkCount(root, files.size());
      List<Item> items = new ArrayList<>(files.size());
      for (Path f : files) {
        items.add(new Item(printable(f.toString()), () -> openFile(f, printable(f.toString()))));
      }
      return merge(root, parseAll(items));
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    if (isJson(path.getFileName().toString())) {
      checkCount(root, 1);
      return merge(root, parseAll(List.of(new Item(root, () -> openFile(path, root)))));
    }
    try {
      return loadZip(path, root);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // ZipFile reports some malformations (names, headers) this way rather than as ZipException.
      throw new java.util.zip.ZipException("malformed zip " + root + ": " + e.getMessage());
    }
  }

  private Result loadZip(Path path, String root) throws IOException {
    try (ZipFile zip = new ZipFile(path.toFile())) {
      List<Item> items = new ArrayList<>();
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory() || !isJson(e.getName())) {
          continue;
        }
        checkCount(root, items.size() + 1);
        String source = printable(path + "!" + e.getName());
        items.add(new Item(source, () -> openEntry(zip, e, source)));
      }
      return merge(root, parseAll(items));
    }
  }

  private void checkCount(String root, int files) {
    if (files > limits.maxEntries()) {
      throw new LimitExceededException(root, "maxEntries", limits.maxEntries(), files);
    }
  }

  /** Opens one record's bytes. */
  private interface Opener {
    InputStream open() throws IOException;
  }

  /** One file or zip entry to parse. */
  private record Item(String source, Opener opener) {
  }

  /** What parsing one item gave: an advisory, or the typed exception. */
  private record Outcome(String source, Advisory advisory, RuntimeException failure) {
  }

  private InputStream openFile(Path f, String source) throws IOException {
    long size = Files.size(f);
    if (size > maxRecordBytes) {
      throw new LimitExceededException(source, MAX_RECORD_BYTES, maxRecordBytes, size);
    }
    return Files.newInputStream(f);
  }

  private InputStream openEntry(ZipFile zip, ZipEntry e, String source) throws IOException {
    long size = e.getSize();
    if (size > maxRecordBytes) {
      throw new LimitExceededException(source, MAX_RECORD_BYTES, maxRecordBytes, size);
    }
    return zip.getInputStream(e);
  }

  /**
   * Parses all items, in parallel when there are many, and returns the outcomes in item order. In
   * FAIL mode a worker stops once an earlier item has failed, so the merge always reports the
   * first failure in item order, whatever the timing.
   */
  private List<Outcome> parseAll(List<Item> items) throws IOException {
    int workers = items.size() < PARALLEL_THRESHOLD ? 1
        : Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
    Outcome[] outcomes = new Outcome[items.size()];
    if (workers == 1) {
      parseRange(items, 0, items.size(), outcomes, new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE));
      return java.util.Arrays.asList(outcomes);
    }
    var firstFailure = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "tollgate-osv-load");
      t.setDaemon(true);
      return t;
    });
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    try {
      List<Future<?>> futures = new ArrayList<>();
      int chunk = (items.size() + workers - 1) / workers;
      for (int from = 0; from < items.size(); from += chunk) {
        int f = from;
        int to = Math.min(items.size(), from + chunk);
        futures.add(pool.submit(() -> {
          if (mdc != null) {
            MDC.setContextMap(mdc);
          }
          try {
            parseRange(items, f, to, outcomes, firstFailure);
          } finally {
            MDC.clear();
          }
          return null;
        }));
      }
      for (Future<?> fu : futures) {
        try {
          fu.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while loading OSV data");
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
    } finally {
      pool.shutdownNow();
    }
    return java.util.Arrays.asList(outcomes);
  }

  private void parseRange(List<Item> items, int from, int to, Outcome[] outcomes,
      java.util.concurrent.atomic.AtomicInteger firstFailure) throws IOException {
    StringPool pool = new StringPool();
    for (int i = from; i < to; i++) {
      if (i > firstFailure.get()) {
        return; // an earlier item already failed: that one is reported
      }
      Item item = items.get(i);
      try (InputStream in = item.opener().open()) {
        // The parser bounds the stream by maxRecordBytes, whatever size the entry declared.
        outcomes[i] = new Outcome(item.source(), parser.parse(in, item.source(), pool), null);
      } catch (InvalidInputException | LimitExceededException e) {
        outcomes[i] = new Outcome(item.source(), null, e);
        if (onInvalid == OnInvalid.FAIL) {
          int at = i;
          firstFailure.accumulateAndGet(at, Math::min);
          return;
        }
      }
    }
  }

  /** Merges outcomes in order: failures, non-npm records, duplicate ids. */
  private Result merge(String root, List<Outcome> outcomes) {
    Map<String, Advisory> byId = new LinkedHashMap<>(outcomes.size() * 4 / 3 + 1);
    int rejected = 0;
    int nonNpm = 0;
    int duplicates = 0;
    Instant newest = Instant.EPOCH;
    for (Outcome o : outcomes) {
      if (o == null) {
        continue; // not parsed: a worker stopped after a failure reported below or above
      }
      if (o.failure() != null) {
        if (onInvalid == OnInvalid.FAIL) {
          throw o.failure();
        }
        rejected++;
        if (rejected <= MAX_LOGGED_REJECTIONS) {
          LOG.warn("rejected OSV record: {}", o.failure().getMessage());
        }
        continue;
      }
      Advisory a = o.advisory();
      if (a.affected().isEmpty()) {
        nonNpm++;
        continue;
      }
      Instant m = instant(a.modified());
      if (m.isAfter(newest)) {
        newest = m;
      }
      Advisory old = byId.putIfAbsent(a.id(), a);
      if (old != null) {
        duplicates++;
        if (m.isAfter(instant(old.modified()))) {
          byId.put(a.id(), a);
        }
        if (LOG.isDebugEnabled()) {
          LOG.debug("duplicate OSV id {} at {}; keeping the newer",
              SupplyChainException.quote(a.id()), o.source());
        }
      }
    }
    if (rejected > 0) {
      LOG.warn("OSV data {}: {} invalid record(s) rejected and skipped", root, rejected);
    }
    return new Result(List.copyOf(byId.values()), outcomes.size(), rejected, nonNpm, duplicates,
        newest);
  }

  private static boolean isJson(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** Escapes control characters of an untrusted name used as a message source. */
  static String printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        String q = SupplyChainException.quote(s);
        return q.substring(1, q.length() - 1);
      }
    }
    return s;
  }

  /** Parses an RFC 3339 time, or returns the epoch when it is empty or not a time. */
  static Instant instant(String rfc3339) {
    if (rfc3339.isEmpty()) {
      return Instant.EPOCH;
    }
    try {
      return OffsetDateTime.parse(rfc3339).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
