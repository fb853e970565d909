/**
 * Loads the configuration: defaults → file (YAML or JSON) → environment (TW_*) → command-line
 * flags, then validates it once. An invalid value is a TW_ERR_CONFIG_INVALID naming the field.
 */
import { readFileSync } from 'node:fs';
import Value from 'typebox/value';
import YAML from 'yaml';
import { TradewindError } from '../../core/errors.ts';
import { ConfigSchema, defaultConfig, type Config } from './schema.ts';
import { coerce, envMapping, setPath } from './env.ts';
import { loadSecrets, type Secrets } from './secrets.ts';

export interface LoadedConfig { config: Config; secrets: Secrets; }

export interface LoadOptions {
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Dotted path → value from flags (already typed where the flag parser knows the type). */
  overrides?: Record<string, unknown>;
}

const SECRET_KEYS = /^(api[-_]?key|api[-_]?secret|secret|password)$/i;

export function loadConfig(opts: LoadOptions = {}): LoadedConfig {
  const env = opts.env ?? process.env;
  const merged: Record<string, unknown> = structuredClone(defaultConfig) as unknown as Record<string, unknown>;
  if (opts.file) deepMerge(merged, readConfigFile(opts.file), '');
  for (const [name, path] of Object.entries(envMapping)) {
    const raw = env[name];
    if (raw !== undefined) setPath(merged, path, coerce(path, raw));
  }
  for (const [path, value] of Object.entries(opts.overrides ?? {})) if (value !== undefined) setPath(merged, path, typeof value === 'string' ? coerce(path, value) : value);
  const config = validate(merged);
  const secrets = loadSecrets(env);
  checkProfile(config, secrets);
  return { config, secrets };
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new TradewindError('TW_ERR_CONFIG_INVALID', ['--config', JSON.stringify(file), `a readable file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`]);
  }
  let parsed: unknown;
  try {
    parsed = YAML.parse(text);
  } catch (err) {
    throw new TradewindError('TW_ERR_CONFIG_INVALID', ['--config', JSON.stringify(file), `valid YAML or JSON (${(err as Error).message.split('\n')[0]})`]);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new TradewindError('TW_ERR_CONFIG_INVALID', ['(file root)', typeof parsed, 'a mapping of settings']);
  return parsed as Record<string, unknown>;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>, prefix: string): void {
  for (const [k, v] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (SECRET_KEYS.test(k)) {
      throw new TradewindError('TW_ERR_CONFIG_INVALID', [path, 'set in the config file', 'secrets only from TW_BINANCE_API_KEY / TW_BINANCE_API_SECRET or their *_FILE variants'], { field: path });
    }
    if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') deepMerge(target[k] as Record<string, unknown>, v as Record<string, unknown>, path);
    else target[k] = v;
  }
}

function describeAt(path: string[]): string {
  let node: any = ConfigSchema;
  for (const p of path) node = node?.properties?.[p];
  return node?.description ?? (node ? 'a value of the documented shape' : 'no such setting');
}

function validate(value: Record<string, unknown>): Config {
  const errors = [...Value.Errors(ConfigSchema, value)];
  if (errors.length === 0) return value as unknown as Config;
  // Report the most specific error: an unknown key, else the deepest path.
  const unknown = errors.find((e) => e.keyword === 'additionalProperties');
  if (unknown) {
    const extra = (unknown.params as { additionalProperties?: string[] }).additionalProperties?.[0] ?? '?';
    const field = [...unknown.instancePath.split('/').filter(Boolean), extra].join('.');
    throw new TradewindError('TW_ERR_CONFIG_INVALID', [field, 'set', 'no such setting (check the spelling)'], { field });
  }
  const deepest = errors.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
  const parts = deepest.instancePath.split('/').filter(Boolean);
  const field = parts.join('.');
  let actual: unknown = value;
  for (const p of parts) actual = (actual as Record<string, unknown>)?.[p];
  throw new TradewindError('TW_ERR_CONFIG_INVALID', [field, JSON.stringify(actual) ?? 'undefined', describeAt(parts)], { field });
}

function checkProfile(config: Config, secrets: Secrets): void {
  if (config.exchange.profile !== 'live') return;
  if (!config.exchange.liveConfirm) {
    throw new TradewindError('TW_ERR_CONFIG_INVALID', ['exchange.liveConfirm', 'false', 'true to trade with real money on the live profile (TW_EXCHANGE_LIVE_CONFIRM=true)'], { field: 'exchange.liveConfirm' });
  }
  if (!secrets.apiKey || !secrets.apiSecret) {
    throw new TradewindError('TW_ERR_CONFIG_INVALID', ['TW_BINANCE_API_KEY/TW_BINANCE_API_SECRET', 'missing', 'API key and secret in the environment (or *_FILE) for the live profile'], { field: 'exchange.apiKey' });
  }
}
