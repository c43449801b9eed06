package dev.tollgate.spi.similarity;

import dev.tollgate.api.ConfigurationException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.SupplyChainException;
import dev.tollgate.api.spi.NameVerdict;
import dev.tollgate.api.spi.ProviderContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checker's configuration, read from {@link ProviderContext} keys under {@code similarity.}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param targets how many of the most popular names are targets
 * @param allow names never reported
 * @param pairs known-legitimate pairs, as {@code candidate + '\t' + target}
 * @param suspiciousThreshold the lowest score of a suspicious name
 * @param squatThreshold the lowest score of a likely squat
 * @param publicRegistries the public registry URLs (for dependency confusion)
 * @param limits input bounds
 */
record Settings(int targets, Set<String> allow, Set<String> pairs, double suspiciousThreshold,
    double squatThreshold, List<String> publicRegistries, Limits limits) {

  /** Key: number of most popular names used as targets. */
  static final String TARGETS = "similarity.targets";
  /** Key: comma-separated names never reported. */
  static final String ALLOW = "similarity.allow";
  /** Key: comma-separated known-legitimate pairs {@code candidate>target}. */
  static final String PAIRS = "similarity.legitimatePairs";
  /** Key: lowest score of a suspicious name. */
  static final String SUSPICIOUS = "similarity.threshold.suspicious";
  /** Key: lowest score of a likely squat. */
  static final String SQUAT = "similarity.threshold.squat";
  /** Key: comma-separated public registry URLs. */
  static final String PUBLIC = "similarity.confusion.publicRegistries";

  /** The default number of targets: the whole bundled list. */
  static final int DEFAULT_TARGETS = 50_000;
  /** The bundled known-legitimate pairs. */
  static final String PAIRS_FILE = "legitimate-pairs.tsv";

  Settings {
    allow = Set.copyOf(allow);
    pairs = Set.copyOf(pairs);
    publicRegistries = List.copyOf(publicRegistries);
  }

  /**
   * Reads the settings.
   *
   * @param ctx the provider context
   * @return the settings
   * @throws ConfigurationException if a value is malformed
   */
  static Settings from(ProviderContext ctx) {
    int targets = (int) number(ctx, TARGETS, DEFAULT_TARGETS, 1, 10_000_000);
    Set<String> allow = new HashSet<>(list(ctx.get(ALLOW, "")));
    Set<String> pairs = new HashSet<>(bundledPairs());
    for (String p : list(ctx.get(PAIRS, ""))) {
      int gt = p.indexOf('>');
      if (gt <= 0 || gt == p.length() - 1) {
        throw new ConfigurationException("configuration " + PAIRS + " has a malformed pair "
            + SupplyChainException.quote(p) + "; expected candidate>target, comma-separated;"
            + " see docs/errors.md#configuration");
      }
      pairs.add(p.substring(0, gt).strip() + "\t" + p.substring(gt + 1).strip());
    }
    double sus = number(ctx, SUSPICIOUS, NameVerdict.DEFAULT_SUSPICIOUS, 0, 1);
    double squat = number(ctx, SQUAT, NameVerdict.DEFAULT_LIKELY_SQUAT, 0, 1);
    if (sus > squat) {
      throw new ConfigurationException("configuration " + SUSPICIOUS + " (" + sus
          + ") is above " + SQUAT + " (" + squat + "); lower it; see docs/errors.md#configuration");
    }
    List<String> pub = list(ctx.get(PUBLIC, String.join(",",
        DependencyConfusionChecker.DEFAULT_PUBLIC_REGISTRIES)));
    for (String p : pub) {
      if (Npmrc.normalise(p) == null) {
        throw new ConfigurationException("configuration " + PUBLIC + " has a value that is not"
            + " an http(s) URL: " + SupplyChainException.quote(p)
            + "; see docs/errors.md#configuration");
      }
    }
    return new Settings(targets, allow, pairs, sus, squat, pub, ctx.limits());
  }

  /**
   * Tells whether a pair is known to be legitimate.
   *
   * @param candidate the candidate
   * @param target the target
   * @return true when listed
   */
  boolean legitimate(String candidate, String target) {
    return !pairs.isEmpty() && pairs.contains(candidate + "\t" + target);
  }

  private static double number(ProviderContext ctx, String key, double def, double min,
      double max) {
    String v = ctx.get(key, "").strip();
    if (v.isEmpty()) {
      return def;
    }
    try {
      double d = Double.parseDouble(v);
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException("configuration " + key + " is not a number in [" + min
        + ", " + max + "]: " + SupplyChainException.quote(v) + "; see docs/errors.md#configuration");
  }

  private static List<String> list(String v) {
    return java.util.Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .toList();
  }

  private static final class PairsHolder {
    static final Set<String> PAIRS = readPairs();
  }

  static Set<String> bundledPairs() {
    return PairsHolder.PAIRS;
  }

  private static Set<String> readPairs() {
    Set<String> out = new HashSet<>();
    try (InputStream in = Anchor.open(PAIRS_FILE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\t");
        if (p.length >= 2) {
          out.add(p[0].strip() + "\t" + p[1].strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + PAIRS_FILE, e);
    }
    return Set.copyOf(out);
  }
}
