import { afterEach, describe, expect, it } from 'vitest';
import { signedCaller } from '../../test/support/binance-rest.ts';
import { openSocket } from '../../test/support/ws-client.ts';
import { startSimulator, type Simulator } from './index.ts';

let sims: Simulator[] = [];
afterEach(async () => { await Promise.all(sims.map((s) => s.close())); sims = []; });
const start = async (extra: Parameters<typeof startSimulator>[0] = {}) => { const sim = await startSimulator({ seed: 2, time: { mode: 'stepped' }, startTime: Date.UTC(2026, 0, 5), ...extra }); sims.push(sim); return sim; };
const post = (sim: Simulator, path: string, params: Record<string, string | number>) => fetch(`${sim.urls.futuresRest}${path}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`, { method: 'POST' }).then((r) => r.json() as Promise<any>);  

describe('rate limits', () => {
  it('weight headers, 429 -1003 with Retry-After past the limit, then 418 on continued abuse', async () => {
    const sim = await start({ limits: { futuresWeightPerMinute: 25 } });
    const depth = () => fetch(`${sim.urls.futuresRest}/fapi/v1/depth?symbol=BTCUSDT&limit=100`);
    const first = await depth();
    expect(first.headers.get('x-mbx-used-weight-1m')).toBe('10');
    await depth();
    const limited = await depth();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: number }).code).toBe(-1003);
    let last = limited;
    for (let i = 0; i < 12; i++) last = await depth();
    expect(last.status).toBe(418);
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('order-count headers on accepted orders; -1015 past the order limit', async () => {
    const sim = await start({ limits: { futuresOrdersPer10s: 2 } });
    const call = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret);
    const q = new URLSearchParams({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.002' });
    const r = await call('POST', '/fapi/v1/order', Object.fromEntries(q));
    expect(r.status).toBe(200);
    await call('POST', '/fapi/v1/order', Object.fromEntries(q));
    const third = await call('POST', '/fapi/v1/order', Object.fromEntries(q));
    expect([third.status, third.body.code]).toEqual([429, -1015]);
    const raw = await fetch(`${sim.urls.futuresRest}/fapi/v1/time`);
    expect(raw.headers.get('x-mbx-order-count-10s')).toBeNull(); // only order responses carry it
  });
});

describe('fault injection', () => {
  it('injected rejections, 5xx and latency are answered and counted', async () => {
    const sim = await start();
    const call = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret);
    await post(sim, '/sim/v1/faults', { orderRejectRate: 1, rejectCode: -2019 });
    expect((await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.002' })).body).toEqual({ code: -2019, msg: 'Margin is insufficient.' });
    await post(sim, '/sim/v1/faults', { orderRejectRate: 0, http5xxRate: 1 });
    expect((await fetch(`${sim.urls.futuresRest}/fapi/v1/time`)).status).toBe(503);
    await post(sim, '/sim/v1/faults', { http5xxRate: 0, latencyMs: 120 });
    const t0 = performance.now();
    await fetch(`${sim.urls.futuresRest}/fapi/v1/time`);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
    const view = (await (await fetch(`${sim.urls.futuresRest}/sim/v1/faults`)).json()) as { counts: Record<string, number> };
    expect(view.counts).toMatchObject({ orderReject: 1, http5xx: 1, latency: 1 });
    expect((await post(sim, '/sim/v1/faults', { http5xxRate: 2 })).code).toBe(-1100);
  });

  it('a timeout AFTER placing leaves the order on the exchange; one BEFORE does not', async () => {
    const sim = await start();
    const call = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret);
    const bid = Number((await (await fetch(`${sim.urls.futuresRest}/fapi/v1/ticker/bookTicker?symbol=BTCUSDT`)).json() as { bidPrice: string }).bidPrice);
    const order = (id: string) => ({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.002', price: (bid - 500).toFixed(1), newClientOrderId: id });
    await post(sim, '/sim/v1/faults', { timeoutAfterPlaceRate: 1, timeoutMs: 150 });
    await expect(call('POST', '/fapi/v1/order', order('tw-after'))).rejects.toThrow();
    await post(sim, '/sim/v1/faults', { timeoutAfterPlaceRate: 0, timeoutBeforePlaceRate: 1 });
    await expect(call('POST', '/fapi/v1/order', order('tw-before'))).rejects.toThrow();
    await fetch(`${sim.urls.futuresRest}/sim/v1/faults`, { method: 'DELETE' });
    expect((await call('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', origClientOrderId: 'tw-after' })).body.status).toBe('NEW');
    expect((await call('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', origClientOrderId: 'tw-before' })).body.code).toBe(-2013);
  });

  it('lost user-data events and WebSocket drops', async () => {
    const sim = await start();
    const call = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret);
    const { listenKey } = (await (await fetch(`${sim.urls.futuresRest}/fapi/v1/listenKey`, { method: 'POST', headers: { 'X-MBX-APIKEY': sim.apiKey } })).json()) as { listenKey: string };
    const user = await openSocket(`${sim.urls.futuresWs}/private/ws?listenKey=${listenKey}`);
    await post(sim, '/sim/v1/faults', { lostUserEventRate: 1 });
    await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.002' });
    await new Promise((r) => setTimeout(r, 50));
    expect(user.messages).toHaveLength(0);
    expect(sim.events.dropped).toBeGreaterThanOrEqual(3); // NEW, TRADE, ACCOUNT_UPDATE
    const closed = new Promise((r) => user.ws.once('close', r));
    await post(sim, '/sim/v1/ws/drop', {});
    await closed;
    const stats = (await (await fetch(`${sim.urls.futuresRest}/sim/v1/stats`)).json()) as { faults: Record<string, number> };
    expect(stats.faults.lostUserEvent).toBeGreaterThanOrEqual(3);
  });
});
