package dev.tollgate.spi.licenses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SpdxDataTest {
  @Test
  void bundledDataMatchesTheChecksumInItsProvenanceFile() throws Exception {
    byte[] data;
    try (InputStream in = Anchor.class.getResourceAsStream(SpdxData.RESOURCE)) {
      assertNotNull(in);
      data = in.readAllBytes();
    }
    Properties p = new Properties();
    try (InputStream in = Anchor.class.getResourceAsStream(SpdxData.RESOURCE + ".provenance")) {
      assertNotNull(in);
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    assertEquals(p.getProperty("sha256"), sha);
    assertEquals(Integer.parseInt(p.getProperty("licenses")), SpdxData.get().licenses().size());
  }

  @Test
  void knowsCanonicalCaseDeprecationAndExceptions() {
    SpdxData d = SpdxData.get();
    assertEquals("Apache-2.0", d.canonicalLicenseId("apache-2.0").orElseThrow());
    assertTrue(d.isDeprecated("GPL-2.0"));
    assertTrue(!d.isDeprecated("GPL-2.0-only"));
    assertEquals("Classpath-exception-2.0",
        d.canonicalExceptionId("classpath-exception-2.0").orElseThrow());
    assertTrue(d.license("MIT").orElseThrow().osiApproved());
  }
}
