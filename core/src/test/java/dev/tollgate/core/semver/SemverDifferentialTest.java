package dev.tollgate.core.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Replays the table node-semver itself produced (core/src/test/resources/semver/README.md) and
 * requires the same answer for every case.
 */
class SemverDifferentialTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Most range cases go through a cache (ranges repeat across cases); every 8th uses the facade. */
  private static final RangeCache CACHE = new RangeCache(4096);

  private static int counter;

  static List<JsonNode> cases() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = SemverDifferentialTest.class.getResourceAsStream("/semver/cases.jsonl.gz");
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
            StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  static SemverOptions opts(int code) {
    return SemverOptions.of((code & 2) != 0, (code & 1) != 0);
  }

  /** Runs one case and returns the result in the table's JSON shape ("throws" for an exception). */
  static Object actual(JsonNode c) {
    String f = c.get("f").asText();
    JsonNode a = c.get("a");
    int o = c.get("o").asInt();
    try {
      switch (f) {
        case "valid":
          return Semver.valid(a.get(0).asText(), opts(o)).orElse(null);
        case "clean":
          return Semver.clean(a.get(0).asText(), opts(o)).orElse(null);
        case "parse": {
          Optional<Version> v = Semver.parse(a.get(0).asText(), opts(o));
          if (v.isEmpty()) {
            return null;
          }
          Version x = v.get();
          return List.of(Long.toString(x.major()), Long.toString(x.minor()),
              Long.toString(x.patch()), x.prerelease(), x.build());
        }
        case "compare":
          return Semver.compare(a.get(0).asText(), a.get(1).asText(), opts(o));
        case "validRange":
          if (counter++ % 8 != 0) {
            return CACHE.get(a.get(0).asText(), opts(o)).map(Range::normalized).orElse(null);
          }
          return Semver.validRange(a.get(0).asText(), opts(o)).orElse(null);
        case "minVersion":
          if (counter++ % 8 != 0) {
            Optional<Range> r = CACHE.get(a.get(0).asText(), opts(o));
            if (r.isEmpty()) {
              return "throws";
            }
            return r.get().minVersion().map(Version::toString).orElse(null);
          }
          return Semver.minVersion(a.get(0).asText(), opts(o)).map(Version::toString).orElse(null);
        case "satisfies":
          if (counter++ % 8 != 0) {
            return CACHE.satisfies(a.get(0).asText(), a.get(1).asText(), opts(o));
          }
          return Semver.satisfies(a.get(0).asText(), a.get(1).asText(), opts(o));
        case "maxSatisfying":
        case "minSatisfying": {
          List<String> list = new ArrayList<>();
          a.get(0).forEach(n -> list.add(n.asText()));
          return (f.equals("maxSatisfying")
              ? Semver.maxSatisfying(list, a.get(1).asText(), opts(o))
              : Semver.minSatisfying(list, a.get(1).asText(), opts(o))).orElse(null);
        }
        case "intersects":
          return Semver.intersects(a.get(0).asText(), a.get(1).asText(), opts(o));
        case "coerce":
          return Semver.coerce(a.get(0).asText(),
                  new CoerceOptions((o & 2) != 0, (o & 1) != 0, (o & 4) != 0))
              .map(Version::toString).orElse(null);
        default:
          throw new IllegalStateException("unknown function " + f);
      }
    } catch (InvalidInputException e) {
      return "throws";
    }
  }

  static Object expected(JsonNode c) {
    if (c.has("e")) {
      return "throws";
    }
    return JSON.convertValue(c.get("x"), Object.class);
  }

  private static Map<String, Long> msOf(Map<String, Long> nanos) {
    Map<String, Long> ms = new TreeMap<>();
    nanos.forEach((k, v) -> ms.put(k, v / 1_000_000));
    return ms;
  }

  @Test
  void agreesWithNodeSemverOnEveryRecordedCase() throws IOException {
    List<JsonNode> cases = cases();
    Map<String, Integer> perFunction = new TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    int total = 0;
    Map<String, Long> nanos = new TreeMap<>();
    for (JsonNode c : cases) {
      Object want = expected(c);
      long t0 = System.nanoTime();
      Object got = actual(c);
      nanos.merge(c.get("f").asText(), System.nanoTime() - t0, Long::sum);
      Object gotJson = JSON.convertValue(got, Object.class);
      perFunction.merge(c.get("f").asText(), 1, Integer::sum);
      total++;
      if (!java.util.Objects.equals(want, gotJson)) {
        disagreements.add(c.get("f").asText() + " " + c.get("a") + " o=" + c.get("o")
            + " node=" + want + " java=" + gotJson);
      }
    }
    System.out.println("semver differential: " + total + " cases " + perFunction + ", "
        + disagreements.size() + " disagreements; ms per function " + msOf(nanos));
    assertTrue(total >= 50_000, "table too small: " + total);
    assertEquals(List.of(), disagreements.subList(0, Math.min(40, disagreements.size())),
        disagreements.size() + " disagreements with node-semver, first ones listed");
  }
}
