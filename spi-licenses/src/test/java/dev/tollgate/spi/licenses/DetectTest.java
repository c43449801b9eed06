package dev.tollgate.spi.licenses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.LimitExceededException;
import dev.tollgate.api.Limits;
import dev.tollgate.api.spi.LicenseMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectTest {
  private static final BuiltinLicenseDetector D = new BuiltinLicenseDetector(Limits.defaults(), true);

  private static String text(String id) {
    return SpdxData.get().license(id).orElseThrow().text();
  }

  @Test
  void findsBothLicensesInADualLicenseFile() {
    String mit = text("MIT").replace("<year> <copyright holders>", "2024 Example");
    String file = "This project is dual licensed.\n\n" + mit + "\n\n-----\n\n" + text("Apache-2.0");
    List<LicenseMatch> m = D.detect("LICENSE", file).stream()
        .filter(x -> x.kind() == LicenseMatch.Kind.TEXT).toList();
    assertEquals(List.of("MIT", "Apache-2.0"), m.stream().map(LicenseMatch::expression).toList(),
        m.toString());
    assertTrue(m.get(0).end() <= m.get(1).start(), m.toString());
    assertTrue(m.get(0).score() > 0.95 && m.get(1).score() > 0.95, m.toString());
  }

  @Test
  void reportsTheMatchedSpan() {
    String prefix = "# Project\n\nSome readme words here.\n\n";
    String file = prefix + text("ISC");
    LicenseMatch m = D.detect("README.md", file).get(0);
    assertEquals("ISC", m.expression());
    assertTrue(m.start() >= prefix.length() - 1 && m.end() <= file.length(), m.toString());
  }

  @Test
  void findsSpdxTags() {
    String js = "/* SPDX-License-Identifier: (MIT OR Apache-2.0) */\nconsole.log(1);\n"
        + "// SPDX-License-Identifier: GPL-2.0-or-later WITH Classpath-exception-2.0\n";
    List<LicenseMatch> m = D.detect("index.js", js);
    assertEquals(2, m.size(), m.toString());
    assertEquals("MIT OR Apache-2.0", m.get(0).expression());
    assertEquals(LicenseMatch.Kind.SPDX_TAG, m.get(0).kind());
    assertEquals("GPL-2.0-or-later WITH Classpath-exception-2.0", m.get(1).expression());
  }

  @Test
  void findsShortNotices() {
    assertEquals("MIT", only("/**\n * @license MIT\n */"));
    assertEquals("MIT", only("Licensed under the MIT license."));
    assertEquals("Apache-2.0", only("Licensed under the Apache License, Version 2.0 (the \"License\");"));
    assertEquals("BSD-3-Clause", only("Released under the BSD-3-Clause license"));
    assertEquals("ISC", only("License: ISC"));
  }

  private static String only(String text) {
    List<LicenseMatch> m = D.detect("x.js", text);
    assertEquals(1, m.size(), m.toString());
    assertEquals(LicenseMatch.Kind.NOTICE, m.get(0).kind());
    return m.get(0).expression();
  }

  @Test
  void findsNothingInOrdinaryCode() {
    assertEquals(List.of(), D.detect("a.js", "function f(x) { return x + 1; }\n".repeat(50)));
    assertEquals(List.of(), D.detect("a.js", ""));
  }

  @Test
  void handlesLargeHostileTextsWithoutHangingOrThrowing() {
    StringBuilder sb = new StringBuilder();
    java.util.Random r = new java.util.Random(42);
    String[] words = {"license", "the", "software", "copyright", "(c)", "-", "1.", "<", ">",
        "SPDX-License-Identifier:", "@license", "licensed under the", "\n", "MIT", "OR"};
    while (sb.length() < 2_000_000) {
      sb.append(words[r.nextInt(words.length)]).append(r.nextInt(4) == 0 ? "\n" : " ");
    }
    String hostile = sb + "-".repeat(200_000) + "<".repeat(100_000) + "licensed under "
        + " ".repeat(100_000);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> D.detect("LICENSE", hostile));
  }

  @Test
  void enforcesTheDocumentSizeLimit() {
    BuiltinLicenseDetector small = new BuiltinLicenseDetector(
        Limits.builder().maxDocumentBytes(100).build(), true);
    assertThrows(LimitExceededException.class, () -> small.detect("LICENSE", "x".repeat(101)));
  }

  @Test
  void canSwitchOffTextMatching() {
    BuiltinLicenseDetector noText = new BuiltinLicenseDetector(Limits.defaults(), false);
    assertEquals(List.of(), noText.detect("LICENSE", text("MIT")).stream()
        .filter(x -> x.kind() == LicenseMatch.Kind.TEXT).toList());
  }
}
