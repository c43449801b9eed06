package dev.tollgate.spi.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.api.Limits;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded round trips: registry settings written as .npmrc text among noise read back the same. */
class NpmrcProperties {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 2L, 3L, 4L, 20261124L})
  void writtenSettingsAmongNoiseReadBackTheSame(long seed) {
    System.out.println("NpmrcProperties seed " + seed);
    Random r = new Random(seed);
    for (int round = 0; round < 200; round++) {
      Map<String, String> scopes = new TreeMap<>();
      String def = "";
      StringBuilder text = new StringBuilder();
      int lines = r.nextInt(12);
      for (int i = 0; i < lines; i++) {
        String ws = r.nextBoolean() ? "" : " \t";
        switch (r.nextInt(6)) {
          case 0 -> text.append("# comment ").append(r.nextInt()).append('\n');
          case 1 -> text.append("//h").append(r.nextInt(9)).append(".example/:_authToken=")
              .append(Long.toHexString(r.nextLong())).append('\n');
          case 2 -> {
            def = url(r);
            text.append(ws).append("registry").append(ws).append('=').append(ws).append(def)
                .append(r.nextBoolean() ? "\r\n" : "\n");
          }
          case 3 -> {
            String scope = "@s" + r.nextInt(5);
            String u = url(r);
            scopes.put(scope, u);
            text.append(scope).append(":registry=").append(r.nextBoolean() ? u : "\"" + u + "\"")
                .append('\n');
          }
          case 4 -> text.append("\n");
          default -> text.append("save-exact=").append(r.nextBoolean()).append('\n');
        }
      }
      Npmrc n = Npmrc.parse(".npmrc", text.toString(), Limits.defaults());
      assertEquals(def, n.defaultRegistry(), "seed " + seed + "\n" + text);
      assertEquals(scopes, n.scopes(), "seed " + seed + "\n" + text);
    }
  }

  private static String url(Random r) {
    return (r.nextBoolean() ? "https" : "http") + "://r" + r.nextInt(100) + ".example"
        + (r.nextBoolean() ? ":" + (1024 + r.nextInt(1000)) : "") + "/p" + r.nextInt(10) + "/";
  }
}
