package dev.tollgate.core.internal.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Severity;
import dev.tollgate.api.spi.Advisory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CvssTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      // vectors of the GHSA sample records, with the scores GHSA and NVD publish for them
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5", // GHSA-224h-p7p5-rh85
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8", // GHSA-226w, CVE-2022-23812
      "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:L/A:H, 7.1", // CVE-2022-46175 json5
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1", // CVE-2023-28155 request
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L, 5.3", // CVE-2022-25883 semver
      "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 9.3", // GHSA-67hx-6x53-jw92 (GHSA: 9.3)
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H, 7.5", // CVE-2024-37890 ws
      // examples of the CVSS v3.1 specification's "Examples" document
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8", // CVE-2014-6271 Shellshock
      "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1", // CVE-2013-1937 phpMyAdmin XSS
      "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H, 9.9", // scope change, low privileges
      "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H, 9.1", // PR:H changed weighs 0.5
      "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.6", // the lowest non-zero corner
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0", // no impact scores 0
      // temporal metrics are ignored for the base score
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C, 9.8"})
  void baseScoresMatchThePublishedScores(String vector, double score) {
    assertEquals(score, Cvss.baseScoreV3(vector).orElseThrow(), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:", "CVSS:3.1//"})
  void invalidVectorsHaveNoScore(String vector) {
    assertTrue(Cvss.baseScoreV3(vector).isEmpty());
  }

  @Test
  void roundupIsTheSpecsAppendixFunction() {
    assertEquals(4.1, Cvss.roundup(4.02), 0.0);
    assertEquals(4.0, Cvss.roundup(4.00), 0.0);
    assertEquals(4.0, Cvss.roundup(3.9999999999), 0.0); // float noise does not round up
  }

  @Test
  void severityPrefersMaliciousThenCvssThenTheDatabaseRating() {
    String v3 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L"; // 5.3
    String v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    assertEquals(Severity.CRITICAL, Auditor.severityOf(adv(List.of(), "", true)));
    assertEquals(Severity.MODERATE, Auditor.severityOf(adv(List.of(
        new Advisory.SeverityScore("CVSS_V3", v3)), "HIGH", false)));
    assertEquals(Severity.HIGH, Auditor.severityOf(adv(List.of(
        new Advisory.SeverityScore("CVSS_V4", v4)), "HIGH", false)));
    assertEquals(Severity.LOW, Auditor.severityOf(adv(List.of(), "low", false)));
    assertEquals(Severity.MODERATE, Auditor.severityOf(adv(List.of(), "", false)));
  }

  private static Advisory adv(List<Advisory.SeverityScore> scores, String db, boolean malicious) {
    return new Advisory("X-1", List.of(), "", "", "", "", "", List.of(), scores, db, List.of(),
        malicious);
  }
}
