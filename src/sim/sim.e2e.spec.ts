import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTradewind, tempDir, type Running } from '../../test/support/tradewind-process.ts';
import { startSimulator, type Simulator } from './index.ts';

describe('simulator public endpoints', () => {
  let sim: Simulator;
  afterAll(async () => { await sim?.close(); });

  it('answers ping, time and both exchangeInfo bodies as Binance shapes them', async () => {
    sim = await startSimulator({ port: 0, seed: 7 });
    const f = sim.urls.futuresRest;
    expect(await (await fetch(`${f}/fapi/v1/ping`)).json()).toEqual({});
    const t = (await (await fetch(`${f}/fapi/v1/time`)).json()) as { serverTime: number };
    expect(Math.abs(t.serverTime - Date.now())).toBeLessThan(5_000);
    const info = await fetch(`${f}/fapi/v1/exchangeInfo`);
    expect(info.headers.get('x-mbx-used-weight-1m')).toMatch(/^\d+$/);
    const fut = (await info.json()) as { symbols: { symbol: string; contractType: string; marginAsset: string; orderTypes: string[]; filters: { filterType: string; notional?: string; tickSize?: string }[] }[] };
    const btc = fut.symbols.find((s) => s.symbol === 'BTCUSDT')!;
    expect(btc.contractType).toBe('PERPETUAL');
    expect(btc.marginAsset).toBe('USDT');
    expect(btc.orderTypes).toContain('TAKE_PROFIT_MARKET');
    expect(btc.filters.find((x) => x.filterType === 'MIN_NOTIONAL')!.notional).toBe('100');
    expect(btc.filters.find((x) => x.filterType === 'PRICE_FILTER')!.tickSize).toBe('0.10');
    const spot = (await (await fetch(`${sim.urls.spotRest}/api/v3/exchangeInfo?symbol=ETHUSDT`)).json()) as { symbols: { symbol: string; filters: { filterType: string }[]; permissionSets: string[][] }[] };
    expect(spot.symbols.map((s) => s.symbol)).toEqual(['ETHUSDT']);
    expect(spot.symbols[0]!.filters.map((x) => x.filterType)).toEqual(expect.arrayContaining(['NOTIONAL', 'PERCENT_PRICE_BY_SIDE', 'LOT_SIZE']));
  });

  it('answers bad input and unknown paths with Binance {code,msg} errors, never a 500', async () => {
    const s = sim.urls.spotRest;
    const cases: [string, number, number][] = [
      ['/api/v3/exchangeInfo?symbol=NOPEUSDT', 400, -1121],
      ['/api/v3/exchangeInfo?symbol=bad%20sym', 400, -1100],
      ['/api/v3/exchangeInfo?symbols=not-json', 400, -1100],
      ['/api/v3/exchangeInfo?symbols=%5B%22BTCUSDT%22,%22NOPE%22%5D', 400, -1121],
      ['/fapi/v1/nope', 404, -1000],
    ];
    for (const [path, status, code] of cases) {
      const res = await fetch(`${s}${path}`);
      expect(res.status, path).toBe(status);
      expect(((await res.json()) as { code: number }).code, path).toBe(code);
    }
  });

  it('gives the same default credentials for the same seed', async () => {
    const again = await startSimulator({ port: 0, seed: 7 });
    expect([again.apiKey, again.apiSecret]).toEqual([sim.apiKey, sim.apiSecret]);
    await again.close();
  });
});

describe('tradewind sim', () => {
  let p: Running | undefined;
  afterAll(async () => { await p?.stop('SIGKILL'); });

  it('prints one JSON line with its URLs and credentials and stops cleanly on SIGTERM', async () => {
    p = runTradewind(['sim', '--port', '0', '--seed', '3']);
    const line = (await p.ready) as unknown as { spotRest: string; futuresRest: string; spotWs: string; futuresWs: string; apiKey: string; apiSecret: string };
    expect(Object.keys(line).sort()).toEqual(['apiKey', 'apiSecret', 'control', 'futuresRest', 'futuresWs', 'spotRest', 'spotWs']);
    expect((await fetch(`${line.futuresRest}/fapi/v1/ping`)).status).toBe(200);
    expect((await fetch(`${line.spotRest}/api/v3/ping`)).status).toBe(200);
    expect(await p.stop()).toBe(0);
  });

  it('reads accounts, time mode and faults from --config, and names a bad field', async () => {
    const dir = tempDir('simcfg');
    const file = join(dir, 'sim.yaml');
    writeFileSync(file, 'seed: 9\ntime: { mode: stepped }\naccounts:\n  - apiKey: abcdefgh12345678\n    apiSecret: s3cr3t-s3cr3t\n    futures: { USDT: "2500.5" }\nfaults: { latencyMs: 0 }\n');
    p = runTradewind(['sim', '--config', file]);
    const line = (await p.ready) as unknown as { futuresRest: string; control: string; apiKey: string };
    expect(line.apiKey).toBe('abcdefgh12345678');
    expect(((await (await fetch(`${line.control}/time`)).json()) as { mode: string }).mode).toBe('stepped');
    const accounts = (await (await fetch(`${line.control}/accounts`)).json()) as { futures: { wallet: string } }[];
    expect(accounts[0]!.futures.wallet).toBe('2500.50000000');
    expect(await p.stop()).toBe(0);
    writeFileSync(file, 'accounts:\n  - apiKey: "bad key"\n    apiSecret: s3cr3t-s3cr3t\n');
    const bad = runTradewind(['sim', '--config', file]);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain('config field "accounts[0].apiKey" was "bad key", expected 8–128 letters or digits');
  });

  it('takes the account from --api-key/--api-secret', async () => {
    p = runTradewind(['sim', '--api-key', 'flagkey12345678', '--api-secret', 'flag-secret-1']);
    const line = (await p.ready) as unknown as { apiKey: string; apiSecret: string };
    expect([line.apiKey, line.apiSecret]).toEqual(['flagkey12345678', 'flag-secret-1']);
    expect(await p.stop()).toBe(0);
    const half = runTradewind(['sim', '--api-key', 'flagkey12345678']);
    expect(await half.exited).toBe(2);
  });
});
