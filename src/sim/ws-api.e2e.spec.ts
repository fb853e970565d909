import { afterEach, describe, expect, it } from 'vitest';
import { openSocket } from '../../test/support/ws-client.ts';
import { hmacHex } from './http/auth.ts';
import { startSimulator, type Simulator } from './index.ts';

let sims: Simulator[] = [];
afterEach(async () => { await Promise.all(sims.map((s) => s.close())); sims = []; });

/** Binance WebSocket-API signing: every param but `signature`, sorted by name, joined as a query string. */
const sign = (secret: string, params: Record<string, string | number>) => ({ ...params, signature: hmacHex(secret, Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('&')) });

describe('WebSocket API (futures /ws-fapi/v1, spot /ws-api/v3)', () => {
  it('futures: order.place / order.status / order.cancel / account.balance / userDataStream.start, with Binance errors', async () => {
    const sim = await startSimulator({ seed: 3 }); sims.push(sim);
    const ws = await openSocket(`${sim.urls.futuresWs}/ws-fapi/v1`);
    const req = async (id: string, method: string, params: Record<string, string | number>, signed = true) => {
      ws.send({ id, method, params: signed ? sign(sim.apiSecret, { ...params, apiKey: sim.apiKey, timestamp: Date.now() }) : params });
      return ws.next((m) => m.id === id);
    };
    const bid = Number(((await (await fetch(`${sim.urls.futuresRest}/fapi/v1/ticker/bookTicker?symbol=BTCUSDT`)).json()) as { bidPrice: string }).bidPrice);
    const placed = await req('p1', 'order.place', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.010', price: (bid - 500).toFixed(1), newOrderRespType: 'RESULT' });
    expect(placed).toMatchObject({ id: 'p1', status: 200, result: { symbol: 'BTCUSDT', status: 'NEW' }, rateLimits: expect.any(Array) });
    expect((await req('s1', 'order.status', { symbol: 'BTCUSDT', orderId: placed.result.orderId })).result.status).toBe('NEW');
    expect((await req('c1', 'order.cancel', { symbol: 'BTCUSDT', orderId: placed.result.orderId })).result.status).toBe('CANCELED');
    expect((await req('b1', 'account.balance', {})).result[0]).toMatchObject({ asset: 'USDT' });
    expect((await req('k1', 'userDataStream.start', { apiKey: sim.apiKey }, false)).result.listenKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const badSig = { symbol: 'BTCUSDT', orderId: 1, apiKey: sim.apiKey, timestamp: Date.now(), signature: 'ff' };
    ws.send({ id: 'x', method: 'order.status', params: badSig });
    expect(await ws.next((m) => m.id === 'x')).toMatchObject({ status: 400, error: { code: -1022 } });
    expect((await req('x2', 'order.place', { symbol: 'BTCUSDT', side: 'BUY', type: 'STOP_MARKET', quantity: '0.01' })).error.code).toBe(-4120);
    ws.send({ id: 'x3', method: 'nope', params: {} });
    expect(await ws.next((m) => m.id === 'x3')).toMatchObject({ status: 400, error: { code: -1100 } });
    await ws.close();
  });

  it('spot: order.place (FULL) and account.status', async () => {
    const sim = await startSimulator({ seed: 3 }); sims.push(sim);
    const ws = await openSocket(`${sim.urls.spotWs}/ws-api/v3`);
    ws.send({ id: 1, method: 'order.place', params: sign(sim.apiSecret, { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '0.1000', apiKey: sim.apiKey, timestamp: Date.now() }) });
    expect(await ws.next((m) => m.id === 1)).toMatchObject({ status: 200, result: { status: 'FILLED', fills: expect.any(Array) } });
    ws.send({ id: 2, method: 'account.status', params: sign(sim.apiSecret, { apiKey: sim.apiKey, timestamp: Date.now() }) });
    const acct = await ws.next((m) => m.id === 2);
    expect(acct.result.balances.find((b: { asset: string }) => b.asset === 'ETH').free).toBe('10.09990000');
    await ws.close();
  });
});
