package dev.tollgate.cli;

import dev.tollgate.api.SupplyChainException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed arguments of {@code tollgate graph}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the project folder or lockfile
 * @param why the {@code --why} query ({@code NAME}, {@code NAME@VERSION} or a location), if any
 * @param format the output format
 * @param omitDev whether {@code --omit dev} was given
 * @param limit the most paths {@code --why} prints per matching package, &gt; 0
 */
record GraphOptions(String path, Optional<String> why, Format format, boolean omitDev, int limit) {

  /** The one-line synopsis of the command. */
  static final String SYNOPSIS = "tollgate graph PATH [--why NAME[@VERSION]] [--format text|json|dot]"
      + " [--omit dev] [--limit N]";

  /** Default for {@code --limit}. */
  static final int DEFAULT_LIMIT = 50;

  /** Output formats. */
  enum Format {
    /** Human-readable summary. */
    TEXT,
    /** The documented JSON schema (docs/cli-graph-json.md). */
    JSON,
    /** A Graphviz digraph. */
    DOT
  }

  GraphOptions {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(format, "format");
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0");
    }
  }

  /**
   * Parses the arguments after {@code graph}. Options may come before or after the path, as
   * {@code --opt value} or {@code --opt=value}; {@code --} ends the options.
   *
   * @param args the arguments
   * @return the options, or empty when {@code --help} was asked for
   * @throws UsageException if an argument is wrong
   */
  static Optional<GraphOptions> parse(List<String> args) {
    String path = null;
    String why = null;
    Format format = Format.TEXT;
    boolean omitDev = false;
    int limit = DEFAULT_LIMIT;
    boolean options = true;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (options && a.equals("--")) {
        options = false;
        continue;
      }
      if (options && a.startsWith("-") && a.length() > 1) {
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        switch (name) {
          case "-h", "--help" -> {
            return Optional.empty();
          }
          case "--why", "--format", "--omit", "--limit" -> {
            if (value == null) {
              if (i + 1 >= args.size()) {
                throw usage(name + " needs a value");
              }
              value = args.get(++i);
            }
          }
          default -> throw usage("unknown option " + SupplyChainException.quote(a));
        }
        switch (name) {
          case "--why" -> {
            if (value.isBlank()) {
              throw usage("--why needs a package name");
            }
            why = value;
          }
          case "--format" -> format = switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            case "dot" -> Format.DOT;
            default -> throw usage("unknown format " + SupplyChainException.quote(value)
                + ", expected text, json or dot");
          };
          case "--omit" -> {
            if (!value.equals("dev")) {
              throw usage("unsupported --omit value " + SupplyChainException.quote(value)
                  + ", expected dev");
            }
            omitDev = true;
          }
          case "--limit" -> limit = parseLimit(value);
          default -> throw new AssertionError(name);
        }
        continue;
      }
      if (path != null) {
        throw usage("unexpected argument " + SupplyChainException.quote(a) + " (one PATH only)");
      }
      path = a;
    }
    if (path == null) {
      throw usage("missing PATH (a project folder or a lockfile)");
    }
    return Optional.of(new GraphOptions(path, Optional.ofNullable(why), format, omitDev, limit));
  }

  private static int parseLimit(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw usage("--limit needs a whole number > 0, got " + SupplyChainException.quote(value));
  }

  private static UsageException usage(String message) {
    return new UsageException(message, SYNOPSIS);
  }
}
