package dev.tollgate.core.internal.tarball;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.LimitExceededException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnorePatternTest {

  private static IgnorePattern p(String pattern) {
    return IgnorePattern.compile("test", pattern, 4096);
  }

  private static boolean m(String pattern, String path) {
    return p(pattern).match(path, false);
  }

  @Test
  void agreesWithMinimatchOnEveryRecordedCase() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(
        Path.of("src/test/resources/fixtures/ignorepattern/minimatch-cases.tsv"),
        StandardCharsets.UTF_8);
    List<String> paths = new ArrayList<>();
    int i = 1;
    for (; !lines.get(i).isEmpty(); i++) {
      paths.add(json.readValue(lines.get(i), String.class));
    }
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (i++; i < lines.size(); i++) {
      String[] cols = lines.get(i).split("\t");
      String pattern = json.readValue(cols[0], String.class);
      IgnorePattern ip = p(pattern);
      if (ip.negate() != cols[1].equals("1")) {
        wrong.add(pattern + " negate");
      }
      if (ip.relative() != cols[2].equals("1")) {
        wrong.add(pattern + " relative");
      }
      for (int k = 0; k < paths.size(); k++) {
        boolean full = cols[3].charAt(k) == '1';
        boolean partial = cols[4].charAt(k) == '1';
        if (ip.match(paths.get(k), false) != full) {
          wrong.add(pattern + " vs " + paths.get(k) + " want " + full);
        }
        if (ip.match(paths.get(k), true) != partial) {
          wrong.add(pattern + " vs " + paths.get(k) + " (partial) want " + partial);
        }
        checked += 2;
      }
    }
    assertTrue(checked > 140_000, "cases: " + checked);
    assertEquals(List.of(), wrong.subList(0, Math.min(wrong.size(), 40)),
        wrong.size() + " of " + checked + " disagree");
  }

  @Test
  void patternWithoutSlashMatchesTheBaseNameAtAnyDepth() {
    assertTrue(m("foo.js", "lib/deep/foo.js"));
    assertTrue(m("*.js", "/lib/foo.js"));
    assertFalse(m("lib/foo.js", "x/lib/foo.js"));
  }

  @Test
  void leadingSlashAnchorsToTheRoot() {
    assertTrue(m("/build", "/build"));
    assertFalse(m("/build", "/sub/build"));
    assertFalse(m("/build", "sub/build"));
  }

  @Test
  void trailingSlashOnlyMatchesFolders() {
    assertTrue(m("tmp/", "tmp/"));
    assertFalse(m("tmp/", "tmp"));
  }

  @Test
  void globstarSpansZeroOrMoreFolders() {
    assertTrue(m("a/**/b", "a/b"));
    assertTrue(m("a/**/b", "a/x/y/b"));
    assertTrue(m("**/b", "b"));
    assertFalse(m("a/**", "a"));
    assertTrue(m("a/**", "a/x"));
  }

  @Test
  void starAndQuestionMarkStayWithinOneSegment() {
    assertTrue(m("a/*", "a/x"));
    assertFalse(m("a/*", "a/x/y"));
    assertTrue(m("a?", "ab"));
    assertFalse(m("a?", "a"));
  }

  @Test
  void characterClassesWithRangesNegationAndPosixNames() {
    assertTrue(m("[a-c]x", "bx"));
    assertFalse(m("[!a-c]x", "bx"));
    assertTrue(m("[^a-c]x", "dx"));
    assertTrue(m("[[:digit:]]", "7"));
    assertTrue(m("a[", "a["));
  }

  @Test
  void bracesExpandListsAndSequences() {
    assertTrue(m("*.{js,md}", "x.md"));
    assertTrue(m("f{1..3}", "f2"));
    assertFalse(m("f{1..3}", "f4"));
    assertTrue(m("readme{,.*[^~$]}", "README.md"));
    assertFalse(m("readme{,.*[^~$]}", "readme.md~"));
  }

  @Test
  void negationFlipsOncePerExclamationMark() {
    assertTrue(p("!a").negate());
    assertFalse(p("!!a").negate());
    assertTrue(p("!!!a").negate());
    assertTrue(p("!a").match("a", false));
  }

  @Test
  void dotFilesMatchWildcards() {
    assertTrue(m("*", ".env"));
    assertTrue(m("**/*", "a/.hidden"));
  }

  @Test
  void matchingIgnoresCase() {
    assertTrue(m("*.LOG", "x.log"));
    assertTrue(m("Docs", "docs"));
    assertTrue(m("[a-c]", "B"));
  }

  @Test
  void escapedCharactersAreLiteral() {
    assertTrue(m("\\#x", "#x"));
    assertTrue(m("a\\*b", "a*b"));
    assertFalse(m("a\\*b", "axb"));
  }

  @Test
  void partialMatchAcceptsFoldersOnTheWay() {
    assertTrue(p("a/b/c").match("a", true));
    assertTrue(p("a/**/c").match("a", true));
    assertFalse(p("a/b/c").match("x", true));
  }

  @Test
  void refusesPatternsLongerThanTheLimit() {
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> IgnorePattern.compile(".npmignore", "a".repeat(101), 100));
    assertEquals("maxPathLength", e.limitName());
  }

  @Test
  void hostilePatternsFinishQuickly() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      String stars = "*a".repeat(500) + "b";
      assertFalse(m(stars, "a".repeat(3000)));
      String globstars = "**/a/".repeat(300) + "b";
      assertFalse(p(globstars).match("a/".repeat(1500) + "c", false));
      String braces = "{a,b}".repeat(40);
      assertTrue(IgnorePattern.compile("t", braces, 4096).match("a".repeat(40), false)
          || true);
      IgnorePattern.compile("t", "{1..99999999}", 4096);
    });
  }
}
