/**
 * Start-up: `tradewind start` (all twelve services, embedded defaults) from spawn to the one JSON
 * line that says every service is healthy. Target ≤ 10 s. The first run creates the PGlite data
 * folder (cold); the next reuse it (warm), which is what a restart costs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './support.ts';

const BIN = fileURLToPath(new URL('../bin/tradewind.mjs', import.meta.url));

function startOnce(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, TW_LOG_LEVEL: 'error' } });
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('no JSON line within 60 s')); }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      const ms = performance.now() - started;
      clearTimeout(timer);
      const line = JSON.parse(out.split('\n')[0]!) as { services: unknown[] };
      if (line.services.length !== 12) reject(new Error(`expected 12 services, got ${line.services.length}`));
      child.once('exit', () => resolve(ms));
      child.kill('SIGTERM');
    });
    child.once('exit', (code) => { clearTimeout(timer); if (!out.includes('\n')) reject(new Error(`exited ${code} before its JSON line`)); });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'tw-bench-start-'));
try {
  const cold = await startOnce(dir);
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await startOnce(dir));
  warm.sort((a, b) => a - b);
  report('Start-up to all-healthy', 'spawn `node bin/tradewind.mjs start --port 0 --data-dir <tmp>` until its JSON line (12 services healthy), then SIGTERM; cold = fresh data folder, warm = median of 3 restarts', [
    { run: 'cold (new PGlite folder)', seconds: (cold / 1000).toFixed(2), target: '≤ 10 s' },
    { run: 'warm (median of 3)', seconds: (warm[1]! / 1000).toFixed(2), target: '≤ 10 s' },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
