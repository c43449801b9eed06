package dev.tollgate.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.NameAssessment;
import dev.tollgate.api.spi.NameVerdict;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.SimilarName;
import dev.tollgate.api.spi.SimilarityChecker;
import dev.tollgate.api.spi.SimilarityCheckerProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code tollgate name NAME... [--format text|json]}: tells, for each package name, whether it
 * imitates a popular one (a typosquat): its verdict and score, and each look-alike target with the
 * mutation, an explanation and the popularity ratio. Exit code 1 when any name is a likely squat,
 * 0 otherwise, 2 for bad usage or an invalid name.
 *
 * <p>The checker is the highest-priority {@link SimilarityCheckerProvider} found by ServiceLoader;
 * system properties {@code tollgate.similarity.*} become its {@code similarity.*} configuration.
 *
 * <p>Stateless and thread-safe.
 */
final class NameCommand implements Command {

  private final Supplier<Optional<SimilarityChecker>> checker;

  /** Creates the command; the provider is looked up when it runs. */
  NameCommand() {
    this(NameCommand::discover);
  }

  /**
   * Creates the command with a given checker source (tests, embedders).
   *
   * @param checker supplies the checker, or empty when there is none
   */
  NameCommand(Supplier<Optional<SimilarityChecker>> checker) {
    this.checker = checker;
  }

  @Override
  public String name() {
    return "name";
  }

  @Override
  public String summary() {
    return "check package names for typosquats: verdict, score, look-alike targets";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    String format = "text";
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-h") || a.equals("--help")) {
        out.println(usage());
        return OK;
      } else if (a.equals("--format") || a.startsWith("--format=")) {
        if (a.equals("--format")) {
          if (i + 1 >= args.size()) {
            err.println("tollgate name: --format needs a value (text or json)");
            err.println(usage());
            return BAD_INPUT;
          }
          format = args.get(++i);
        } else {
          format = a.substring("--format=".length());
        }
        if (!format.equals("text") && !format.equals("json")) {
          err.println("tollgate name: unknown format " + SupplyChainException.quote(format)
              + "; expected text or json");
          return BAD_INPUT;
        }
      } else if (a.equals("--")) {
        names.addAll(args.subList(i + 1, args.size()));
        break;
      } else if (a.startsWith("--")) {
        err.println("tollgate name: unknown option " + SupplyChainException.quote(a));
        err.println(usage());
        return BAD_INPUT;
      } else {
        names.add(a);
      }
    }
    if (names.isEmpty()) {
      err.println("tollgate name: give at least one package name");
      err.println(usage());
      return BAD_INPUT;
    }
    Optional<SimilarityChecker> found = checker.get();
    if (found.isEmpty()) {
      err.println("tollgate name: no similarity provider found; add tollgate-spi-similarity to"
          + " the class path");
      return BAD_INPUT;
    }
    SimilarityChecker c = found.get();
    List<NameAssessment> results = new ArrayList<>(names.size());
    boolean invalid = false;
    for (String n : names) {
      try {
        results.add(c.assess(n));
      } catch (SupplyChainException e) {
        err.println("tollgate name: " + e.getMessage());
        invalid = true;
      }
    }
    if (invalid) {
      return BAD_INPUT;
    }
    if (format.equals("json")) {
      out.println(json(results));
    } else {
      results.forEach(r -> text(r, out));
    }
    return results.stream().anyMatch(r -> r.verdict() == NameVerdict.LIKELY_SQUAT) ? FOUND : OK;
  }

  static String usage() {
    return "usage: tollgate name NAME... [--format text|json]\n"
        + "  Checks each name against popular npm package names (typosquats).\n"
        + "  Exit: 1 if any name is a likely squat, 0 otherwise, 2 for bad usage or invalid names.";
  }

  private static void text(NameAssessment a, PrintStream out) {
    out.printf(Locale.ROOT, "%s: %s (score %.3f)%n", a.name(), verdict(a.verdict()), a.score());
    for (SimilarName s : a.similar()) {
      out.printf(Locale.ROOT, "  looks like %s [%s]: %s; popularity ratio %s (target %,d"
          + " downloads a month)%n", s.target(), s.mutation(), s.explanation(), ratioText(s),
          s.targetDownloads());
    }
  }

  private static String verdict(NameVerdict v) {
    return switch (v) {
      case OK -> "ok";
      case SUSPICIOUS -> "suspicious";
      case LIKELY_SQUAT -> "likely squat";
    };
  }

  /**
   * Returns the target's downloads divided by the candidate's, or empty when the candidate's are
   * unknown.
   */
  static Optional<Double> ratio(SimilarName s) {
    return s.candidateDownloads() < 0 ? Optional.empty()
        : Optional.of(s.targetDownloads() / (double) Math.max(1, s.candidateDownloads()));
  }

  private static String ratioText(SimilarName s) {
    return ratio(s).map(r -> String.format(Locale.ROOT, "%,.0fx", r))
        .orElse("unknown (the name is not among the popular ones)");
  }

  private static String json(List<NameAssessment> results) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("names");
      for (NameAssessment a : results) {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        g.writeStringField("verdict", a.verdict().name());
        g.writeNumberField("score", a.score());
        g.writeArrayFieldStart("similar");
        for (SimilarName s : a.similar()) {
          g.writeStartObject();
          g.writeStringField("target", s.target());
          g.writeStringField("mutation", s.mutation());
          g.writeStringField("explanation", s.explanation());
          g.writeNumberField("distance", s.distance());
          g.writeNumberField("score", s.score());
          g.writeNumberField("targetDownloads", s.targetDownloads());
          g.writeNumberField("candidateDownloads", s.candidateDownloads());
          Optional<Double> r = ratio(s);
          if (r.isPresent()) {
            g.writeNumberField("popularityRatio", Math.round(r.get() * 10) / 10.0);
          } else {
            g.writeNullField("popularityRatio");
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static Optional<SimilarityChecker> discover() {
    Map<String, String> config = new TreeMap<>();
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("tollgate.similarity."))
        .forEach(k -> config.put(k.substring("tollgate.".length()), System.getProperty(k)));
    ProviderContext ctx = ProviderContext.builder().putAll(config).build();
    return ServiceLoader.load(SimilarityCheckerProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparingInt(SimilarityCheckerProvider::priority).reversed()
            .thenComparing(SimilarityCheckerProvider::id))
        .findFirst().map(p -> p.create(ctx));
  }
}
