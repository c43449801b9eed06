package dev.tollgate.spi.licenses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property: printing a random expression, parsing it and printing again gives the same
 * text, also when the printed form is re-spaced, wrapped in extra parentheses and written with
 * lower-case operators. The seed is in the test name.
 */
class SpdxExpressionProperties {
  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x5EED_0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parsePrintParseRoundTrips(long seed) {
    Random r = new Random(seed);
    String printed = SpdxExpression.print(random(r, 0));
    String reparsed = SpdxExpression.print(SpdxExpression.parse(printed).node());
    assertEquals(printed, reparsed, "seed " + seed);
    String noisy = "( " + printed.replace(" OR ", r.nextBoolean() ? "  or\n" : " OR ")
        .replace(" AND ", r.nextBoolean() ? "\tand " : " AND ").replace("(", "( ") + " )";
    assertEquals(printed, SpdxExpression.print(SpdxExpression.parse(noisy).node()),
        "seed " + seed + ": " + noisy);
  }

  private static SpdxExpression.Node random(Random r, int depth) {
    int kind = depth >= 5 ? r.nextInt(3) : r.nextInt(5);
    List<SpdxData.License> all = SpdxData.get().licenses();
    switch (kind) {
      case 0 -> {
        String id = all.get(r.nextInt(all.size())).id();
        return new SpdxExpression.Lic(id, r.nextInt(5) == 0 && !id.endsWith("+"));
      }
      case 1 -> {
        List<String> exc = SpdxData.get().exceptionIds();
        String id = all.get(r.nextInt(all.size())).id();
        return new SpdxExpression.With(new SpdxExpression.Lic(id, false),
            exc.get(r.nextInt(exc.size())));
      }
      case 2 -> {
        return new SpdxExpression.Lic(r.nextBoolean() ? "LicenseRef-x" + r.nextInt(100)
            : "DocumentRef-d" + r.nextInt(9) + ":LicenseRef-y." + r.nextInt(9), false);
      }
      default -> {
        List<SpdxExpression.Node> terms = new ArrayList<>();
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          terms.add(random(r, depth + 1));
        }
        return kind == 3 ? new SpdxExpression.And(terms) : new SpdxExpression.Or(terms);
      }
    }
  }
}
