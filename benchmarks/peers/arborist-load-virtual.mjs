// Times Arborist.loadVirtual() (npm's own lockfile reader: package-lock.json into its tree) on a
// project folder, in one warm node process. Prints one JSON line: median, min, max wall time (ms),
// median CPU time of the process during a call (ms; robust when the machine is shared), runs,
// node count.
//
//   node benchmarks/peers/arborist-load-virtual.mjs DIR [ITERATIONS=20] [WARMUP=5]
//
// Arborist is resolved from ${TOLLGATE_PEERS_DIR:-/tmp/tollgate-peers} (see setup.sh).
import { createRequire } from 'node:module';
import path from 'node:path';

const [dir, iterArg, warmArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node arborist-load-virtual.mjs DIR [ITERATIONS] [WARMUP]');
  process.exit(2);
}
const iterations = Number(iterArg ?? 20);
const warmup = Number(warmArg ?? 5);
const peers = process.env.TOLLGATE_PEERS_DIR ?? '/tmp/tollgate-peers';
const require = createRequire(path.join(peers, 'package.json'));
const Arborist = require('@npmcli/arborist');
const version = require('@npmcli/arborist/package.json').version;

async function once() {
  const arb = new Arborist({ path: path.resolve(dir) });
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const tree = await arb.loadVirtual();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1e3, nodes: tree.inventory.size };
}

let nodes = 0;
for (let i = 0; i < warmup; i++) {
  nodes = (await once()).nodes;
}
const times = [];
const cpuTimes = [];
for (let i = 0; i < iterations; i++) {
  const r = await once();
  times.push(r.ms);
  cpuTimes.push(r.cpuMs);
}
const medianOf = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
times.sort((a, b) => a - b);
const median = medianOf(times);
console.log(JSON.stringify({
  tool: `@npmcli/arborist@${version} loadVirtual`,
  node: process.version,
  dir: path.resolve(dir),
  runs: times.length,
  warmup,
  medianMs: +median.toFixed(2),
  minMs: +times[0].toFixed(2),
  maxMs: +times[times.length - 1].toFixed(2),
  medianCpuMs: +medianOf(cpuTimes).toFixed(2),
  nodes,
}));
