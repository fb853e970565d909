import { MainClient, USDMClient } from 'binance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacHex } from './http/auth.ts';
import { startSimulator, type Simulator } from './index.ts';

describe('simulator accounts over signed REST', () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ port: 0, seed: 11 }); });
  afterAll(async () => { await sim?.close(); });

  const signed = async (path: string, params: Record<string, string> = {}, opts: { key?: string; secret?: string } = {}) => {
    const q = new URLSearchParams({ timestamp: String(Date.now()), ...params }).toString();
    const res = await fetch(`${sim.urls.futuresRest}${path}?${q}&signature=${hmacHex(opts.secret ?? sim.apiSecret, q)}`, { headers: { 'X-MBX-APIKEY': opts.key ?? sim.apiKey } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { code?: number } };
  };

  it('serves the default funded account on both markets (non-zero updateTime, 8-decimal strings)', async () => {
    const bal = await signed('/fapi/v3/balance');
    expect(bal.status).toBe(200);
    expect(bal.body).toEqual([expect.objectContaining({ asset: 'USDT', balance: '100000.00000000', availableBalance: '100000.00000000', updateTime: expect.any(Number) })]);
    expect((bal.body as unknown as { updateTime: number }[])[0]!.updateTime).toBeGreaterThan(0);
    const acc = await signed('/fapi/v3/account');
    expect(acc.body).toMatchObject({ totalWalletBalance: '100000.00000000', availableBalance: '100000.00000000' });
    expect(acc.body.positions).toEqual([]); // v3 lists only symbols with a position or open orders
    const spot = await signed('/api/v3/account', { omitZeroBalances: 'true' });
    expect(spot.body.balances).toEqual([{ asset: 'USDT', free: '100000.00000000', locked: '0.00000000' }, { asset: 'BTC', free: '1.00000000', locked: '0.00000000' }, { asset: 'ETH', free: '10.00000000', locked: '0.00000000' }]);
  });

  it('answers auth failures with Binance codes and statuses', async () => {
    expect(await signed('/fapi/v3/balance', {}, { secret: 'wrong' })).toEqual({ status: 400, body: { code: -1022, msg: 'Signature for this request is not valid.' } });
    expect((await signed('/fapi/v3/balance', {}, { key: 'Z'.repeat(64) })).status).toBe(401);
    const noKey = await fetch(`${sim.urls.futuresRest}/fapi/v3/balance?timestamp=${Date.now()}&signature=00`);
    expect([noKey.status, ((await noKey.json()) as { code: number }).code]).toEqual([401, -2014]);
    const stale = await signed('/fapi/v3/balance', { recvWindow: '1000', timestamp: String(Date.now() - 60_000) });
    expect(stale.body.code).toBe(-1021);
  });

  it('works with the third-party `binance` SDK, unmodified, pointed at the simulator', async () => {
    const opts = { api_key: sim.apiKey, api_secret: sim.apiSecret, disableTimeSync: true };
    const usdm = new USDMClient({ ...opts, baseUrl: sim.urls.futuresRest });
    const balances = await usdm.getBalanceV3();
    expect(balances.find((b) => b.asset === 'USDT')!.availableBalance).toBe('100000.00000000');
    const info = await usdm.getAccountInformationV3();
    expect(info.totalWalletBalance).toBe('100000.00000000');
    const main = new MainClient({ ...opts, baseUrl: sim.urls.spotRest });
    const account = await main.getAccountInformation();
    expect(account.balances.find((b) => b.asset === 'BTC')!.free).toBe('1.00000000');
  });
});
