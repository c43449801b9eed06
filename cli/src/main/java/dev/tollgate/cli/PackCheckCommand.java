package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.Evidence;
import dev.tollgate.api.Finding;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Severity;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.PackCheck;
import dev.tollgate.core.PackageInspector;
import dev.tollgate.core.PackedFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code tollgate pack-check DIR [--format text|json] [--large-file BYTES] [--large-total
 * BYTES]}: lists what {@code npm pack} would publish from a package folder, with sizes, and what
 * looks wrong in it (secrets, key and environment files, large files, tests, CI and editor
 * folders, archives, {@code files} entries that match nothing).
 *
 * <p>Exit codes: 0 when no finding is {@code high} or worse; 1 when one is; 2 for bad usage, a
 * missing folder, a malformed package.json or a folder over a limit.
 *
 * <p>Stateless and thread-safe.
 */
final class PackCheckCommand implements Command {

  static final String SYNOPSIS = "tollgate pack-check DIR [--format text|json]"
      + " [--large-file BYTES] [--large-total BYTES]";

  /** The JSON schema version of this command's output. */
  static final int SCHEMA_VERSION = 1;

  private static final long DEFAULT_LARGE_FILE = 1L << 20;
  private static final long DEFAULT_LARGE_TOTAL = 10L << 20;

  @Override
  public String name() {
    return "pack-check";
  }

  @Override
  public String summary() {
    return "list what npm pack would publish from a folder and flag secrets, large and stray files";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    String dir = null;
    boolean json = false;
    long largeFile = DEFAULT_LARGE_FILE;
    long largeTotal = DEFAULT_LARGE_TOTAL;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "--help" -> {
          out.println("usage: " + SYNOPSIS);
          out.println(summary());
          return OK;
        }
        case "--format" -> {
          if (i + 1 >= args.size()) {
            return usage(err, "--format needs a value");
          }
          String f = args.get(++i).toLowerCase(Locale.ROOT);
          if (!f.equals("text") && !f.equals("json")) {
            return usage(err, "unknown format " + SupplyChainException.quote(f)
                + ", expected text or json");
          }
          json = f.equals("json");
        }
        case "--large-file", "--large-total" -> {
          if (i + 1 >= args.size()) {
            return usage(err, a + " needs a value");
          }
          long v = bytes(args.get(++i));
          if (v < 0) {
            return usage(err, a + " needs a number of bytes, was "
                + SupplyChainException.quote(args.get(i)));
          }
          if (a.equals("--large-file")) {
            largeFile = v;
          } else {
            largeTotal = v;
          }
        }
        default -> {
          if (a.startsWith("-") && a.length() > 1) {
            return usage(err, "unknown option " + SupplyChainException.quote(a));
          }
          if (dir != null) {
            return usage(err, "one folder only, got " + SupplyChainException.quote(dir) + " and "
                + SupplyChainException.quote(a));
          }
          dir = a;
        }
      }
    }
    if (dir == null) {
      return usage(err, "missing the package folder");
    }
    Path path;
    try {
      path = Path.of(dir);
    } catch (java.nio.file.InvalidPathException bad) {
      return usage(err, "not a valid path: " + SupplyChainException.quote(dir));
    }
    if (!Files.isDirectory(path)) {
      err.println("tollgate pack-check: not a folder: " + SupplyChainException.quote(dir));
      return BAD_INPUT;
    }
    PackCheck check;
    try {
      check = PackageInspector.packCheck(path, Limits.defaults(), largeFile, largeTotal);
    } catch (SupplyChainException e) {
      err.println("tollgate pack-check: " + e.getMessage());
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("tollgate pack-check: cannot read " + SupplyChainException.quote(dir) + ": "
          + SupplyChainException.quote(String.valueOf(e.getMessage())));
      return BAD_INPUT;
    }
    try {
      if (json) {
        json(check, out);
      } else {
        text(check, out);
      }
    } catch (IOException e) {
      err.println("tollgate pack-check: cannot write the output: " + e.getMessage());
      return BAD_INPUT;
    }
    return check.hasFindingAtLeast(Severity.HIGH) ? FOUND : OK;
  }

  private static int usage(PrintStream err, String message) {
    err.println("tollgate pack-check: " + message);
    err.println("usage: " + SYNOPSIS);
    return BAD_INPUT;
  }

  /** Parses a byte count: digits with an optional k, m or g suffix (powers of 1024); -1 if bad. */
  static long bytes(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    long mul = 1;
    if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
      mul = t.endsWith("k") ? 1L << 10 : t.endsWith("m") ? 1L << 20 : 1L << 30;
      t = t.substring(0, t.length() - 1);
    }
    if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(t) * mul;
  }

  private static void text(PackCheck c, PrintStream out) {
    String id = c.name().isEmpty() ? c.source() : c.name() + "@" + c.version();
    out.println("package: " + id);
    out.println("files (" + c.files().size() + ", " + c.totalBytes() + " bytes):");
    for (PackedFile f : c.files()) {
      out.printf(Locale.ROOT, "%10d  %s%n", f.size(), printable(f.path()));
    }
    if (c.findings().isEmpty()) {
      out.println("findings: none");
      return;
    }
    out.println("findings (" + c.findings().size() + "):");
    for (Finding f : c.findings()) {
      out.println("  " + f.severity().name() + "  " + f.category().id() + "  "
          + printable(f.title()));
      if (!f.detail().isEmpty()) {
        out.println("      " + printable(f.detail()));
      }
      for (Evidence e : f.evidence()) {
        StringBuilder sb = new StringBuilder("      at ").append(printable(e.file()));
        if (e.line() > 0) {
          sb.append(':').append(e.line());
        }
        if (!e.excerpt().isEmpty()) {
          sb.append("  ").append(printable(e.excerpt()));
        }
        out.println(sb);
      }
    }
  }

  /** Escapes control characters so untrusted names cannot drive the terminal. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static void json(PackCheck c, PrintStream out) throws IOException {
    try (JsonGenerator g = Json.open(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("source", c.source());
      g.writeStringField("name", c.name());
      g.writeStringField("version", c.version());
      g.writeNumberField("fileCount", c.files().size());
      g.writeNumberField("totalBytes", c.totalBytes());
      g.writeArrayFieldStart("files");
      for (PackedFile f : c.files()) {
        g.writeStartObject();
        g.writeStringField("path", f.path());
        g.writeNumberField("size", f.size());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : c.findings()) {
        FindingJson.write(g, f);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }
}
