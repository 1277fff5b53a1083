// The registry mirror here lacks rollup's non-linux-glibc platform packages, so npm leaves them out of
// the lock and `npm ci` then refuses it. Add them as optional, platform-gated entries (never fetched).
const fs = require('fs');
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const rollup = lock.packages['node_modules/rollup'];
for (const [name, version] of Object.entries(rollup.optionalDependencies || {})) {
  const key = 'node_modules/' + name;
  if (lock.packages[key]) continue;
  const m = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z]+))?$/.exec(name);
  if (!m) throw new Error(name);
  const [, os, cpuRaw, abi] = m;
  const cpu = cpuRaw === 'arm' ? 'arm' : cpuRaw;
  const entry = { version, cpu: [cpu], dev: true, license: 'MIT', optional: true, os: [os] };
  if (abi === 'musl' || abi === 'musleabihf') entry.libc = ['musl'];
  if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
  lock.packages[key] = entry;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
