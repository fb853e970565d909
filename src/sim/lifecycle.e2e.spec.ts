/** Longer-horizon behaviour: funding settlement, liquidation, trailing stops, kline replay, kline/aggTrade streams. */
import { describe, expect, it } from 'vitest';
import { signedCaller } from '../../test/support/binance-rest.ts';
import { hasMarketData, marketDataDir, readKlines } from '../../test/support/market-data.ts';
import { simulators } from '../../test/support/simulators.ts';
import { openSocket } from '../../test/support/ws-client.ts';
import { join } from 'node:path';

const stepped = simulators({ seed: 31, time: { mode: 'stepped' }, startTime: Date.UTC(2026, 0, 5, 7, 0) });

describe('futures over time', () => {
  it('settles funding at 08:00 UTC: FUNDING_FEE income = −position × mark × rate, in the wallet and in fundingRate history', async () => {
    const { sim, call } = await stepped();
    await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '1.000' });
    const before = Number((await call('GET', '/fapi/v3/balance')).body[0].balance);
    sim.advance(3_600_000 + 1_000); // crosses 08:00
    const history = (await call('GET', '/fapi/v1/fundingRate', { symbol: 'BTCUSDT' })).body as { fundingRate: string; fundingTime: number; markPrice: string }[];
    expect(history).toHaveLength(1);
    expect(history[0]!.fundingTime).toBe(Date.UTC(2026, 0, 5, 8, 0));
    const income = (await call('GET', '/fapi/v1/income', { incomeType: 'FUNDING_FEE' })).body as { income: string }[];
    expect(income).toHaveLength(1);
    const expected = -1 * Number(history[0]!.markPrice) * Number(history[0]!.fundingRate);
    expect(Number(income[0]!.income)).toBeCloseTo(expected, 6);
    const after = Number((await call('GET', '/fapi/v3/balance')).body[0].balance);
    expect(after - before).toBeCloseTo(Number(income[0]!.income), 6);
    const premium = (await call('GET', '/fapi/v1/premiumIndex', { symbol: 'BTCUSDT' })).body;
    expect(premium.nextFundingTime).toBe(Date.UTC(2026, 0, 5, 16, 0));
  });

  it('liquidates an isolated position whose margin falls to maintenance, with an autoclose order', async () => {
    const { sim, call } = await stepped({ seed: 44 });
    await call('POST', '/fapi/v1/leverage', { symbol: 'SOLUSDT', leverage: 100 });
    await call('POST', '/fapi/v1/marginType', { symbol: 'SOLUSDT', marginType: 'ISOLATED' });
    await call('POST', '/fapi/v1/order', { symbol: 'SOLUSDT', side: 'BUY', type: 'MARKET', quantity: '100' });
    await call('POST', '/fapi/v1/order', { symbol: 'ETHUSDT', side: 'SELL', type: 'MARKET', quantity: '0.010' }); // unrelated cross position stays
    const liq = Number((await call('GET', '/fapi/v2/positionRisk', { symbol: 'SOLUSDT' })).body[0].liquidationPrice);
    expect(liq).toBeGreaterThan(0);
    const open = () => sim.futures.inspect()[0]!.positions.some((p) => p.symbol === 'SOLUSDT');
    sim.advance(1_000);
    expect(open()).toBe(true);
    await fetch(`${sim.urls.futuresRest}/sim/v1/price/shock?symbol=SOLUSDT&relative=-0.03`, { method: 'POST' }); // a flash crash below the liquidation price
    sim.advance(1_000);
    expect(open()).toBe(false);
    const orders = (await call('GET', '/fapi/v1/allOrders', { symbol: 'SOLUSDT' })).body as { clientOrderId: string; origType: string; status: string }[];
    expect(orders.at(-1)).toMatchObject({ origType: 'LIQUIDATION', status: 'FILLED' });
    expect(orders.at(-1)!.clientOrderId).toMatch(/^autoclose-/);
    expect((await call('GET', '/fapi/v2/positionRisk', { symbol: 'ETHUSDT' })).body[0].positionAmt).toBe('-0.010');
  });

  it('a trailing stop activates, follows the best price and fires on the callback', async () => {
    const { sim, call } = await stepped({ seed: 50 });
    await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.100' });
    const t = await call('POST', '/fapi/v1/algoOrder', { algoType: 'CONDITIONAL', symbol: 'BTCUSDT', side: 'SELL', type: 'TRAILING_STOP_MARKET', quantity: '0.100', reduceOnly: 'true', callbackRate: '0.2' });
    expect(t.body).toMatchObject({ orderType: 'TRAILING_STOP_MARKET', algoStatus: 'NEW', callbackRate: '0.2' });
    let algo = t.body;
    for (let i = 0; i < 7 * 24 * 60 && algo.algoStatus === 'NEW'; i++) { sim.advance(60_000); algo = (await call('GET', '/fapi/v1/algoOrder', { algoId: t.body.algoId })).body; }
    expect(algo.algoStatus).toBe('FINISHED');
    expect((await call('GET', '/fapi/v3/positionRisk', { symbol: 'BTCUSDT' })).body).toEqual([]);
    expect((await call('POST', '/fapi/v1/algoOrder', { algoType: 'CONDITIONAL', symbol: 'BTCUSDT', side: 'SELL', type: 'TRAILING_STOP_MARKET', quantity: '0.1', callbackRate: '15' })).body.code).toBe(-2007);
  });

  it.each([
    [{ quantity: '1e30' }, -1100],
    [{ quantity: '99999999999999999999' }, -4005],
    [{ quantity: '0.001', price: '99999999999999999999', type: 'LIMIT', timeInForce: 'GTC' }, -4016],
    [{ quantity: '-1' }, -1100],
    [{ quantity: '' }, -1102],
    [{ quantity: '0.001', recvWindow: '99999999' }, -1131],
    [{ quantity: '0.001', timestamp: '1' }, -1021],
  ])('huge, negative and malformed numbers: %j → %i', async (params, code) => {
    const { sim } = await stepped();
    const call = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret, () => Date.now());
    const base = { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET' };
    const { timestamp, ...rest } = params as Record<string, string>;
    const r = timestamp
      ? await fetch(`${sim.urls.futuresRest}/fapi/v1/order?${new URLSearchParams({ ...base, ...rest, timestamp })}&signature=00`, { method: 'POST', headers: { 'X-MBX-APIKEY': sim.apiKey } }).then(async (x) => ({ status: x.status, body: await x.json() as { code: number } }))
      : await call('POST', '/fapi/v1/order', { ...base, ...rest });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
  });
});

describe('replay and market streams', () => {
  it('replays a Binance kline CSV: prices follow the file bar by bar', { skip: !hasMarketData }, async () => {
    const file = join(marketDataDir, 'klines', 'binance-spot_BTCBUSD_1m_2022-12-13.csv');
    const bars = readKlines('binance-spot_BTCBUSD_1m_2022-12-13.csv');
    const { sim } = await stepped({ startTime: bars[0]!.openTime, replay: { BTCUSDT: file } });
    sim.advance(30 * 60_000);
    const kl = (await (await fetch(`${sim.urls.spotRest}/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=30`)).json()) as [number, string, string, string, string][];
    expect(kl).toHaveLength(30);
    for (const row of kl.slice(0, -1)) {
      const bar = bars.find((b) => b.openTime === row[0])!;
      expect(bar).toBeDefined();
      // the first step is 100 ms into the minute and the last 100 ms before its end: within 1 % of the bar's range
      const tol = Math.max(0.02, (bar.high - bar.low) * 0.01);
      expect(Math.abs(Number(row[1]) - bar.open)).toBeLessThanOrEqual(tol);
      expect(Math.abs(Number(row[4]) - bar.close)).toBeLessThanOrEqual(tol);
      expect(Number(row[2])).toBeLessThanOrEqual(bar.high + 0.011); // half a tick of rounding
      expect(Number(row[3])).toBeGreaterThanOrEqual(bar.low - 0.011);
    }
  });

  it('kline and aggTrade streams carry Binance payloads', async () => {
    const { sim, call } = await stepped();
    const sock = await openSocket(`${sim.urls.futuresWs}/market/stream?streams=btcusdt@kline_1m/btcusdt@aggtrade`);
    sim.advance(500);
    await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.500' });
    sim.advance(500);
    const k = await sock.next((m) => m.stream === 'btcusdt@kline_1m');
    expect(k.data).toMatchObject({ e: 'kline', s: 'BTCUSDT', k: { i: '1m', x: false, s: 'BTCUSDT' } });
    expect(Number(k.data.k.h)).toBeGreaterThanOrEqual(Number(k.data.k.l));
    const a = await sock.next((m) => m.stream === 'btcusdt@aggtrade');
    expect(a.data).toMatchObject({ e: 'aggTrade', s: 'BTCUSDT', p: expect.any(String), q: expect.any(String), nq: expect.any(String), m: expect.any(Boolean) });
    await sock.close();
  });
});
