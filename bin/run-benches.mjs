#!/usr/bin/env node
// `npm run bench [name...]`: runs bench/*.bench.ts (or the named ones) one after another through tsx,
// each in its own process so one bench's heap and timers cannot colour the next one's numbers.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w))).sort();
if (benches.length === 0) { console.error(`no bench matches ${wanted.join(' ')}`); process.exit(2); }
let failed = 0;
for (const file of benches) {
  console.log(`# ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join('bench', file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.error(`${file} failed (exit ${r.status ?? r.signal})`); }
}
process.exit(failed ? 1 : 0);
