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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private final Limits limits;
  private final OsvRecordParser parser;
  private final OnInvalid onInvalid;

  OsvFileLoader(Limits limits, long maxRecordBytes, OnInvalid onInvalid) {
    this.limits = limits;
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
    State state = new State(path.toString());
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path, MAX_WALK_DEPTH)) {
        files = walk.filter(p -> isJson(p.getFileName() == null ? "" : p.getFileName().toString()))
            .filter(Files::isRegularFile)
            .sorted()
            .toList();
      }
      for (Path f : files) {
        state.count();
        try (InputStream in = Files.newInputStream(f)) {
          state.parse(in, printable(f.toString()));
        }
      }
    } else if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    } else if (isJson(path.getFileName().toString())) {
      state.count();
      try (InputStream in = Files.newInputStream(path)) {
        state.parse(in, printable(path.toString()));
      }
    } else {
      try (ZipFile zip = new ZipFile(path.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (e.isDirectory() || !isJson(e.getName())) {
            continue;
          }
          state.count();
          try (InputStream in = zip.getInputStream(e)) {
            state.parse(in, printable(path + "!" + e.getName()));
          }
        }
      }
    }
    if (state.rejected > 0) {
      LOG.warn("OSV data {}: {} invalid record(s) rejected and skipped", printable(path.toString()),
          state.rejected);
    }
    return new Result(List.copyOf(state.byId.values()), state.files, state.rejected, state.nonNpm,
        state.duplicates, state.newest);
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

  /** Load state; confined to the loading thread. */
  private final class State {
    final String root;
    final StringPool pool = new StringPool();
    final Map<String, Advisory> byId = new LinkedHashMap<>();
    int files;
    int rejected;
    int nonNpm;
    int duplicates;
    Instant newest = Instant.EPOCH;

    State(String root) {
      this.root = root;
    }

    void count() {
      files++;
      if (files > limits.maxEntries()) {
        throw new LimitExceededException(printable(root), "maxEntries", limits.maxEntries(), files);
      }
    }

    void parse(InputStream in, String source) throws IOException {
      Advisory a;
      try {
        a = parser.parse(in, source, pool);
      } catch (InvalidInputException | LimitExceededException e) {
        if (onInvalid == OnInvalid.FAIL) {
          throw e;
        }
        rejected++;
        if (rejected <= MAX_LOGGED_REJECTIONS) {
          LOG.warn("rejected OSV record: {}", e.getMessage());
        }
        return;
      }
      if (a.affected().isEmpty()) {
        nonNpm++;
        return;
      }
      Instant m = instant(a.modified());
      if (m.isAfter(newest)) {
        newest = m;
      }
      Advisory old = byId.putIfAbsent(a.id(), a);
      if (old != null) {
        duplicates++;
        if (instant(a.modified()).isAfter(instant(old.modified()))) {
          byId.put(a.id(), a);
        }
        if (LOG.isDebugEnabled()) {
          LOG.debug("duplicate OSV id {} at {}; keeping the newer", SupplyChainException.quote(a.id()),
              source);
        }
      }
    }
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
