#!/usr/bin/env python3
"""Builds the typosquat evaluation set of spi-similarity from the OSSF malicious-packages
snapshot (OSV records) and the npm package list.

Labelling is independent of the Java checker: a malicious name (the malice comes from the
advisory) is labelled as imitating a popular (top-10k) name when one of these textbook rules,
implemented here from scratch, links them; the output is then hand-checked (see the eval
README):
  edit1     Damerau-Levenshtein distance 1 on the lower-case names, target >= 5 characters
  separator equal once '-', '_', '.', '@', '/' are removed, target >= 4 characters
  affix     the target plus one common affix (node, js, cli, npm, a version number)
  scope     '@scope/target' where the target is unscoped, target >= 4 characters
Output: squats.tsv (candidate, target, rule, advisory id), sorted by candidate.

Usage: label_squats.py OSSF.zip NPM.tsv OUT_DIR [TOP]
"""
import json
import re
import sys
import zipfile

SEP = re.compile(r"[-_.@/]")
AFFIX = re.compile(r"^(?:node[-_.]?|js[-_.]|npm[-_.]?)?(?P<core>.+?)(?:[-_.]?(?:js|cli|node|npm)|[-_.]?v?\d+(?:\.\d+)*)?$")


def dels(s):
    return {s[:i] + s[i + 1:] for i in range(len(s))}


def dl1(a, b):
    if a == b:
        return False
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        d = [i for i in range(len(a)) if a[i] != b[i]]
        if len(d) == 1:
            return True
        return len(d) == 2 and d[1] == d[0] + 1 and a[d[0]] == b[d[1]] and a[d[1]] == b[d[0]]
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def main(argv):
    zpath, npm, out = argv[1], argv[2], argv[3]
    top_n = int(argv[4]) if len(argv) > 4 else 10000
    rows = []
    with open(npm, encoding="utf-8") as f:
        f.readline()
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 3 and p[2].isdigit():
                rows.append((int(p[2]), p[0]))
    rows.sort(key=lambda r: (-r[0], r[1]))
    top = [n for _, n in rows[:top_n]]
    top_set = set(top)
    lower_top = {}
    for n in top:
        lower_top.setdefault(n.lower(), n)
    delmap = {}
    for n in top:
        l = n.lower()
        if len(l) < 5:
            continue
        for d in dels(l) | {l}:
            delmap.setdefault(d, []).append(n)
    sepmap = {}
    for n in top:
        s = SEP.sub("", n.lower())
        if len(s) >= 4:
            sepmap.setdefault(s, n)
    mal = {}
    with zipfile.ZipFile(zpath) as z:
        for info in z.infolist():
            if not info.filename.endswith(".json"):
                continue
            d = json.loads(z.read(info).decode("utf-8"))
            for a in d.get("affected", []):
                name = a.get("package", {}).get("name")
                if name and name not in mal:
                    mal[name] = d["id"]
    out_rows = []
    for m in sorted(mal):
        if m in top_set:
            continue
        l = m.lower()
        hit = None
        cands = set()
        for d in dels(l) | {l}:
            cands.update(delmap.get(d, ()))
        best = sorted((c for c in cands if dl1(l, c.lower())), key=lambda c: top.index(c))
        if best:
            hit = (best[0], "edit1")
        if hit is None:
            s = SEP.sub("", l)
            t = sepmap.get(s)
            if t and t.lower() != l:
                hit = (t, "separator")
        if hit is None and not l.startswith("@"):
            mm = AFFIX.match(l)
            core = mm.group("core") if mm else None
            if core and core != l and len(core) >= 4:
                t = lower_top.get(core) or sepmap.get(SEP.sub("", core))
                if t:
                    hit = (t, "affix")
        if hit is None and l.startswith("@") and "/" in l:
            bare = l.split("/", 1)[1]
            t = lower_top.get(bare)
            if t and len(bare) >= 4 and not t.startswith("@"):
                hit = (t, "scope")
        if hit:
            out_rows.append((m, hit[0], hit[1], mal[m]))
    with open(out + "/squats-candidates.tsv", "w", encoding="utf-8") as f:
        f.write("# candidate\ttarget\trule\tadvisory\n")
        for r in out_rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(mal)} malicious names, {len(out_rows)} linked to a top-{top_n} name")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
