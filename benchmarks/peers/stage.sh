#!/usr/bin/env bash
# Stages one fixture variant as a project folder that npm, Arborist and tollgate can all read:
# the case's package.json next to the variant's lockfile. Prints the folder.
#
#   benchmarks/peers/stage.sh [CASE] [VARIANT]      # default: large-app npm-v3
#
# The fixtures keep package.json once per case (<case>/package.json) and each lockfile in a
# variant folder (<case>/<variant>/package-lock.json), so the folder is assembled in a scratch dir.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CASE="${1:-large-app}"
VARIANT="${2:-npm-v3}"
FIXTURES="${TOLLGATE_FIXTURES:-$REPO/core/src/test/resources/fixtures/projects}"
SRC="$FIXTURES/$CASE"
[ -f "$SRC/package.json" ] || { echo "stage.sh: no $SRC/package.json" >&2; exit 2; }
[ -d "$SRC/$VARIANT" ] || { echo "stage.sh: no $SRC/$VARIANT" >&2; exit 2; }
OUT="${TOLLGATE_STAGE_DIR:-/tmp/tollgate-stage}/$CASE-$VARIANT"
rm -rf "$OUT"
mkdir -p "$OUT"
cp "$SRC/package.json" "$OUT/"
cp -R "$SRC/$VARIANT/." "$OUT/"
# workspaces and local packages the manifests point at, when the case has them
for extra in packages local git-src; do
  [ -d "$SRC/$extra" ] && cp -R "$SRC/$extra" "$OUT/"
done
echo "$OUT"
