/**
 * Bad input never crashes the simulator: random garbage parameters (wrong types, huge numbers,
 * unicode, empty values, bad escapes) sent, signed, to every REST route are answered with a
 * Binance `{code,msg}` error or a valid response — never a 500, never a hang.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index.ts';

let sim: Simulator;
beforeAll(async () => { sim = await startSimulator({ seed: 5, time: { mode: 'stepped' }, startTime: Date.UTC(2026, 0, 5), limits: { enabled: false } }); });
afterAll(async () => { await sim?.close(); });

const ROUTES: [string, string][] = [
  ['POST', '/fapi/v1/order'], ['GET', '/fapi/v1/order'], ['DELETE', '/fapi/v1/order'], ['POST', '/fapi/v1/algoOrder'], ['DELETE', '/fapi/v1/algoOrder'],
  ['POST', '/fapi/v1/leverage'], ['POST', '/fapi/v1/marginType'], ['POST', '/fapi/v1/positionSide/dual'], ['GET', '/fapi/v3/positionRisk'], ['GET', '/fapi/v1/income'],
  ['GET', '/fapi/v1/userTrades'], ['GET', '/fapi/v1/klines'], ['GET', '/fapi/v1/depth'], ['GET', '/fapi/v1/fundingRate'], ['DELETE', '/fapi/v1/allOpenOrders'],
  ['POST', '/api/v3/order'], ['DELETE', '/api/v3/order'], ['POST', '/api/v3/orderList/oco'], ['POST', '/api/v3/order/oco'], ['DELETE', '/api/v3/orderList'],
  ['GET', '/api/v3/klines'], ['GET', '/api/v3/depth'], ['GET', '/api/v3/exchangeInfo'], ['POST', '/sapi/v1/asset/transfer'], ['POST', '/sapi/v1/futures/transfer'],
  ['PUT', '/fapi/v1/order'], ['POST', '/fapi/v1/batchOrders'], ['DELETE', '/fapi/v1/batchOrders'],
  ['POST', '/sim/v1/time'], ['POST', '/sim/v1/faults'], ['POST', '/sim/v1/price/shock'],
];
const NAMES = ['symbol', 'side', 'type', 'quantity', 'price', 'timeInForce', 'positionSide', 'reduceOnly', 'closePosition', 'triggerPrice', 'callbackRate', 'activatePrice', 'algoType',
  'leverage', 'marginType', 'dualSidePosition', 'orderId', 'origClientOrderId', 'newClientOrderId', 'limit', 'interval', 'startTime', 'endTime', 'quoteOrderQty', 'stopPrice',
  'aboveType', 'abovePrice', 'belowType', 'belowStopPrice', 'belowPrice', 'orderListId', 'asset', 'amount', 'mode', 'speed', 'relative', 'http5xxRate', 'workingType', 'symbols', 'recvWindow', 'batchOrders', 'orderIdList', 'origClientOrderIdList'];
const value = fc.oneof(
  fc.constantFrom('', '[{"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","quantity":1e99}]', '[null,1,"x"]', 'BTCUSDT', 'ETHUSDT', 'BUY', 'SELL', 'LIMIT', 'MARKET', 'STOP_MARKET', 'GTC', 'FOK', 'LONG', 'true', 'false', 'CONDITIONAL', 'ISOLATED', '1m', 'stepped', 'USDT', 'MAIN_UMFUTURE', '%ZZ', '[]', '["BTCUSDT"]', 'null', 'NaN', 'Infinity', '-0', '1e400'),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const params = fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 3 });
/** A valid request per route family, so garbage in one or two fields reaches the deep code paths. */
const VALID: Record<string, Record<string, string>> = {
  '/fapi/v1/order': { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.010', price: '64000.0', orderId: '4000000001' },
  '/fapi/v1/algoOrder': { algoType: 'CONDITIONAL', symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', triggerPrice: '60000.0', quantity: '0.010', algoId: '1000001' },
  '/fapi/v1/leverage': { symbol: 'BTCUSDT', leverage: '10' },
  '/fapi/v1/batchOrders': { symbol: 'BTCUSDT', batchOrders: JSON.stringify([{ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.010' }]), orderIdList: '[4000000001]' },
  '/fapi/v1/marginType': { symbol: 'BTCUSDT', marginType: 'ISOLATED' },
  '/api/v3/order': { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01000', price: '64000.00', orderId: '12000001' },
  '/api/v3/orderList/oco': { symbol: 'BTCUSDT', side: 'SELL', quantity: '0.01000', aboveType: 'LIMIT_MAKER', abovePrice: '70000.00', belowType: 'STOP_LOSS', belowStopPrice: '60000.00' },
  '/api/v3/order/oco': { symbol: 'BTCUSDT', side: 'SELL', quantity: '0.01000', price: '70000.00', stopPrice: '60000.00' },
  '/sapi/v1/asset/transfer': { type: 'MAIN_UMFUTURE', asset: 'USDT', amount: '1' },
  '/sapi/v1/futures/transfer': { type: '1', asset: 'USDT', amount: '1' },
  '/fapi/v1/klines': { symbol: 'BTCUSDT', interval: '1m' },
  '/api/v3/klines': { symbol: 'BTCUSDT', interval: '1m' },
};

describe('garbage in, Binance errors out', () => {
  it('never answers 500 or hangs on any route', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ROUTES), params, fc.boolean(), async ([method, path], p, inBody) => {
      const q = new URLSearchParams({ ...VALID[path], ...p, timestamp: String(Date.now()) }).toString();
      const signed = `${q}&signature=${createHmac('sha256', sim.apiSecret).update(q).digest('hex')}`;
      const base = path.startsWith('/api') || path.startsWith('/sapi') ? sim.urls.spotRest : sim.urls.futuresRest;
      const body = inBody && method !== 'GET';
      const res = await fetch(`${base}${path}${body ? '' : `?${signed}`}`, {
        method, headers: { 'X-MBX-APIKEY': sim.apiKey, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, ...(body ? { body: signed } : {}),
        signal: AbortSignal.timeout(5_000),
      });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${method} ${path} ${q} → ${text}`).toBeLessThan(500);
      const json = JSON.parse(text) as { code?: number };
      if (res.status >= 400) expect(typeof json.code, text).toBe('number');
    }), { numRuns: 1_000 });
    // the garbage must reach deep code: a real share of requests is accepted, a real share rejected
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(200);
  }, 120_000);
});

describe('garbage over WebSocket', () => {
  it('market, private and WebSocket-API connections survive random frames and keep answering', async () => {
    const { openSocket } = await import('../../test/support/ws-client.ts');
    const { listenKey } = (await (await fetch(`${sim.urls.futuresRest}/fapi/v1/listenKey`, { method: 'POST', headers: { 'X-MBX-APIKEY': sim.apiKey } })).json()) as { listenKey: string };
    const market = await openSocket(`${sim.urls.futuresWs}/ws`);
    const priv = await openSocket(`${sim.urls.futuresWs}/private/ws`);
    const api = await openSocket(`${sim.urls.spotWs}/ws-api/v3`);
    const frame = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.json(),
      fc.record({ method: fc.constantFrom('SUBSCRIBE', 'UNSUBSCRIBE', 'LIST_SUBSCRIPTIONS', 'SET_PROPERTY', 'GET_PROPERTY', 'userDataStream.subscribe.signature', 'userDataStream.unsubscribe', 'ping', 'x'), params: fc.anything(), id: fc.oneof(fc.integer(), fc.string({ maxLength: 50 }), fc.constant(null), fc.anything()) }).map((o) => JSON.stringify(o)),
    );
    await fc.assert(fc.asyncProperty(fc.array(frame, { maxLength: 10 }), async (frames) => {
      for (const f of frames) for (const s of [market, priv, api]) s.ws.send(f);
    }), { numRuns: 100 });
    market.send({ method: 'LIST_SUBSCRIPTIONS', id: 'alive' });
    expect(await market.next((m) => m.id === 'alive')).toHaveProperty('result');
    priv.send({ method: 'SUBSCRIBE', params: [listenKey], id: 'alive' });
    expect(await priv.next((m) => m.id === 'alive')).toEqual({ result: null, id: 'alive' });
    api.send({ id: 'alive', method: 'ping' });
    expect(await api.next((m) => m.id === 'alive')).toMatchObject({ status: 200 });
    await Promise.all([market.close(), priv.close(), api.close()]);
    const big = await openSocket(`${sim.urls.futuresWs}/ws`);
    const closed = new Promise<number>((r) => big.ws.once('close', (code) => r(code)));
    big.ws.send('x'.repeat(100 * 1024));
    expect(await closed).toBe(1009); // message too big: that connection only
    const again = await openSocket(`${sim.urls.futuresWs}/ws`);
    again.send({ method: 'LIST_SUBSCRIPTIONS', id: 1 });
    expect(await again.next((m) => m.id === 1)).toEqual({ result: [], id: 1 });
    await again.close();
  });
});
