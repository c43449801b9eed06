package dev.tollgate.cli;

import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.Lockfile;
import dev.tollgate.core.Lockfiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tollgate graph PATH [--why NAME[@VERSION]] [--format text|json|dot] [--omit dev]
 * [--limit N]}: reads a lockfile (or a project folder's) into the dependency graph and prints a
 * summary, the paths that bring a package in, the whole graph as JSON, or a Graphviz digraph.
 *
 * <p>Exit codes: 0 fine; 2 for a usage error, an unreadable or malformed lockfile, or a
 * {@code --why} package that is not in the graph.
 *
 * <p>Stateless and thread-safe.
 */
final class GraphCommand implements Command {

  @Override
  public String name() {
    return "graph";
  }

  @Override
  public String summary() {
    return "read a lockfile into the dependency graph: summary, --why paths, JSON or DOT";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    Optional<GraphOptions> parsed = GraphOptions.parse(args);
    if (parsed.isEmpty()) {
      help(out);
      return OK;
    }
    GraphOptions options = parsed.get();
    Logger log = LoggerFactory.getLogger(GraphCommand.class);
    long start = System.nanoTime();
    Lockfile lock = Lockfiles.read(Path.of(options.path()), Limits.defaults());
    if (log.isDebugEnabled()) {
      log.debug("read {} ({} {}) in {} ms: {}", lock.source(), lock.format(), lock.formatVersion(),
          (System.nanoTime() - start) / 1_000_000, lock.graph());
    }
    return render(options, lock, out, err);
  }

  /**
   * Renders a lockfile that is already read: what {@link #run} does after reading. Tests call it
   * with hand-made graphs.
   *
   * @param options the options
   * @param read the lockfile as read
   * @param out where results go
   * @param err where diagnostics go
   * @return the exit code
   * @throws IOException if writing fails
   */
  static int render(GraphOptions options, Lockfile read, PrintStream out, PrintStream err)
      throws IOException {
    Lockfile lock = options.omitDev()
        ? new Lockfile(read.source(), read.format(), read.formatVersion(), read.graph().prodOnly(),
            read.warnings())
        : read;
    Optional<Why> why = Optional.empty();
    if (options.why().isPresent()) {
      Why w = Why.compute(lock.graph(), options.why().get(), options.limit());
      if (w.matches().isEmpty()) {
        err.println("tollgate graph: " + SupplyChainException.quote(w.query())
            + " is not in the graph of " + TextRenderer.safe(lock.source())
            + (options.omitDev() ? " (dev packages omitted)" : ""));
        return BAD_INPUT;
      }
      why = Optional.of(w);
    }
    switch (options.format()) {
      case TEXT -> {
        if (why.isPresent()) {
          TextRenderer.why(lock, why.get(), out);
        } else {
          TextRenderer.summary(lock, options.omitDev(), out);
        }
      }
      case JSON -> JsonRenderer.render(lock, options.omitDev(), why, out);
      case DOT -> DotRenderer.render(lock.graph(), why, out);
      default -> throw new IllegalStateException(options.format().toString());
    }
    out.flush();
    return OK;
  }

  private static void help(PrintStream out) {
    out.println("Usage: " + GraphOptions.SYNOPSIS);
    out.println();
    out.println("Reads PATH (a project folder or a lockfile: package-lock.json, npm-shrinkwrap.json,");
    out.println("yarn.lock, pnpm-lock.yaml) into the dependency graph and prints a summary.");
    out.println();
    out.println("Options:");
    out.println("  --why NAME[@VERSION]      print every path that brings the package in");
    out.println("                            (also a location such as node_modules/a/node_modules/b)");
    out.println("  --format text|json|dot    output format (default text); JSON: docs/cli-graph-json.md");
    out.println("  --omit dev                leave out packages needed only for development");
    out.println("  --limit N                 most paths per package for --why (default "
        + GraphOptions.DEFAULT_LIMIT + ")");
    out.println("  -h, --help                show this help");
    out.println();
    out.println("Exit codes: 0 fine, 2 usage error, unreadable or malformed lockfile, or --why");
    out.println("package not in the graph.");
  }
}
