// Converts the unpacked npm packages spdx-license-list (6.x), spdx-license-ids and spdx-exceptions
// into spi-licenses/src/main/resources/dev/tollgate/spi/licenses/data/spdx.json.gz plus its
// .provenance sibling. Usage (from a scratch directory where the three tarballs were unpacked by
// `npm pack <name>` + `tar xzf`, into ./sll, ./sids and ./sexc):
//   node tools/licenses/convert.mjs <scratch-dir> <repo-root>
// The output is deterministic (sorted keys, gzip header without a timestamp).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';

const [scratch, root] = process.argv.slice(2);
const read = (p) => JSON.parse(fs.readFileSync(path.join(scratch, p), 'utf8'));
const full = read('sll/spdx-full.json');
const sllPkg = read('sll/package.json');
const deprecated = new Set(read('sids/deprecated.json'));
const sidsPkg = read('sids/package.json');
const exceptions = read('sexc/index.json');
const deprecatedExceptions = read('sexc/deprecated.json');
const sexcPkg = read('sexc/package.json');

const licenses = Object.keys(full).sort().map((id) => ({
  id,
  name: full[id].name,
  osi: !!full[id].osiApproved,
  deprecated: deprecated.has(id),
  text: full[id].licenseText.replace(/\r\n?/g, '\n'),
}));
const out = {
  licenses,
  deprecatedWithoutText: [...deprecated].filter((id) => !full[id]).sort(),
  exceptions: [...exceptions].sort(),
  deprecatedExceptions: [...deprecatedExceptions].sort(),
};
const json = Buffer.from(JSON.stringify(out), 'utf8');
const gz = zlib.gzipSync(json, { level: 9 });
gz[9] = 255; // OS field: unknown, so the bytes do not depend on the platform
const dir = path.join(root, 'spi-licenses/src/main/resources/dev/tollgate/spi/licenses/data');
fs.writeFileSync(path.join(dir, 'spdx.json.gz'), gz);
const sha = crypto.createHash('sha256').update(gz).digest('hex');
const today = new Date().toISOString().slice(0, 10);
fs.writeFileSync(path.join(dir, 'spdx.json.gz.provenance'), [
  `file=spdx.json.gz`,
  `sha256=${sha}`,
  `retrieved=${today}`,
  `source.1=npm package spdx-license-list ${sllPkg.version} (license ${sllPkg.license}): ids, names, OSI flags, full texts`,
  `source.2=npm package spdx-license-ids ${sidsPkg.version} (license ${sidsPkg.license}): deprecated ids`,
  `source.3=npm package spdx-exceptions ${sexcPkg.version} (license ${sexcPkg.license}, attribution: the SPDX workgroup / Linux Foundation): exception ids`,
  `licenses=${licenses.length}`,
  `exceptions=${exceptions.length}`,
  `converter=tools/licenses/convert.mjs`,
  `note=FSF-libre flags are not in these packages and are therefore not bundled`,
  '',
].join('\n'));
console.log(`wrote ${licenses.length} licenses, ${gz.length} bytes, sha256 ${sha}`);
