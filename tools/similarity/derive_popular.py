#!/usr/bin/env python3
"""Derives the bundled popular-names list of spi-similarity from a registry name list.

Input: a TSV whose first line names the columns `name`, `version`, `downloads_a_month`,
`summary` (the package list of the build machine, one npm package a line).
Output: `popular-npm.tsv`, one `name<TAB>monthly downloads` line per package, the TOP most
downloaded, sorted by downloads descending then name ascending (deterministic), plus its
`.provenance` sibling with the SHA-256 of the output.

Usage: derive_popular.py INPUT.tsv OUTPUT_DIR [TOP] [DATE]
"""
import hashlib
import os
import re
import sys

# npm's rules for old names: URL-safe characters, optional @scope/ prefix.
NAME = re.compile(r"^(@[A-Za-z0-9\-_.!~*'()]+/)?[A-Za-z0-9\-_.!~*'()]+$")


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, out_dir = argv[1], argv[2]
    top = int(argv[3]) if len(argv) > 3 else 50000
    date = argv[4] if len(argv) > 4 else "unknown"
    rows = {}
    with open(src, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        ni, di = header.index("name"), header.index("downloads_a_month")
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) <= max(ni, di):
                continue
            name, dl = p[ni], p[di]
            if not dl.isdigit() or not NAME.match(name) or name[0] in "._":
                continue
            d = int(dl)
            if rows.get(name, -1) < d:
                rows[name] = d
    ranked = sorted(rows.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    body = "".join(f"{n}\t{d}\n" for n, d in ranked).encode("utf-8")
    out = os.path.join(out_dir, "popular-npm.tsv")
    with open(out, "wb") as f:
        f.write(body)
    sha = hashlib.sha256(body).hexdigest()
    src_sha = hashlib.sha256(open(src, "rb").read()).hexdigest()
    prov = f"""name: popular-npm.tsv
format: one line per package: name<TAB>monthly downloads; sorted by downloads descending, then name
entries: {len(ranked)} (the most downloaded of {len(rows)} valid names in the source)
source: the npm package list shipped with the build machine (columns name, version, downloads_a_month, summary), {len(rows)} names
source-sha256: {src_sha}
retrieved: {date}
derivation: tools/similarity/derive_popular.py (top {top})
licence: package names and download counts are facts published by the npm registry; no creative content is copied
sha256: {sha}
"""
    with open(out + ".provenance", "w", encoding="utf-8") as f:
        f.write(prov)
    print(f"wrote {len(ranked)} names, sha256 {sha}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
