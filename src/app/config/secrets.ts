/**
 * API keys come only from the environment or a file named by the environment (`*_FILE`), never from
 * the config file, so they cannot be committed with it. `redact` scrubs them from any text we print.
 */
import { readFileSync } from 'node:fs';
import { TradewindError } from '../../core/errors.ts';

export interface Secrets { apiKey: string | null; apiSecret: string | null; }

function fromEnv(env: NodeJS.ProcessEnv, name: string): string | null {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim() || null;
    } catch (err) {
      throw new TradewindError('TW_ERR_CONFIG_INVALID', [`${name}_FILE`, JSON.stringify(file), `a readable file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`]);
    }
  }
  const v = env[name];
  return v ? v.trim() : null;
}

export function loadSecrets(env: NodeJS.ProcessEnv): Secrets {
  return { apiKey: fromEnv(env, 'TW_BINANCE_API_KEY'), apiSecret: fromEnv(env, 'TW_BINANCE_API_SECRET') };
}

/** Replaces every known secret, and any password inside a URL, with "***". */
export function redact(text: string, secrets: Secrets): string {
  let out = text.replace(/(\w+:\/\/[^:/@\s]*:)[^@/\s]+@/g, '$1***@');
  for (const s of [secrets.apiKey, secrets.apiSecret]) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}
