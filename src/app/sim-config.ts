/**
 * The simulator's config file (YAML or JSON) and flags, validated with messages that name the field:
 * ports, seed, time mode and speed, accounts (key, secret, funding), kline replay files, faults, limits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { SimulatorOptions } from '../sim/index.ts';

export type SimFileConfig = Omit<SimulatorOptions, 'host' | 'clock'>;
export class SimConfigError extends Error {}

const fail = (field: string, got: unknown, expected: string): never => { throw new SimConfigError(`config field "${field}" was ${JSON.stringify(got)}, expected ${expected}`); };
const int = (field: string, v: unknown, min: number, max: number): number => {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : fail(field, v, `an integer ${min}–${max}`);
};
const decimal = (field: string, v: unknown): string => {
  const s = typeof v === 'number' ? String(v) : v;
  return typeof s === 'string' && /^\d+(\.\d+)?$/.test(s) ? s : fail(field, v, 'a non-negative decimal');
};
const funding = (field: string, v: unknown): Record<string, string> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(field, v, 'a map of asset → amount');
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [/^[A-Z0-9]{2,10}$/.test(k) ? k : fail(`${field}.${k}`, k, 'an asset name'), decimal(`${field}.${k}`, x)]));
};

export function loadSimConfig(file: string | undefined, flags: { port?: string | undefined; futuresPort?: string | undefined; seed?: string | undefined; time?: string | undefined; speed?: string | undefined; apiKey?: string | undefined; apiSecret?: string | undefined }): SimFileConfig {
  let raw: Record<string, unknown> = {};
  if (file !== undefined) {
    if (!existsSync(file)) throw new SimConfigError(`cannot read config file ${file}`);
    const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) throw new SimConfigError(`config file ${file} is not a map`);
    raw = (parsed ?? {}) as Record<string, unknown>;
  }
  const known = ['port', 'futuresPort', 'seed', 'time', 'accounts', 'replay', 'faults', 'limits', 'startTime'];
  for (const k of Object.keys(raw)) if (!known.includes(k)) fail(k, raw[k], `one of the fields ${known.join(', ')}`);
  const out: SimFileConfig = {};
  const port = flags.port ?? raw.port;
  if (port !== undefined) out.port = int('port', port, 0, 65535);
  const fport = flags.futuresPort ?? raw.futuresPort;
  if (fport !== undefined) out.futuresPort = int('futuresPort', fport, 0, 65535);
  out.seed = int('seed', flags.seed ?? raw.seed ?? 1, 0, 2 ** 31 - 1);
  if (raw.startTime !== undefined) out.startTime = int('startTime', raw.startTime, 0, 8.64e15);
  const time = (raw.time ?? {}) as Record<string, unknown>;
  const mode = flags.time ?? time.mode;
  if (mode !== undefined) {
    if (mode !== 'real' && mode !== 'accelerated' && mode !== 'stepped') fail('time.mode', mode, 'one of real, accelerated, stepped');
    out.time = { mode: mode as 'real' | 'accelerated' | 'stepped', speed: int('time.speed', flags.speed ?? time.speed ?? 1, 1, 1_000_000) };
  }
  if (raw.accounts !== undefined) {
    if (!Array.isArray(raw.accounts) || raw.accounts.length === 0) fail('accounts', raw.accounts, 'a non-empty list');
    out.accounts = loadAccounts(raw.accounts as Record<string, unknown>[]);
  }
  if ((flags.apiKey === undefined) !== (flags.apiSecret === undefined)) throw new SimConfigError('--api-key and --api-secret go together');
  if (flags.apiKey !== undefined) {
    const first = { apiKey: flags.apiKey, apiSecret: flags.apiSecret! };
    const checked = (loadAccounts([first]))[0]!;
    out.accounts = [checked, ...(out.accounts ?? []).filter((a) => a.apiKey !== checked.apiKey)];
  }
  if (raw.replay !== undefined) {
    const r = raw.replay as Record<string, unknown>;
    out.replay = Object.fromEntries(Object.entries(r).map(([sym, f]) => [sym, typeof f === 'string' && existsSync(f) ? f : fail(`replay.${sym}`, f, 'a readable kline CSV file')]));
  }
  if (raw.faults !== undefined) out.faults = raw.faults as SimFileConfig['faults'];
  if (raw.limits !== undefined) out.limits = raw.limits as SimFileConfig['limits'];
  return out;
}

function loadAccounts(list: Record<string, unknown>[]): NonNullable<SimFileConfig['accounts']> {
  return list.map((a, i) => ({
    apiKey: typeof a.apiKey === 'string' && /^[A-Za-z0-9]{8,128}$/.test(a.apiKey) ? a.apiKey : fail(`accounts[${i}].apiKey`, a.apiKey, '8–128 letters or digits'),
    apiSecret: typeof a.apiSecret === 'string' && a.apiSecret.length >= 8 ? a.apiSecret : fail(`accounts[${i}].apiSecret`, '***', 'a secret of at least 8 characters'),
    ...(a.futures !== undefined ? { futures: funding(`accounts[${i}].futures`, a.futures) } : {}),
    ...(a.spot !== undefined ? { spot: funding(`accounts[${i}].spot`, a.spot) } : {}),
  }));
}
