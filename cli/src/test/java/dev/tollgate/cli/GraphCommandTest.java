package dev.tollgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.core.Lockfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text output and --why, on hand-made graphs (golden files under resources/golden). */
class GraphCommandTest {

  private final Lockfile sample = SampleGraphs.sample(false);

  @Test
  void printsSummaryAsInGoldenFile() {
    Cli.Result r = Cli.render(sample);
    assertEquals(0, r.code(), r.err());
    assertEquals(Cli.golden("summary.txt", r.out()), r.out());
    assertEquals("", r.err());
  }

  @Test
  void summaryCountsPackagesByFlagAndListsScriptsUnscannedAndWarnings() {
    String out = Cli.render(sample).out();
    assertTrue(out.contains("packages        8 (prod 6, dev 1, optional 1, devOptional 0, peer 0)"),
        out);
    assertTrue(out.contains("links           1"), out);
    assertTrue(out.contains("edges           11 (missing 1)"), out);
    assertTrue(out.contains("  b (2): 1.0.0, 2.0.0"), out);
    assertTrue(out.contains("  b@1.0.0 (node_modules/a/node_modules/b)"), out);
    assertTrue(out.contains("  c@0.1.0 (node_modules/c): git dependency without a pinned commit"),
        out);
    assertTrue(out.contains("warnings        1\n  node_modules/c: git"), out);
  }

  @Test
  void omitsDevPackages() {
    Cli.Result r = Cli.render(sample, "--omit", "dev");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("omitted         dev"), r.out());
    assertTrue(r.out().contains("packages        7 (prod 6, dev 0,"), r.out());
  }

  @Test
  void sameGraphBuiltInAnyOrderPrintsTheSame() {
    Lockfile reversed = SampleGraphs.sample(true);
    for (String[] args : List.of(new String[0], new String[] {"--format", "json"},
        new String[] {"--format", "dot"}, new String[] {"--why", "shared", "--format", "json"})) {
      assertEquals(Cli.render(sample, args).out(), Cli.render(reversed, args).out());
    }
  }

  @Test
  void whyPrintsEveryPathAsInGoldenFile() {
    Cli.Result r = Cli.render(sample, "--why", "shared");
    assertEquals(0, r.code(), r.err());
    assertEquals(Cli.golden("why-shared.txt", r.out()), r.out());
  }

  @Test
  void whyFollowsWorkspaceLinks() {
    String out = Cli.render(sample, "--why", "shared").out();
    assertTrue(out.contains("  2 paths\n"), out);
    assertTrue(out.contains("my-app@1.0.0 -> a@1.0.0 [prod ^1.0.0] -> shared@1.2.3 [prod ^1.2.0]"),
        out);
    assertTrue(out.contains("my-app@1.0.0 -> ws [prod file:packages/ws] -> ws@0.0.1 [link]"
        + " -> shared@1.2.3 [prod ~1.2.3]"), out);
  }

  @Test
  void whyMatchesNameAndVersion() {
    String out = Cli.render(sample, "--why", "b@1.0.0").out();
    assertTrue(out.startsWith("b@1.0.0 (node_modules/a/node_modules/b) hasInstallScript\n"), out);
    assertFalse(out.contains("b@2.0.0"), out);
  }

  @Test
  void whyWithNameAloneListsEveryVersion() {
    String out = Cli.render(sample, "--why", "b").out();
    assertTrue(out.contains("b@1.0.0 (node_modules/a/node_modules/b)"), out);
    assertTrue(out.contains("b@2.0.0 (node_modules/b) dev\n  1 path\n"
        + "  my-app@1.0.0 -> b@2.0.0 [dev ^2.0.0]"), out);
  }

  @Test
  void whyMatchesLocationAndAliasTarget() {
    assertTrue(Cli.render(sample, "--why", "node_modules/a/node_modules/b").out()
        .startsWith("b@1.0.0 (node_modules/a/node_modules/b)"));
    String alias = Cli.render(sample, "--why", "string-width").out();
    assertTrue(alias.startsWith("str@4.2.3 (node_modules/str)"), alias);
    assertTrue(alias.contains("[prod npm:string-width@^4.2.0]"), alias);
  }

  @Test
  void whySaysWhenPathsAreTruncated() {
    String out = Cli.render(sample, "--why", "shared", "--limit", "1").out();
    assertTrue(out.contains("  1 path shown; there are more (raise --limit, now 1)\n"), out);
    assertEquals(3, out.lines().count(), out);
  }

  @Test
  void whyExits2OnOneLineWhenPackageIsAbsent() {
    Cli.Result r = Cli.render(sample, "--why", "left-pad");
    assertEquals(2, r.code());
    assertEquals(List.of("tollgate graph: \"left-pad\" is not in the graph of"
        + " fixtures/my-app/package-lock.json"), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void whyExits2WhenPackageIsOnlyDevAndDevIsOmitted() {
    Cli.Result r = Cli.render(sample, "--why", "b@2.0.0", "--omit", "dev");
    assertEquals(2, r.code());
    assertTrue(r.err().endsWith("(dev packages omitted)\n"), r.err());
  }

  @Test
  void escapesControlCharactersInText() {
    String out = Cli.render(SampleGraphs.hostile(), "--why", "node_modules/evil").out();
    assertFalse(out.contains("\u001b"), out);
    assertTrue(out.contains("evil\"na\\me\\u000a\\u001b[31m@1.0.0"), out);
    assertEquals(3, out.lines().count(), out);
  }

  @Test
  void printsHelpWithExitCodes() {
    Cli.Result r = Cli.run("graph", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("--why NAME[@VERSION]"), r.out());
    assertTrue(r.out().contains("Exit codes"), r.out());
  }
}
