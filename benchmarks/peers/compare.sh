#!/usr/bin/env bash
# Peer comparison on this machine, for one fixture variant (default: large-app npm-v3):
#   1. Arborist.loadVirtual() in a warm node process (arborist-load-virtual.mjs);
#   2. end to end, cold processes: `java -jar cli/target/tollgate.jar graph DIR`
#      vs `npm ls --all --package-lock-only` in the same staged folder,
#      with hyperfine when installed (else a bash loop; median of RUNS runs).
#
#   benchmarks/peers/setup.sh                        # once: Arborist (+ hyperfine)
#   mvn -o -q -B -pl cli -am package -DskipTests     # builds cli/target/tollgate.jar
#   benchmarks/peers/compare.sh [CASE] [VARIANT]     # RUNS=10 WARMUP=3 ITERATIONS=20 by default
#
# Results (JSON from hyperfine and Arborist, and a summary) go to ${TOLLGATE_RESULTS:-/tmp/tollgate-results}.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CASE="${1:-large-app}"
VARIANT="${2:-npm-v3}"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-3}"
ITERATIONS="${ITERATIONS:-20}"
RESULTS="${TOLLGATE_RESULTS:-/tmp/tollgate-results}"
JAR="$REPO/cli/target/tollgate.jar"
export NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
mkdir -p "$RESULTS"

DIR="$("$HERE/stage.sh" "$CASE" "$VARIANT")"
TAG="$CASE-$VARIANT"
SUMMARY="$RESULTS/$TAG-summary.txt"
{
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(uname -srm); $(nproc) cpus; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average before the run)"
  echo "java:    $(java -version 2>&1 | head -1)"
  echo "node:    $(node --version); npm $(npm --version)"
  echo "commit:  $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "fixture: $DIR ($(wc -c < "$(ls "$DIR"/package-lock.json "$DIR"/npm-shrinkwrap.json "$DIR"/yarn.lock "$DIR"/pnpm-lock.yaml 2>/dev/null | head -1)") bytes)"
} | tee "$SUMMARY"

# 1. Arborist, warm
if [ -f "$DIR/package-lock.json" ] || [ -f "$DIR/npm-shrinkwrap.json" ]; then
  node "$HERE/arborist-load-virtual.mjs" "$DIR" "$ITERATIONS" "$WARMUP" | tee "$RESULTS/$TAG-arborist.json" \
    | sed 's/^/arborist: /' >> "$SUMMARY"
  tail -1 "$SUMMARY"
fi

# 2. end to end, cold processes
commands=()
names=()
if [ -f "$JAR" ] && java -jar "$JAR" graph "$DIR" >/dev/null 2>"$RESULTS/$TAG-tollgate.err"; then
  commands+=("java -jar $JAR graph $DIR")
  names+=("tollgate graph")
  # the launcher in bin/ (JVM flags for a short run)
  commands+=("$REPO/bin/tollgate graph $DIR")
  names+=("bin/tollgate graph")
else
  echo "tollgate:  skipped: $(head -1 "$RESULTS/$TAG-tollgate.err" 2>/dev/null || echo "no $JAR")" | tee -a "$SUMMARY"
fi
if [ -f "$JAR" ]; then
  # the fixed cost of a JVM start and the jar's class loading, without reading anything
  commands+=("java -jar $JAR --version")
  names+=("tollgate --version (startup floor)")
fi
if [ -f "$DIR/package-lock.json" ] || [ -f "$DIR/npm-shrinkwrap.json" ]; then
  commands+=("npm ls --all --package-lock-only --prefix $DIR")
  names+=("npm ls --all --package-lock-only")
fi
[ ${#commands[@]} -gt 0 ] || { echo "nothing to compare" >&2; exit 1; }

if command -v hyperfine >/dev/null 2>&1; then
  args=()
  for i in "${!commands[@]}"; do
    args+=(-n "${names[$i]}" "${commands[$i]}")
  done
  # npm ls exits 1 when it finds problems (missing or invalid dependencies): still measured.
  (cd "$DIR" && hyperfine -N -i --warmup "$WARMUP" --runs "$RUNS" \
      --export-json "$RESULTS/$TAG-e2e.json" "${args[@]}") | tee -a "$SUMMARY"
  node -e '
    const r = require(process.argv[1]).results;
    for (const x of r) {
      const s = [...x.times].sort((a, b) => a - b);
      console.log(`e2e: ${x.command}: median ${(x.median * 1000).toFixed(1)} ms, mean ${(x.mean * 1000).toFixed(1)} ± ${(x.stddev * 1000).toFixed(1)} ms, min ${(s[0] * 1000).toFixed(1)}, runs ${s.length}`);
    }' "$RESULTS/$TAG-e2e.json" | tee -a "$SUMMARY"
else
  for i in "${!commands[@]}"; do
    for ((w = 0; w < WARMUP; w++)); do (cd "$DIR" && ${commands[$i]} >/dev/null 2>&1 || true); done
    times=()
    for ((r = 0; r < RUNS; r++)); do
      t0=$(date +%s%N)
      (cd "$DIR" && ${commands[$i]} >/dev/null 2>&1 || true)
      t1=$(date +%s%N)
      times+=($(( (t1 - t0) / 1000 )))
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    n=${#sorted[@]}
    if (( n % 2 )); then med=${sorted[$((n / 2))]}; else med=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
    printf 'e2e: %s: median %d.%01d ms, min %d.%01d ms, max %d.%01d ms, runs %d\n' "${names[$i]}" \
      $((med / 1000)) $((med % 1000 / 100)) $((sorted[0] / 1000)) $((sorted[0] % 1000 / 100)) \
      $((sorted[n - 1] / 1000)) $((sorted[n - 1] % 1000 / 100)) "$n" | tee -a "$SUMMARY"
  done
fi
echo "summary: $SUMMARY"
