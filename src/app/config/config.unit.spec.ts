import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.ts';
import { redact } from './secrets.ts';

const dir = mkdtempSync(join(tmpdir(), 'tw-config-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

describe('config loading', () => {
  it('uses embedded defaults with no file and no environment', () => {
    const { config } = loadConfig({ env: {} });
    expect(config.http.port).toBe(8080);
    expect(config.store.url).toBeNull();
    expect(config.bus.url).toBe('memory');
    expect(config.exchange.profile).toBe('sim');
  });

  it('applies defaults → file → environment → flags, later wins', () => {
    const f = file('a.yaml', 'http:\n  port: 9000\n  host: 0.0.0.0\nlog:\n  level: debug\n');
    const { config } = loadConfig({ file: f, env: { TW_HTTP_PORT: '9100', TW_LOG_LEVEL: 'warn' }, overrides: { 'http.port': 0 } });
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.log.level).toBe('warn');
    expect(config.http.port).toBe(0);
  });

  it('names the field and what was expected for a bad value', () => {
    expect(() => loadConfig({ env: { TW_HTTP_PORT: 'abc' } })).toThrow('config field "http.port" was "abc", expected an integer 0–65535');
    expect(() => loadConfig({ env: { TW_HTTP_PORT: '70000' } })).toThrow(/"http\.port" was 70000/);
    expect(() => loadConfig({ env: { TW_EXCHANGE_PROFILE: 'mainnet' } })).toThrow('config field "exchange.profile" was "mainnet", expected one of "sim", "testnet", "live"');
    expect(() => loadConfig({ env: { TW_BUS_URL: 'kafka://x' } })).toThrow(/"bus\.url" was "kafka:\/\/x"/);
    expect(() => loadConfig({ file: file('b.json', '{"htp": {"port": 1}}'), env: {} })).toThrow('config field "htp" was set, expected no such setting');
    expect(() => loadConfig({ file: file('c.yaml', 'http: [1,\n'), env: {} })).toThrow(/--config.*valid YAML or JSON/);
    expect(() => loadConfig({ file: join(dir, 'missing.yaml'), env: {} })).toThrow(/--config.*a readable file \(ENOENT\)/);
  });

  it('refuses secrets in the config file', () => {
    const f = file('d.yaml', 'exchange:\n  apiSecret: abcd\n');
    expect(() => loadConfig({ file: f, env: {} })).toThrow(/"exchange\.apiSecret" was set in the config file/);
  });

  it('reads secrets from the environment or a *_FILE', () => {
    const secretFile = file('secret.txt', 'file-secret-value\n');
    const { secrets } = loadConfig({ env: { TW_BINANCE_API_KEY: 'env-key-value', TW_BINANCE_API_SECRET_FILE: secretFile } });
    expect(secrets).toEqual({ apiKey: 'env-key-value', apiSecret: 'file-secret-value' });
  });

  it('refuses the live profile without an explicit opt-in and keys', () => {
    expect(() => loadConfig({ env: { TW_EXCHANGE_PROFILE: 'live' } })).toThrow(/exchange\.liveConfirm/);
    expect(() => loadConfig({ env: { TW_EXCHANGE_PROFILE: 'live', TW_EXCHANGE_LIVE_CONFIRM: 'true' } })).toThrow(/API key and secret/);
    const { config } = loadConfig({ env: { TW_EXCHANGE_PROFILE: 'live', TW_EXCHANGE_LIVE_CONFIRM: 'true', TW_BINANCE_API_KEY: 'k'.repeat(16), TW_BINANCE_API_SECRET: 's'.repeat(16) } });
    expect(config.exchange.profile).toBe('live');
  });

  it('redacts secrets and URL passwords from text', () => {
    const s = { apiKey: 'KEY123456', apiSecret: 'SECRET987654' };
    expect(redact('key KEY123456 secret SECRET987654 url postgres://u:pw@h:5432/db', s)).toBe('key *** secret *** url postgres://u:***@h:5432/db');
  });
});
