package dev.tollgate.core.internal.lockfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of valid pnpm lockfiles (5.4, 6.0, 9.0) with scoped names, several versions of
 * a name, dependencies, optional dependencies, (optional) peers resolved through peer suffixes, an
 * alias, a workspace linked with {@code link:}, and dev, optional and prod importer sections. The
 * same model renders with any key order.
 *
 * <p>Not thread-safe; confine to one thread.
 */
final class PnpmLockGen {

  /** A package: name, version, peer (name of another package, or null) and its key parts. */
  static final class Pkg {
    final String name;
    final String version;
    String peer;
    boolean peerOptional;
    Pkg peerTarget;
    final Map<String, Pkg> deps = new LinkedHashMap<>();
    final Map<String, Pkg> optDeps = new LinkedHashMap<>();
    boolean requiresBuild;

    Pkg(String name, String version) {
      this.name = name;
      this.version = version;
    }
  }

  final int major;
  final List<Pkg> pkgs = new ArrayList<>();
  final Map<String, Pkg> rootProd = new LinkedHashMap<>();
  final Map<String, Pkg> rootDev = new LinkedHashMap<>();
  final Map<String, Pkg> rootOpt = new LinkedHashMap<>();
  final Map<String, Pkg> wsProd = new LinkedHashMap<>();
  Pkg alias;

  /**
   * Generates a model.
   *
   * @param r the random source
   * @param major 5, 6 or 9
   * @param size the number of packages
   */
  PnpmLockGen(Random r, int major, int size) {
    this.major = major;
    for (int i = 0; i < size; i++) {
      String name = (i % 7 == 3 ? "@s" + (i % 3) + "/" : "") + "p" + (i / 2);
      String version = (i % 2) + "." + r.nextInt(20) + "." + r.nextInt(10);
      Pkg p = new Pkg(name, version);
      p.requiresBuild = r.nextInt(20) == 0;
      pkgs.add(p);
    }
    for (int i = 0; i < size; i++) {
      Pkg p = pkgs.get(i);
      int n = r.nextInt(4);
      for (int k = 0; k < n; k++) {
        Pkg d = pkgs.get(r.nextInt(size));
        if (d != p && !p.deps.containsKey(d.name) && !p.optDeps.containsKey(d.name)) {
          (r.nextInt(6) == 0 ? p.optDeps : p.deps).put(d.name, d);
        }
      }
      if (r.nextInt(8) == 0) {
        Pkg t = pkgs.get(r.nextInt(size));
        if (t != p && t.peer == null && !p.deps.containsKey(t.name)
            && !p.optDeps.containsKey(t.name)) {
          p.peer = t.name;
          p.peerOptional = r.nextBoolean();
          p.peerTarget = t;
        }
      }
    }
    for (int k = 0; k < Math.min(size, 12); k++) {
      Pkg d = pkgs.get(r.nextInt(size));
      int s = r.nextInt(3);
      Map<String, Pkg> m = s == 0 ? rootProd : s == 1 ? rootDev : rootOpt;
      if (!rootProd.containsKey(d.name) && !rootDev.containsKey(d.name)
          && !rootOpt.containsKey(d.name)) {
        m.put(d.name, d);
      }
    }
    for (int k = 0; k < 3; k++) {
      Pkg d = pkgs.get(r.nextInt(size));
      wsProd.put(d.name, d);
    }
    alias = pkgs.get(r.nextInt(size));
  }

  private String peerSuffix(Pkg p) {
    if (p.peer == null) {
      return "";
    }
    Pkg t = p.peerTarget;
    return major == 5 ? "_" + t.name.replace('/', '+') + "@" + t.version
        : "(" + t.name + "@" + t.version + ")";
  }

  /** The reference a dependency map holds for a package under its own name. */
  private String ref(Pkg p) {
    return p.version + peerSuffix(p);
  }

  private String key(Pkg p) {
    return switch (major) {
      case 5 -> "/" + p.name + "/" + ref(p);
      case 6 -> "/" + p.name + "@" + ref(p);
      default -> p.name + "@" + ref(p);
    };
  }

  private String aliasRef(Pkg p) {
    return switch (major) {
      case 5 -> "/" + p.name + "/" + ref(p);
      case 6 -> "/" + p.name + "@" + ref(p);
      default -> p.name + "@" + ref(p);
    };
  }

  private static String q(String s) {
    return "'" + s + "'";
  }

  /**
   * Renders the lockfile.
   *
   * @param order a random source to shuffle every mapping with, or null for generation order
   * @return the YAML text
   */
  String render(Random order) {
    List<String> top = new ArrayList<>();
    top.add("lockfileVersion: " + (major == 5 ? "5.4" : major == 6 ? "'6.0'" : "'9.0'") + "\n");
    top.add("settings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n");
    StringBuilder imp = new StringBuilder("importers:\n");
    List<String> importers = new ArrayList<>();
    importers.add("  .:\n" + importerBody(order, true));
    importers.add("  packages/w:\n" + importerBody(order, false));
    shuffle(importers, order);
    importers.forEach(imp::append);
    top.add(imp.toString());
    List<String> packages = new ArrayList<>();
    List<String> snapshots = new ArrayList<>();
    java.util.Set<String> metaDone = new java.util.HashSet<>();
    for (Pkg p : pkgs) {
      List<String> fields = new ArrayList<>();
      List<String> snapFields = new ArrayList<>();
      fields.add("    resolution: {integrity: " + q("sha512-" + p.name + p.version) + "}\n");
      if (p.peer != null) {
        fields.add("    peerDependencies:\n      " + q(p.peer) + ": '*'\n");
        if (p.peerOptional) {
          fields.add("    peerDependenciesMeta:\n      " + q(p.peer) + ":\n        optional: true\n");
        }
      }
      List<String> deps = new ArrayList<>();
      p.deps.forEach((n, d) -> deps.add("      " + q(n) + ": " + q(ref(d)) + "\n"));
      if (p.peer != null) {
        deps.add("      " + q(p.peer) + ": " + q(ref(p.peerTarget)) + "\n");
      }
      List<String> opt = new ArrayList<>();
      p.optDeps.forEach((n, d) -> opt.add("      " + q(n) + ": " + q(ref(d)) + "\n"));
      shuffle(deps, order);
      shuffle(opt, order);
      List<String> depFields = major == 9 ? snapFields : fields;
      if (!deps.isEmpty()) {
        depFields.add("    dependencies:\n" + String.join("", deps));
      }
      if (!opt.isEmpty()) {
        depFields.add("    optionalDependencies:\n" + String.join("", opt));
      }
      if (p.requiresBuild && major != 9) {
        fields.add("    requiresBuild: true\n");
      }
      if (major == 9) {
        String metaKey = p.name + "@" + p.version;
        if (metaDone.add(metaKey)) {
          shuffle(fields, order);
          packages.add("  " + q(metaKey) + ":\n" + String.join("", fields));
        }
        shuffle(snapFields, order);
        snapshots.add("  " + q(key(p)) + ":" + (snapFields.isEmpty() ? " {}\n" : "\n"
            + String.join("", snapFields)));
      } else {
        shuffle(fields, order);
        packages.add("  " + q(key(p)) + ":\n" + String.join("", fields));
      }
    }
    shuffle(packages, order);
    shuffle(snapshots, order);
    top.add("packages:\n" + String.join("", packages));
    if (major == 9) {
      top.add("snapshots:\n" + String.join("", snapshots));
    }
    shuffle(top, order);
    return String.join("\n", top);
  }

  private String importerBody(Random order, boolean root) {
    List<String> sections = new ArrayList<>();
    List<String> specifiers = new ArrayList<>();
    String[] names = {"dependencies", "devDependencies", "optionalDependencies"};
    List<Map<String, Pkg>> maps = root ? List.of(rootProd, rootDev, rootOpt)
        : List.of(wsProd, Map.of(), Map.of());
    for (int s = 0; s < 3; s++) {
      List<String> lines = new ArrayList<>();
      for (Map.Entry<String, Pkg> e : maps.get(s).entrySet()) {
        lines.add(dep(e.getKey(), "^" + e.getValue().version, ref(e.getValue()), specifiers));
      }
      if (root && s == 0) {
        lines.add(dep("the-alias", "npm:" + alias.name + "@" + alias.version, aliasRef(alias),
            specifiers));
        lines.add(dep("w", "workspace:*", "link:packages/w", specifiers));
      }
      if (!root && s == 0) {
        lines.add(dep("root", "link:../..", "link:../..", specifiers));
      }
      if (!lines.isEmpty()) {
        shuffle(lines, order);
        sections.add("    " + names[s] + ":\n" + String.join("", lines));
      }
    }
    if (major == 5 && !specifiers.isEmpty()) {
      shuffle(specifiers, order);
      sections.add("    specifiers:\n" + String.join("", specifiers));
    }
    shuffle(sections, order);
    return sections.isEmpty() ? "    {}\n" : String.join("", sections);
  }

  private String dep(String name, String spec, String ref, List<String> specifiers) {
    if (major == 5) {
      specifiers.add("      " + q(name) + ": " + q(spec) + "\n");
      return "      " + q(name) + ": " + q(ref) + "\n";
    }
    return "      " + q(name) + ":\n        specifier: " + q(spec) + "\n        version: "
        + q(ref) + "\n";
  }

  private static void shuffle(List<String> l, Random order) {
    if (order != null) {
      Collections.shuffle(l, order);
    }
  }
}
