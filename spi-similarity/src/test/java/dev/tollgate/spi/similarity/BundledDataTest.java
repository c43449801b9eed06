package dev.tollgate.spi.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BundledDataTest {

  @ParameterizedTest
  @ValueSource(strings = {"popular-npm.tsv", "legitimate-pairs.tsv"})
  void matchesTheHashInItsProvenance(String file) throws IOException, NoSuchAlgorithmException {
    byte[] data;
    try (InputStream in = Anchor.open(file)) {
      data = in.readAllBytes();
    }
    String prov;
    try (InputStream in = Anchor.open(file + ".provenance")) {
      prov = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String expected = prov.lines().filter(l -> l.startsWith("sha256:")).findFirst().orElseThrow()
        .substring("sha256:".length()).strip();
    String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    assertEquals(expected, actual);
    assertTrue(prov.contains("licence"));
  }

  @Test
  void listsFiftyThousandNamesMostDownloadedFirst() {
    PopularNames p = PopularNames.bundled();
    assertEquals(50_000, p.size());
    for (int i = 1; i < p.size(); i++) {
      assertTrue(p.downloads(i - 1) >= p.downloads(i), "order at " + i);
    }
    assertEquals(0, p.rankOf(p.name(0)));
    assertEquals(-1, p.rankOf("surely-not-a-popular-package-name"));
  }
}
