/** Shared bench plumbing: the machine line, a markdown table, and a JSON result file under bench/results/. */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export function machine(): Record<string, string | number> {
  let commit = 'unknown';
  try { commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* not a checkout */ }
  return { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, commit };
}

export function report(name: string, method: string, rows: Record<string, string | number>[]): void {
  const m = machine();
  const cols = Object.keys(rows[0] ?? {});
  const lines = [
    `### ${name}`,
    `machine: ${m.cpus} × ${m.cpu}, node ${m.node}, commit ${m.commit}`,
    `method: ${method}`,
    '',
    `| ${cols.join(' | ')} |`,
    `| ${cols.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${cols.map((c) => r[c]).join(' | ')} |`),
  ];
  console.log(lines.join('\n') + '\n');
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/${name.replace(/\W+/g, '-').toLowerCase()}.json`, import.meta.url), JSON.stringify({ name, machine: m, method, result: rows }, null, 2));
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
