#!/usr/bin/env bash
# Installs the peer tools the comparison harness runs, into a scratch folder outside the repo:
# @npmcli/arborist (the library inside npm) and, when apt works, hyperfine.
#
#   benchmarks/peers/setup.sh            # installs into ${TOLLGATE_PEERS_DIR:-/tmp/tollgate-peers}
set -euo pipefail
PEERS_DIR="${TOLLGATE_PEERS_DIR:-/tmp/tollgate-peers}"
mkdir -p "$PEERS_DIR"
cd "$PEERS_DIR"
[ -f package.json ] || printf '{ "name": "tollgate-peers", "private": true }\n' > package.json
npm install --no-audit --no-fund --no-save @npmcli/arborist@9 >/dev/null
echo "arborist $(node -p 'require("@npmcli/arborist/package.json").version') in $PEERS_DIR"
if ! command -v hyperfine >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get install -y hyperfine >/dev/null 2>&1 || echo "hyperfine not installed; compare.sh uses a bash loop"
  fi
fi
command -v hyperfine >/dev/null 2>&1 && hyperfine --version || true
