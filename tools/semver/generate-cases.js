#!/usr/bin/env node
// Generates the differential table for dev.tollgate.core.semver from node-semver itself.
//
// Usage (from a scratch directory outside the repository that has semver 7.x installed):
//   npm install semver@7
//   node /path/to/repo/tools/semver/generate-cases.js /path/to/repo/tools/semver/inputs.json.gz \
//        /path/to/repo/core/src/test/resources/semver/cases.jsonl.gz
//
// inputs.json.gz holds `npm view <pkg> versions` and dependency ranges of a dozen well-known
// packages (see core/src/test/resources/semver/README.md). Everything else is generated from a
// fixed seed, so the output is reproducible for a given node-semver version.
'use strict'
const fs = require('fs')
const zlib = require('zlib')
const path = require('path')
const semver = require(require.resolve('semver', { paths: [process.cwd()] }))
const semverPkg = require(require.resolve('semver/package.json', { paths: [process.cwd()] }))

const [inputsPath, outPath] = process.argv.slice(2)
const inputs = JSON.parse(zlib.gunzipSync(fs.readFileSync(inputsPath)).toString('utf8'))

// mulberry32
let seed = 0x5eed1234
const rnd = () => {
  seed |= 0; seed = seed + 0x6D2B79F5 | 0
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed)
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
  return ((t ^ t >>> 14) >>> 0) / 4294967296
}
const ri = (n) => Math.floor(rnd() * n)
const pick = (a) => a[ri(a.length)]
const chance = (p) => rnd() < p

// ---------- versions ----------
const realVersions = []
for (const list of Object.values(inputs.versions)) {
  for (const v of list) realVersions.push(v)
}
const uniq = (a) => [...new Set(a)]

const WS = [' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\v', '\r\n']
const NUMS = ['0', '1', '2', '3', '9', '10', '42', '99', '100', '1000', '00', '01', '007',
  '9007199254740991', '9007199254740992', '9007199254740993', '99999999999999999999',
  '123456789012345678901234567890', '4294967296', '2147483648']
const PRE = ['alpha', 'beta', 'rc', 'alpha.1', 'beta.2', 'rc.0', '0', '1', '01', 'x', 'X', '-',
  '--', 'a-b', '1a', 'a1', '0a', 'pre.1.2', 'alpha.beta', 'next.20231010', 'canary.7',
  '9007199254740991', '9007199254740992', '9007199254740993', '99999999999999999999',
  '09007199254740993', 'beta.9007199254740993', 'A', 'Z', 'dev', 'DEV', '0.0', '00']
const BUILD = ['build', '001', 'sha.abc123', 'exp.sha.5114f85', '20130313144700', 'a-b', '-']
const smallNum = () => chance(0.8) ? String(ri(chance(0.7) ? 4 : 25)) : pick(NUMS)

function genVersion () {
  let v = `${smallNum()}.${smallNum()}.${smallNum()}`
  if (chance(0.3)) v += (chance(0.85) ? '-' : '') + pick(PRE)
  if (chance(0.15)) v += '+' + pick(BUILD)
  if (chance(0.1)) v = pick(['v', '=', 'v=', '=v', ' v', 'V', '==', 'vv']) + v
  if (chance(0.08)) v = pick(WS) + v + pick(WS)
  if (chance(0.05)) v = v.replace(/\./, pick(['..', '', ' .', '.x.']))
  if (chance(0.03)) v = v.slice(0, ri(v.length + 1))
  return v
}

const synthVersions = []
for (let i = 0; i < 4000; i++) synthVersions.push(genVersion())
const adversarialVersions = [
  '', ' ', 'v', '=', '1', '1.2', '1.2.3.4', '1.2.3-', '1.2.3+', '1.2.3-+', '1.2.3-.', '1.2.3-a.',
  '1.2.3-a..b', '1.2.3+a..b', '01.2.3', '1.02.3', '1.2.03', '1.2.3-01', '1.2.3beta', '1.2.3-beta+',
  '1.2.3--', '1.2.3---', 'x.y.z', '1.x.3', '*', '1.2.3 ', '\t1.2.3\n', '1.2.3\u00a0', '\u30001.2.3',
  '1.2.3\u200b', '１.２.３', '1.2.3-ä', '1.2.3+ä', '1.2.3-😀', '😀1.2.3', '1 .2.3', '1. 2.3',
  '9007199254740991.9007199254740991.9007199254740991', '9007199254740992.0.0', '0.0.9007199254740992',
  '1.2.3-' + 'a'.repeat(250), '1.2.3-' + 'a'.repeat(251), '1.2.3-' + '1'.repeat(249),
  '1.2.3-' + '1'.repeat(250), '0.0.0+' + 'b'.repeat(250), '0.0.0+' + 'b'.repeat(251),
  '1.2.' + '3'.repeat(254), '1'.repeat(300) + '.0.0', 'v'.repeat(300) + '1.2.3', ' '.repeat(255) + '1',
  '1.2.3-' + 'a.'.repeat(120) + 'a', '1.2.3-0.' + '0.'.repeat(100) + '1', '=v1.2.3', 'v=1.2.3',
  '==1.2.3', '  =  1.2.3', '1.2.3-rc.1+build.1', '1.0.0-alpha.beta', '1.0.0-alpha.1', '1.0.0-0.3.7',
  '1.0.0-x.7.z.92', '1.0.0+20130313144700', '1.0.0-beta+exp.sha.5114f85', '2.0.0-rc.1+build.123',
  '1.2.3-9007199254740991', '1.2.3-9007199254740992', '1.2.3-18446744073709551616',
  '\u00001.2.3', '1.2.3\u0000', '>1.2.3', '~1.2.3', '^1.2.3', '1.2.3 || 2', 'latest', 'next',
  'null', 'undefined', 'NaN', '1e3.0.0', '0x1.0.0', '+1.2.3', '-1.2.3', '1.-2.3', '1.2.3-beta.-1',
]
for (const v of adversarialVersions) synthVersions.push(v)
const allVersions = uniq(realVersions.concat(synthVersions))

// ---------- ranges ----------
const realRanges = []
for (const d of Object.values(inputs.deps)) {
  const list = Array.isArray(d) ? d : [d]
  for (const o of list) {
    if (!o || typeof o !== 'object') continue
    for (const deps of Object.values(o)) {
      if (!deps || typeof deps !== 'object') continue
      for (const r of Object.values(deps)) if (typeof r === 'string') realRanges.push(r)
    }
  }
}
const XS = ['x', 'X', '*']
const part = () => chance(0.15) ? pick(XS) : smallNum()
function partial () {
  const n = 1 + ri(3)
  let v = part()
  if (n > 1) v += '.' + part()
  if (n > 2) {
    v += '.' + part()
    if (chance(0.25)) v += (chance(0.9) ? '-' : '') + pick(PRE)
    if (chance(0.1)) v += '+' + pick(BUILD)
  }
  if (chance(0.08)) v = pick(['v', '=', 'v ', '= ', 'V']) + v
  return v
}
const OPS = ['', '=', '>', '>=', '<', '<=', '~', '~>', '^', '==', '=>', '=<', '!=', '>>', '<>', '~^', '^~']
const sp = () => chance(0.85) ? ' ' : pick(WS.concat(['  ', ' \t ', '']))
function comparator () {
  const r = rnd()
  if (r < 0.08) return pick(['*', '', 'x', 'X', '>=0.0.0', '>=0.0.0-0', '<0.0.0-0', '<0.0.0', '>*', '<*', '>=*', '^*', '~*', 'latest'])
  const op = chance(0.85) ? pick(['', '', '^', '~', '>=', '<', '>', '<=', '=', '~>']) : pick(OPS)
  return op + (chance(0.1) ? sp() : '') + partial()
}
function conj () {
  if (chance(0.15)) return partial() + pick([' - ', '  -  ', ' -', '- ', '-', ' \t-\t ']) + partial()
  const n = 1 + (chance(0.6) ? 0 : ri(3))
  const cs = []
  for (let i = 0; i < n; i++) cs.push(comparator())
  return cs.join(chance(0.9) ? ' ' : pick([',', ', ', '  ', '\t', ' && ']))
}
function genRange () {
  const n = 1 + (chance(0.7) ? 0 : ri(3))
  const ss = []
  for (let i = 0; i < n; i++) ss.push(conj())
  let r = ss.join(pick(['||', ' || ', ' ||', '|| ', ' | ', '|||', ' || || ']))
  if (chance(0.06)) r = pick(WS) + r + pick(WS)
  return r
}
const synthRanges = []
for (let i = 0; i < 6000; i++) synthRanges.push(genRange())
const adversarialRanges = [
  '', ' ', '*', 'x', 'X', '||', '|| ||', ' || ', '1.2.3 ||', '|| 1.2.3', '-', ' - ', '1 - ', ' - 2',
  '1.2.3 - 2.3.4', '1.2 - 2.3', '1 - 2', '1.x - 2.x', '* - 1', '1 - *', '1.2.3-beta - 2.3.4-rc.1',
  'v1.2.3 - v2', '=1.2.3 - =2', '1.2.3 - 2.3.4 - 3', '1.2.3 -2.3.4', '1.2.3- 2.3.4', '1.2.3 -- 2',
  '^0.0.1', '^0.1.2', '^0.0', '^0', '^0.x', '^0.0.x', '^1.x', '^0.0.0-beta', '^0.0.1-beta', '^1.2.3-beta.2',
  '~0.0.1', '~0', '~0.x', '~1.2.3-beta.2', '~>1.2', '~> 1.2.3', '~ 1.2.3', '^ 1.2.3', '>= 1.2.3',
  '> = 1.2.3', '< 1.2.3', '<=  1.2.3', '>=1.2.3 <1.2.3', '>1.2.3 <1.2.4', '>=1.2.3 <=1.2.3',
  '1.2.3 1.2.4', '>=1.0.0 <2.0.0 || >=3.0.0', '>=1.2.7 <1.3.0', '1.2.7 || >=1.2.9 <2.0.0',
  '>1.x', '<1.x', '>=1.x', '<=1.x', '>1.2.x', '<=1.2.x', '=1.x', '>x', '<x', '<=x', '>=x',
  '1.2.3+build', '>=1.2.3+build <2+x', '^1.2.3+build', '1.2.3-rc+build.1', '1.2.3+ab+cd',
  'latest', 'next', 'beta', 'file:../foo', 'git+https://example.invalid/a.git', 'npm:foo@^1',
  'workspace:*', 'link:../a', '1.2.3.4', '1.2.3-', '>=', '<', '>', '=', '~', '^', '~>', '!1.2.3',
  '>=1.2.3,<2', '>=1.2.3, <2.0.0', '>= 5.0.0, <= 5.0.7', '^1.2.3 <1.5.0', '1.2.3 || x || 2',
  '<0.0.0-0 || 1.2.3', '<0.0.0-0 || <0.0.0-0', '<0.0.0-0', '>=0.0.0', '>=0.0.0-0', '* || <0.0.0-0',
  '^9007199254740991.0.0', '^9007199254740990', '~9007199254740991.9007199254740991',
  '<=9007199254740991.x', '>9007199254740991', '>1.9007199254740991', '>1.2.9007199254740991',
  '^99999999999999999999.0.0', '~99999999999999999999', '1.99999999999999999999.x',
  '^1.2.' + '9'.repeat(300), '>=1.2.3-' + 'a'.repeat(260), '1.2.3-' + 'x'.repeat(600) + ' - 2',
  '^1.2.3 '.repeat(200), '1.2.3 || '.repeat(300) + '1', ' '.repeat(5000) + '1', 'x'.repeat(3000),
  '>'.repeat(1000) + '1', '1.'.repeat(800) + '1', '+a.'.repeat(500), '1.2.3+' + 'a.'.repeat(700) + 'a',
  '1.2.3-' + 'a.'.repeat(700) + 'a', '~'.repeat(300) + '1', '^ '.repeat(300) + '1', '= '.repeat(300) + '1',
  '1.2.3\u00a0-\u00a02.3.4', '\u30001.2.3\u3000', '^1.2.3\u2028', '１.２.３', '^1.2.3-ä', '😀', '^😀1',
  '1.2.3-😀 - 2', '\u0000', '1.2.3\u0000', '>=1.2.3\t<2', '~1.2.3\n||\n^2', 'v1', 'V1', '=v1.2', 'vv1',
  '1.2.3beta', '>1.2.3beta', '^1.2.3beta', '~1.2beta', '1.2.3-beta.01', '1.2.3-01', '01.2.3', '^01.2.3',
  '~01', '1.2.3-9007199254740993', '^1.2.3-9007199254740993', '>=1.2.3-09007199254740993',
  '>1.2.3-beta', '>=1.2.3-beta.0 <1.2.3-beta.9007199254740992', '*.1', 'x.1.2', '1.x.2', '1.*.2-a',
  '>=*', '>=*.*', '>=1.*.*', '=*', '= *', '< *', '> *', '*-1', '1-*', '1.2.3-*', '1.2.3 *', '* 1.2.3',
  '1 2 3', '1.2 3.4', '1 - 2 || 3 - 4', '1.2.3 - 2.3.4 || 5', ' 1.2.3 - 2.3.4 ', '1.2.3  -  2.3.4',
  '>=1.2.3 - 2', '~1 - 2', '^1 - 2', '1.2.3 - >=2', 'a - b', '1.2.3-a - 1.2.3-b', '0 - 0', 'x - x',
  '<=0.0.0-0', '<0.0.0-1', '<0.0.0-0 <1', '>=1.0.0 <0.0.0-0', '1.0.0 - 0.0.0', '>2 <1', '>=2 <=2',
  '>2 <=2', '>=2 <2', '=2', '2', '>=2.0.0-0', '<2.0.0-0', '>2.0.0-0', '^0.0.0', '^0.0.0-0', '~0.0.0',
]
for (const r of adversarialRanges) synthRanges.push(r)
const allRanges = uniq(realRanges.concat(synthRanges))

const OPTS = [
  {}, { loose: true }, { includePrerelease: true }, { loose: true, includePrerelease: true },
]
const optCode = (o) => (o.loose ? 2 : 0) | (o.includePrerelease ? 1 : 0)

// ---------- output ----------
const lines = []
const counts = {}
const run = (fn) => {
  try {
    return { x: fn() }
  } catch (e) {
    return { e: String(e && e.constructor && e.constructor.name) }
  }
}
const emit = (f, a, o, fn) => {
  const r = run(fn)
  const rec = { f, a, o }
  if ('e' in r) rec.e = 1
  else rec.x = r.x === undefined ? null : r.x
  lines.push(JSON.stringify(rec))
  counts[f] = (counts[f] || 0) + 1
}
const str = (v) => v === null ? null : String(v)

// versions near the numbers of a range, so satisfies sees both answers
function nearVersions (r) {
  const nums = (r.match(/\d+/g) || ['0']).slice(0, 12)
  const out = []
  for (let i = 0; i < 6; i++) {
    const n = () => {
      const b = BigInt(pick(nums).slice(0, 30) || '0')
      const d = BigInt(pick([-1, 0, 0, 0, 1, 2]))
      const x = b + d
      return (x < 0n ? 0n : x).toString()
    }
    let v = `${n()}.${n()}.${n()}`
    if (chance(0.3)) v += '-' + pick(['0', 'alpha', 'beta.1', 'rc.2', '1', 'a.b'])
    out.push(v)
  }
  try {
    const m = semver.minVersion(r)
    if (m) out.push(m.version)
  } catch (e) { /* invalid */ }
  return out
}

// compare / valid / clean / parse
// every synthetic and adversarial version, and a sample of the real ones
const sampledVersions = uniq(synthVersions.concat(realVersions.filter(() => chance(0.25))))
for (const v of sampledVersions) {
  for (const o of [{}, { loose: true }]) {
    emit('valid', [v], optCode(o), () => str(semver.valid(v, o)))
    emit('clean', [v], optCode(o), () => str(semver.clean(v, o)))
    emit('parse', [v], optCode(o), () => {
      const p = semver.parse(v, o)
      return p === null ? null : [String(p.major), String(p.minor), String(p.patch), p.prerelease.map(String), p.build]
    })
  }
}
const validVersions = allVersions.filter((v) => semver.valid(v, { loose: true }))
for (let i = 0; i < 12000; i++) {
  const a = chance(0.5) ? pick(validVersions) : pick(allVersions)
  const b = chance(0.3) ? a.replace(/\d+$/, (d) => String(Number(d) + pick([-1, 0, 1]))) : pick(chance(0.6) ? validVersions : allVersions)
  const o = pick([{}, { loose: true }])
  emit('compare', [a, b], optCode(o), () => semver.compare(a, b, o))
}

// ranges: validRange, minVersion, satisfies
for (const r of allRanges) {
  for (const o of OPTS) {
    emit('validRange', [r], optCode(o), () => semver.validRange(r, o))
    emit('minVersion', [r], optCode(o), () => { const m = semver.minVersion(r, o); return m === null ? null : m.version })
  }
  const vs = nearVersions(r)
  for (let i = 0; i < 3; i++) vs.push(pick(allVersions))
  for (const v of vs) {
    const o = pick(OPTS)
    emit('satisfies', [v, r], optCode(o), () => semver.satisfies(v, r, o))
  }
}

// maxSatisfying / minSatisfying over real version lists
const lists = Object.values(inputs.versions)
for (let i = 0; i < 3000; i++) {
  const r = chance(0.6) ? pick(realRanges.concat(synthRanges.slice(0, 3000))) : pick(allRanges)
  let list = pick(lists)
  if (chance(0.3)) list = list.slice().sort(() => rnd() - 0.5).slice(0, 50)
  if (chance(0.2)) list = list.concat(Array.from({ length: 20 }, genVersion))
  const o = pick(OPTS)
  const f = chance(0.5) ? 'maxSatisfying' : 'minSatisfying'
  if (list.length > 120) {
    const start = ri(list.length - 120)
    list = list.slice(start, start + 120)
  }
  emit(f, [list, r], optCode(o), () => semver[f](list, r, o))
}

// intersects
for (let i = 0; i < 12000; i++) {
  const r1 = chance(0.5) ? pick(realRanges) : pick(synthRanges)
  const r2 = chance(0.5) ? pick(realRanges) : pick(synthRanges)
  const o = pick(OPTS)
  emit('intersects', [r1, r2], optCode(o), () => semver.intersects(r1, r2, o))
}

// coerce
const coerceInputs = uniq(allVersions.concat(allRanges.slice(0, 3000)).concat([
  '1.2.3.4', '1.2.3.4.5.6', 'v2', 'v2.1-final', 'version 1.2.3 build 5', '42', 'a1b2c3', '1..2',
  '12345678901234567', '1234567890123456', '1.12345678901234567', '1.2.12345678901234567',
  '1.2.3.4-rc.1+build', '1.2.3-rc.1.2+build.3.4', 'x1.2.3-beta.01', '01.02.03', '1.2.3-01',
  '2.0.0.0.0-beta', '10.20.30-alpha.40', 'abc', '', ' ', '1.2.3' + '.4'.repeat(300),
  '1'.repeat(40), '9'.repeat(17) + '.1.1', 'v' + '1.'.repeat(500) + '1', '1.2.3-' + 'a.'.repeat(300),
  '😀1.2.3😀', '１.２.３', '1.2.3\u00004', '1.2.3-ä', '4.5.6-' + 'b'.repeat(300) + ' 7.8.9',
]))
for (const s of coerceInputs) {
  if (realVersions.includes(s) && !chance(0.2)) continue
  const codes = [0, 1, 2, 3, 4, 5, 6, 7].sort(() => rnd() - 0.5).slice(0, 3)
  for (const c of codes) {
    const o = { includePrerelease: !!(c & 1), loose: !!(c & 2), rtl: !!(c & 4) }
    emit('coerce', [s], c, () => { const v = semver.coerce(s, o); return v === null ? null : v.version })
  }
}

const body = lines.join('\n') + '\n'
fs.mkdirSync(path.dirname(outPath), { recursive: true })
fs.writeFileSync(outPath, zlib.gzipSync(body, { level: 9 }))
const meta = { semver: semverPkg.version, node: process.version, date: new Date().toISOString().slice(0, 10), total: lines.length, counts }
fs.writeFileSync(outPath.replace(/\.jsonl\.gz$/, '.meta.json'), JSON.stringify(meta, null, 2) + '\n')
console.log(JSON.stringify(meta, null, 2))
