package dev.tollgate.core.internal.advisory;

import dev.tollgate.api.DependencyGraph;
import dev.tollgate.api.Edge;
import dev.tollgate.api.Finding;
import dev.tollgate.api.FindingCategory;
import dev.tollgate.api.Fix;
import dev.tollgate.api.Node;
import dev.tollgate.api.PackageSource;
import dev.tollgate.api.Severity;
import dev.tollgate.api.spi.Advisory;
import dev.tollgate.api.spi.AffectedPackage;
import dev.tollgate.core.AuditResult;
import dev.tollgate.core.semver.Range;
import dev.tollgate.core.semver.SemverOptions;
import dev.tollgate.core.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The work behind {@link dev.tollgate.core.Audit}: indexes advisories by package name, merges
 * aliases (union-find over ids and aliases), matches registry nodes and builds findings.
 *
 * <p>Not thread-safe (one instance per call); the input lists are only read.
 */
public final class Auditor {

  /** Most dependency paths listed per finding (the count can grow exponentially). */
  static final int MAX_PATHS = 20;

  private static final String NPM = "npm";

  /** Options for edge specs when computing a fix: as npm reads declared ranges. */
  private static final SemverOptions SPEC_OPTIONS = SemverOptions.LOOSE;

  private final List<Advisory> advisories = new ArrayList<>();
  private final int withdrawn;
  /** name -> advisory index -> that advisory's entries for the name. */
  private final Map<String, Map<Integer, List<AffectedPackage>>> byName = new HashMap<>();
  private final AliasGroups groups = new AliasGroups();
  private final OsvMatcher matcher = new OsvMatcher();

  /**
   * Indexes the advisories.
   *
   * @param input the advisories
   * @throws NullPointerException if the list or an element is null
   */
  public Auditor(List<Advisory> input) {
    int w = 0;
    for (Advisory a : input) {
      Objects.requireNonNull(a, "advisory");
      if (!a.withdrawn().isEmpty()) {
        w++;
        continue;
      }
      int index = advisories.size();
      advisories.add(a);
      groups.add(a.id(), a.aliases());
      for (AffectedPackage p : a.affected()) {
        if (!p.ecosystem().equals(NPM)) {
          continue;
        }
        byName.computeIfAbsent(p.name(), k -> new TreeMap<>())
            .computeIfAbsent(index, k -> new ArrayList<>()).add(p);
      }
    }
    withdrawn = w;
  }

  /** A vulnerability group matched for one installed name@version. */
  private static final class Hit {
    final List<Integer> advisories = new ArrayList<>();
    final Set<Integer> nodes = new LinkedHashSet<>();
    Version fixed;
  }

  /**
   * Audits a graph.
   *
   * @param graph the graph
   * @return the result
   */
  public AuditResult audit(DependencyGraph graph) {
    List<AuditResult.NotApplicable> notApplicable = new ArrayList<>();
    // key: name@version, then group root id -> hit; TreeMaps keep the output order stable
    Map<String, Map<String, Hit>> hits = new TreeMap<>();
    Map<String, String[]> keyParts = new HashMap<>();
    for (Node n : graph.nodes()) {
      PackageSource src = n.source();
      if (!src.fromRegistry()) {
        Set<String> ids = new TreeSet<>();
        collectIds(n.name(), ids);
        collectIds(n.packageName(), ids);
        if (!ids.isEmpty()) {
          notApplicable.add(new AuditResult.NotApplicable(n.name(), n.version(), n.location(),
              describe(src) + " source; registry advisories do not apply", List.copyOf(ids)));
        }
        continue;
      }
      String name = n.packageName();
      Map<Integer, List<AffectedPackage>> entries = byName.get(name);
      if (entries == null) {
        continue;
      }
      if (Version.tryParse(n.version(), OsvMatcher.VERSION_OPTIONS).isEmpty()) {
        Set<String> ids = new TreeSet<>();
        collectIds(name, ids);
        matcher.match(List.of(), n.version()); // counts it
        notApplicable.add(new AuditResult.NotApplicable(n.name(), n.version(), n.location(),
            "version is not valid semver; advisories could not be evaluated", List.copyOf(ids)));
        continue;
      }
      String key = name + "@" + n.version();
      for (Map.Entry<Integer, List<AffectedPackage>> e : entries.entrySet()) {
        OsvMatcher.Match m = matcher.match(e.getValue(), n.version());
        if (!m.affected()) {
          continue;
        }
        int index = e.getKey();
        String root = groups.root(advisories.get(index).id());
        Hit hit = hits.computeIfAbsent(key, k -> new TreeMap<>())
            .computeIfAbsent(root, k -> new Hit());
        keyParts.putIfAbsent(key, new String[] {name, n.version()});
        if (!hit.advisories.contains(index)) {
          hit.advisories.add(index);
        }
        hit.nodes.add(n.id());
        if (!m.fixed().isEmpty()) {
          Version f = Version.parse(m.fixed(), OsvMatcher.VERSION_OPTIONS);
          if (hit.fixed == null || f.compareTo(hit.fixed) > 0) {
            hit.fixed = f;
          }
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Map<String, Hit>> byKey : hits.entrySet()) {
      String[] parts = keyParts.get(byKey.getKey());
      for (Hit hit : byKey.getValue().values()) {
        findings.add(finding(graph, parts[0], parts[1], hit));
      }
    }
    findings.sort(Comparator.naturalOrder());
    notApplicable.sort(Comparator.comparing(AuditResult.NotApplicable::location)
        .thenComparing(AuditResult.NotApplicable::name));
    return new AuditResult(findings, notApplicable, advisories.size(), withdrawn,
        matcher.invalidVersions(), matcher.emptyEvents());
  }

  private void collectIds(String name, Set<String> out) {
    Map<Integer, List<AffectedPackage>> entries = byName.get(name);
    if (entries != null) {
      for (int i : entries.keySet()) {
        out.add(advisories.get(i).id());
      }
    }
  }

  private static String describe(PackageSource src) {
    if (src instanceof PackageSource.Git) {
      return "git";
    }
    if (src instanceof PackageSource.LocalPath) {
      return "file";
    }
    if (src instanceof PackageSource.Link) {
      return "link";
    }
    if (src instanceof PackageSource.Workspace) {
      return "workspace";
    }
    if (src instanceof PackageSource.RemoteTarball) {
      return "remote tarball";
    }
    if (src instanceof PackageSource.Project) {
      return "project";
    }
    return "unknown";
  }

  /** Orders a group's advisories: GHSA first, then MAL, then others; by id; newest first. */
  private static final Comparator<Advisory> REPRESENTATIVE = Comparator
      .comparingInt((Advisory a) -> a.id().startsWith("GHSA-") ? 0 : a.id().startsWith("MAL-") ? 1
          : 2)
      .thenComparing(Advisory::id)
      .thenComparing(Advisory::modified, Comparator.reverseOrder());

  private Finding finding(DependencyGraph graph, String name, String version, Hit hit) {
    List<Advisory> members = new ArrayList<>();
    for (int i : hit.advisories) {
      members.add(advisories.get(i));
    }
    members.sort(REPRESENTATIVE);
    Advisory rep = members.get(0);
    boolean malicious = members.stream().anyMatch(Advisory::malicious);
    Severity severity = Severity.NONE;
    for (Advisory a : members) {
      Severity s = severityOf(a);
      if (s.compareTo(severity) > 0) {
        severity = s;
      }
    }
    Set<String> ids = new TreeSet<>();
    for (Advisory a : members) {
      ids.add(a.id());
      ids.addAll(a.aliases());
    }
    ids.remove("");
    Set<String> refs = new LinkedHashSet<>(ids);
    for (Advisory a : members) {
      refs.addAll(a.references());
    }
    String title = "";
    String details = "";
    for (Advisory a : members) {
      if (title.isEmpty()) {
        title = a.summary().strip();
      }
      if (details.isEmpty()) {
        details = a.details().strip();
      }
    }
    if (title.isEmpty()) {
      title = malicious ? "Malicious package " + name : rep.id() + " in " + name;
    }
    StringBuilder detail = new StringBuilder(details);
    if (ids.size() > 1) {
      if (detail.length() > 0) {
        detail.append("\n\n");
      }
      detail.append("Also known as: ").append(String.join(", ", ids));
    }
    if (hit.fixed != null) {
      if (detail.length() > 0) {
        detail.append("\n\n");
      }
      detail.append("Fixed in ").append(hit.fixed).append(" (from the advisory data).");
    }
    List<List<String>> paths = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    for (int id : hit.nodes) {
      for (List<Node> p : graph.pathsTo(id, MAX_PATHS)) {
        if (paths.size() >= MAX_PATHS) {
          break;
        }
        List<String> keys = p.stream().map(Node::key).toList();
        if (seen.add(keys)) {
          paths.add(keys);
        }
      }
    }
    return new Finding(rep.id() + ":" + name + "@" + version,
        malicious ? FindingCategory.MALICIOUS : FindingCategory.VULNERABILITY, severity, name,
        version, title, detail.toString(), paths, List.of(), List.copyOf(refs),
        fix(graph, name, hit));
  }

  /**
   * Severity of one advisory: malicious is critical; else the highest CVSS v3.x base score; else
   * the database's rating; else moderate. CVSS v4.0 vectors are not scored (the database rating
   * stands in).
   */
  static Severity severityOf(Advisory a) {
    if (a.malicious()) {
      return Severity.CRITICAL;
    }
    double best = -1;
    for (Advisory.SeverityScore s : a.severity()) {
      if (s.type().equals("CVSS_V3")) {
        OptionalDouble d = Cvss.baseScoreV3(s.score());
        if (d.isPresent() && d.getAsDouble() > best) {
          best = d.getAsDouble();
        }
      }
    }
    if (best >= 0) {
      return Severity.fromCvss(best);
    }
    Optional<Severity> db = Severity.tryParse(a.databaseSeverity());
    return db.orElse(Severity.MODERATE);
  }

  private static Fix fix(DependencyGraph graph, String name, Hit hit) {
    if (hit.fixed == null) {
      return Fix.none();
    }
    Version fixed = hit.fixed;
    Set<Integer> directParents = new HashSet<>();
    directParents.add(graph.root().id());
    for (Node w : graph.workspaceRoots()) {
      directParents.add(w.id());
    }
    boolean allAllow = true;
    String bump = null;
    for (int id : hit.nodes) {
      for (Edge e : graph.edgesTo(id)) {
        if (!allows(e.spec(), fixed)) {
          allAllow = false;
          if (directParents.contains(e.from()) && (bump == null || e.name().compareTo(bump) < 0)) {
            bump = e.name();
          }
        }
      }
    }
    if (allAllow) {
      return new Fix.Refresh(name, fixed.toString());
    }
    if (bump != null) {
      return new Fix.Bump(bump, fixed.toString(), true);
    }
    return Fix.none();
  }

  /** Whether a declared spec (a range, or {@code npm:name@range}) allows the version. */
  static boolean allows(String spec, Version v) {
    String s = spec.strip();
    if (s.startsWith("npm:")) {
      int at = s.lastIndexOf('@');
      if (at <= 4) {
        return false;
      }
      s = s.substring(at + 1);
    }
    Optional<Range> r = Range.tryParse(s, SPEC_OPTIONS);
    return r.isPresent() && r.get().satisfies(v);
  }
}
