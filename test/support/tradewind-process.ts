/** Spawns `node bin/tradewind.mjs …` for end-to-end tests and reads its one JSON start-up line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../../bin/tradewind.mjs', import.meta.url).pathname;

export interface Running {
  proc: ChildProcess;
  /** Resolves with the parsed start-up line, or rejects when the process exits first. */
  ready: Promise<{ url: string; services: string[] }>;
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const tempDir = (label: string) => mkdtempSync(join(tmpdir(), `tw-${label}-`));

export function runTradewind(args: string[], env: Record<string, string> = {}): Running {
  const proc = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, TW_LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const ready = new Promise<{ url: string; services: string[] }>((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) { try { resolve(JSON.parse(line)); } catch (e) { reject(e); } }
    });
    void exited.then((code) => reject(new Error(`tradewind exited with ${code} before it was ready:\n${err}`)));
  });
  ready.catch(() => undefined);
  return {
    proc, ready, exited,
    stdout: () => out,
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}
