#!/usr/bin/env node
// Writes the (range, version) mix that SatisfiesBenchmark and benchmarks/peers/semver-node.js both
// measure: 2,000 pairs drawn with a fixed seed from the real dependency ranges and published
// versions in inputs.json.gz, keeping only pairs where both are valid (default options); about a
// quarter of them are satisfied.
// Usage (from a scratch directory with semver 7.x installed):
//   node <repo>/tools/semver/make-bench-mix.js <repo>/tools/semver/inputs.json.gz <out.json>
'use strict'
const fs = require('fs')
const zlib = require('zlib')
const semver = require(require.resolve('semver', { paths: [process.cwd()] }))
const [inputsPath, outPath] = process.argv.slice(2)
const inputs = JSON.parse(zlib.gunzipSync(fs.readFileSync(inputsPath)).toString('utf8'))
let seed = 42
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
const pick = (a) => a[Math.floor(rnd() * a.length)]
const versions = [].concat(...Object.values(inputs.versions))
const ranges = []
for (const d of Object.values(inputs.deps)) {
  for (const deps of Object.values(d || {})) {
    for (const r of Object.values(deps || {})) if (typeof r === 'string' && semver.validRange(r)) ranges.push(r)
  }
}
const pairs = []
let sat = 0
while (pairs.length < 2000) {
  const r = pick(ranges)
  let v
  if (rnd() < 0.5) {
    // a version near the range: its minimum with the patch, minor or major moved
    const m = semver.minVersion(r)
    if (!m) continue
    v = semver.inc(m.version, pick(['patch', 'minor', 'major', 'prerelease', 'patch'])) || m.version
  } else {
    v = pick(versions)
  }
  if (!semver.valid(v)) continue
  const ok = semver.satisfies(v, r)
  if (ok && sat > 1000) continue
  if (ok) sat++
  pairs.push([r, v])
}
fs.writeFileSync(outPath, JSON.stringify({ generator: 'tools/semver/make-bench-mix.js', semver: require(require.resolve('semver/package.json', { paths: [process.cwd()] })).version, satisfied: sat, pairs }) + '\n')
console.log('pairs', pairs.length, 'satisfied', sat, 'distinct ranges', new Set(pairs.map((p) => p[0])).size)
