import { describe, expect, it } from 'vitest';
import { simulators } from '../../test/support/simulators.ts';

const stepped = simulators({ seed: 13, time: { mode: 'stepped' }, startTime: Date.UTC(2026, 0, 5, 10) });

describe('futures order modify and batches', () => {
  it('PUT /fapi/v1/order amends a resting order in place; a crossing price fills it as taker', async () => {
    const { call } = await stepped();
    const t = (await call('GET', '/fapi/v1/ticker/bookTicker', { symbol: 'BTCUSDT' })).body as { bidPrice: string; askPrice: string };
    const placed = (await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.010', price: (Number(t.bidPrice) - 500).toFixed(1) })).body;
    const amended = await call('PUT', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: placed.orderId, side: 'BUY', quantity: '0.020', price: (Number(t.bidPrice) - 400).toFixed(1) });
    expect(amended.body).toMatchObject({ orderId: placed.orderId, status: 'NEW', origQty: '0.020', price: (Number(t.bidPrice) - 400).toFixed(1) });
    expect((await call('PUT', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: placed.orderId, side: 'BUY', quantity: '0.020', price: (Number(t.bidPrice) - 400).toFixed(1) })).body.code).toBe(-5027);
    const crossed = await call('PUT', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: placed.orderId, side: 'BUY', quantity: '0.020', price: t.askPrice });
    expect(crossed.body.status).toBe('FILLED');
    expect((await call('PUT', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: 42, side: 'BUY', quantity: '0.020', price: t.askPrice })).body.code).toBe(-2013);
  });

  it('POST/DELETE /fapi/v1/batchOrders answer each item with its order or its error', async () => {
    const { call } = await stepped();
    const bid = Number((await call('GET', '/fapi/v1/ticker/bookTicker', { symbol: 'ETHUSDT' })).body.bidPrice);
    const items = [
      { symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.100', price: (bid * 0.97).toFixed(2), newClientOrderId: 'b-1' },
      { symbol: 'ETHUSDT', side: 'BUY', type: 'STOP_MARKET', quantity: '0.100' },
      { symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.100', price: (bid * 0.96).toFixed(2), newClientOrderId: 'b-2' },
    ];
    const r = await call('POST', '/fapi/v1/batchOrders', { batchOrders: JSON.stringify(items), newOrderRespType: 'RESULT' });
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ clientOrderId: 'b-1', status: 'NEW' });
    expect(r.body[1]).toEqual({ code: -4120, msg: 'Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.' });
    expect(r.body[2]).toMatchObject({ clientOrderId: 'b-2' });
    expect((await call('POST', '/fapi/v1/batchOrders', { batchOrders: JSON.stringify(Array(6).fill(items[0])) })).body.code).toBe(-1130);
    expect((await call('POST', '/fapi/v1/batchOrders', { batchOrders: 'not json' })).body.code).toBe(-1130);
    const del = await call('DELETE', '/fapi/v1/batchOrders', { symbol: 'ETHUSDT', origClientOrderIdList: JSON.stringify(['b-1', 'b-2', 'nope']) });
    expect(del.body.map((x: { status?: string; code?: number }) => x.status ?? x.code)).toEqual(['CANCELED', 'CANCELED', -2011]);
  });
});
