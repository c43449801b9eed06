#!/usr/bin/env node
// node-semver's satisfies throughput on the same mix as SatisfiesBenchmark
// (benchmarks/src/main/resources/semver/satisfies-mix.json): ranges pre-parsed with new Range(),
// then range.test(v), with v a string (node-semver parses it on each call, as npm does) and with
// v a pre-parsed SemVer.
//
// Usage (node-semver 7.x installed in the current directory, e.g. a scratch dir):
//   node <repo>/benchmarks/peers/semver-node.js <repo>/benchmarks/src/main/resources/semver/satisfies-mix.json
// Prints ops/s per mode: median of 5 measured rounds of >= 1 s after 3 warm-up rounds, and the
// min-max spread.
'use strict'
const fs = require('fs')
const semver = require(require.resolve('semver', { paths: [process.cwd()] }))
const mix = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const ranges = mix.pairs.map((p) => new semver.Range(p[0]))
const versions = mix.pairs.map((p) => p[1])
const parsed = versions.map((v) => new semver.SemVer(v))
const n = ranges.length

function round (fn) {
  let ops = 0
  let hits = 0
  const t0 = process.hrtime.bigint()
  let elapsed = 0n
  while (elapsed < 1_000_000_000n) {
    hits += fn()
    ops += n
    elapsed = process.hrtime.bigint() - t0
  }
  return { opsPerSec: ops / (Number(elapsed) / 1e9), hits }
}
const strings = () => { let h = 0; for (let i = 0; i < n; i++) if (ranges[i].test(versions[i])) h++; return h }
const objects = () => { let h = 0; for (let i = 0; i < n; i++) if (ranges[i].test(parsed[i])) h++; return h }

for (const [name, fn] of [['test(string)', strings], ['test(SemVer)', objects]]) {
  for (let i = 0; i < 3; i++) round(fn)
  const rs = []
  for (let i = 0; i < 5; i++) rs.push(round(fn).opsPerSec)
  rs.sort((a, b) => a - b)
  console.log(`${name}: median ${Math.round(rs[2])} ops/s (min ${Math.round(rs[0])}, max ${Math.round(rs[4])}), node ${process.version}, semver ${require(require.resolve('semver/package.json', { paths: [process.cwd()] })).version}, pairs ${n}, satisfied ${fn()}`)
}
