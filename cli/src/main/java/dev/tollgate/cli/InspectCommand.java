package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.Finding;
import dev.tollgate.api.Limits;
import dev.tollgate.api.Severity;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.core.PackageInspection;
import dev.tollgate.core.PackageInspector;
import dev.tollgate.core.TarEntryInfo;
import dev.tollgate.core.TextFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code tollgate inspect FILE.tgz|DIR [--integrity SRI] [--format text|json] [--fail-on
 * SEVERITY]}: inspects a package tarball or an unpacked package folder (unsafe paths and links,
 * devices, integrity, install scripts, native code, secrets, license files).
 *
 * <p>Exit codes: 0 when no finding reaches the failing severity (default {@code high}); 1 when
 * one does; 2 for bad usage or an unreadable, corrupt or over-limit tarball.
 *
 * <p>Stateless and thread-safe.
 */
final class InspectCommand implements Command {

  static final String SYNOPSIS = "tollgate inspect FILE.tgz|DIR [--integrity SRI]"
      + " [--format text|json] [--fail-on low|moderate|high|critical]";

  /** The JSON schema version of this command's output. */
  static final int SCHEMA_VERSION = 1;

  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public String summary() {
    return "inspect a package tarball or folder: paths, links, integrity, scripts, secrets";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    String path = null;
    String integrity = "";
    boolean json = false;
    Severity failOn = Severity.HIGH;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "--help" -> {
          out.println("usage: " + SYNOPSIS);
          out.println(summary());
          return OK;
        }
        case "--integrity" -> integrity = value(args, ++i, a);
        case "--format" -> {
          String f = value(args, ++i, a).toLowerCase(Locale.ROOT);
          if (!f.equals("text") && !f.equals("json")) {
            throw new UsageException("unknown format " + SupplyChainException.quote(f)
                + ", expected text or json", SYNOPSIS);
          }
          json = f.equals("json");
        }
        case "--fail-on" -> {
          String v = value(args, ++i, a);
          failOn = Severity.tryParse(v).filter(s -> s.compareTo(Severity.LOW) >= 0)
              .orElseThrow(() -> new UsageException("unknown severity "
                  + SupplyChainException.quote(v) + ", expected low, moderate, high or critical",
                  SYNOPSIS));
        }
        default -> {
          if (a.startsWith("-") && a.length() > 1) {
            throw new UsageException("unknown option " + SupplyChainException.quote(a), SYNOPSIS);
          }
          if (path != null) {
            throw new UsageException("unexpected argument " + SupplyChainException.quote(a)
                + " (one FILE or DIR only)", SYNOPSIS);
          }
          path = a;
        }
      }
    }
    if (path == null) {
      throw new UsageException("missing FILE.tgz or DIR", SYNOPSIS);
    }
    Path p = Path.of(path);
    PackageInspection inspection;
    if (Files.isDirectory(p)) {
      if (!integrity.isEmpty()) {
        throw new UsageException("--integrity applies to tarballs, not folders", SYNOPSIS);
      }
      inspection = PackageInspector.inspectDirectory(p, Limits.defaults());
    } else if (Files.exists(p)) {
      inspection = PackageInspector.inspectTarball(p, Limits.defaults(), integrity);
    } else {
      throw new NoSuchFileException(path);
    }
    if (json) {
      writeJson(inspection, failOn, out);
    } else {
      writeText(inspection, failOn, out);
    }
    return failing(inspection.findings(), failOn) ? FOUND : OK;
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new UsageException(option + " needs a value", SYNOPSIS);
    }
    return args.get(i);
  }

  static boolean failing(List<Finding> findings, Severity failOn) {
    return findings.stream().anyMatch(f -> f.severity().compareTo(failOn) >= 0);
  }

  static void writeText(PackageInspection p, Severity failOn, PrintStream out) {
    String id = p.name().isEmpty() ? "(no package.json)" : p.name() + "@" + p.version();
    out.println("package     " + TextRenderer.safe(id));
    out.println("source      " + TextRenderer.safe(p.source()));
    if (!p.sha512().isEmpty()) {
      out.println("integrity   " + p.sha512());
      out.println("size        " + p.compressedBytes() + " bytes compressed, "
          + p.uncompressedBytes() + " uncompressed");
    } else {
      out.println("size        " + p.uncompressedBytes() + " bytes in files");
    }
    long files = p.entries().stream().filter(e -> e.type() == TarEntryInfo.Type.FILE).count();
    out.println("entries     " + p.entries().size() + " (" + files + " files)");
    out.println("license     " + (p.license().isEmpty() ? "(none declared)"
        : TextRenderer.safe(p.license())) + "; license files: "
        + (p.licenseFiles().isEmpty() ? "none" : String.join(", ",
            p.licenseFiles().stream().map(TextFile::path).map(TextRenderer::safe).toList())));
    out.println("install     " + (p.hasInstallScript() ? "runs scripts on install" : "no scripts"));
    out.println();
    if (p.findings().isEmpty()) {
      out.println("no findings");
      return;
    }
    out.println(p.findings().size() + " finding(s); failing at " + failOn.id() + " or above:");
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MODERATE, Severity.LOW,
        Severity.INFO)) {
      for (Finding f : p.findings()) {
        if (f.severity() != s) {
          continue;
        }
        out.printf(Locale.ROOT, "  %-8s %-16s %s%n", s.id(), f.category().id(),
            TextRenderer.safe(f.title()));
        for (var e : f.evidence()) {
          out.println("           " + TextRenderer.safe(e.file())
              + (e.line() > 0 ? ":" + e.line() : "")
              + (e.excerpt().isEmpty() ? "" : "  " + TextRenderer.safe(e.excerpt())));
        }
        if (!f.detail().isEmpty()) {
          out.println("           " + TextRenderer.safe(f.detail()));
        }
      }
    }
  }

  static void writeJson(PackageInspection p, Severity failOn, PrintStream out) throws IOException {
    try (JsonGenerator g = Json.open(out)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("source", p.source());
      g.writeStringField("name", p.name());
      g.writeStringField("version", p.version());
      g.writeStringField("integrity", p.sha512());
      g.writeStringField("sha1", p.sha1());
      g.writeNumberField("compressedBytes", p.compressedBytes());
      g.writeNumberField("uncompressedBytes", p.uncompressedBytes());
      g.writeStringField("license", p.license());
      g.writeBooleanField("hasInstallScript", p.hasInstallScript());
      g.writeObjectFieldStart("scripts");
      for (var s : p.scripts().entrySet()) {
        g.writeStringField(s.getKey(), s.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("licenseFiles");
      for (TextFile f : p.licenseFiles()) {
        g.writeString(f.path());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("entries");
      for (TarEntryInfo e : p.entries()) {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        g.writeStringField("type", e.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        g.writeNumberField("size", e.size());
        g.writeStringField("mode", String.format(Locale.ROOT, "%04o", e.mode()));
        if (!e.linkTarget().isEmpty()) {
          g.writeStringField("linkTarget", e.linkTarget());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("failOn", failOn.id());
      g.writeBooleanField("failed", failing(p.findings(), failOn));
      g.writeArrayFieldStart("findings");
      for (Finding f : p.findings()) {
        FindingJson.write(g, f);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }
}
