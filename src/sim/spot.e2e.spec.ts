import { Spot, SpotRestAPI } from '@binance/spot';
import { MainClient } from 'binance';
import { describe, expect, it } from 'vitest';
import { signedCaller } from '../../test/support/binance-rest.ts';
import { simulators } from '../../test/support/simulators.ts';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
const start = simulators({ startTime: START, time: { mode: 'stepped' } });
const stepped = async (seed = 4) => { const { sim, spotCall } = await start({ seed }); return { sim, call: spotCall }; };
const balances = async (call: ReturnType<typeof signedCaller>) => Object.fromEntries(((await call('GET', '/api/v3/account')).body.balances as { asset: string; free: string; locked: string }[]).map((b) => [b.asset, b]));

describe('spot orders', () => {
  it('MARKET buy (FULL response): fills walk the book, commission in the received asset, balances move exactly', async () => {
    const { call } = await stepped();
    const r = await call('POST', '/api/v3/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '3.0000' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ symbol: 'ETHUSDT', status: 'FILLED', type: 'MARKET', side: 'BUY', executedQty: '3.00000000', orderListId: -1 });
    const fills = r.body.fills as { price: string; qty: string; commission: string; commissionAsset: string }[];
    expect(fills.length).toBeGreaterThan(0);
    expect(fills.every((f) => f.commissionAsset === 'ETH')).toBe(true);
    const b = await balances(call);
    const commission = fills.reduce((a, f) => a + Number(f.commission), 0);
    expect(Number(b.ETH!.free)).toBeCloseTo(10 + 3 - commission, 8);
    expect(Number(b.USDT!.free)).toBeCloseTo(100_000 - Number(r.body.cummulativeQuoteQty), 6);
    expect(b.USDT!.locked).toBe('0.00000000');
  });

  it('MARKET sell by quoteOrderQty; LIMIT locks funds until cancelled; LIMIT_MAKER that would take is rejected', async () => {
    const { call } = await stepped();
    const q = await call('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quoteOrderQty: '1000' });
    expect(q.body.status).toBe('FILLED');
    expect(Number(q.body.cummulativeQuoteQty)).toBeLessThanOrEqual(1000);
    expect(Number(q.body.cummulativeQuoteQty)).toBeGreaterThan(990);
    const bid = Number((await call('GET', '/api/v3/ticker/bookTicker', { symbol: 'BTCUSDT' })).body.bidPrice);
    const price = (bid * 0.95).toFixed(2);
    const placed = await call('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.10000', price });
    expect(placed.body.status).toBe('NEW');
    const locked = (await balances(call)).USDT!.locked;
    expect(Number(locked)).toBeCloseTo(Number(price) * 0.1, 6);
    const cancelled = await call('DELETE', '/api/v3/order', { symbol: 'BTCUSDT', orderId: placed.body.orderId });
    expect(cancelled.body).toMatchObject({ status: 'CANCELED', origClientOrderId: placed.body.clientOrderId });
    expect((await balances(call)).USDT!.locked).toBe('0.00000000');
    const ask = (await call('GET', '/api/v3/ticker/bookTicker', { symbol: 'BTCUSDT' })).body.askPrice;
    expect((await call('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT_MAKER', quantity: '0.01000', price: ask })).body).toEqual({ code: -2010, msg: 'Order would immediately match and take.' });
  });

  it.each([
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.000001', price: '60000' }, -1013], // LOT_SIZE step
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.00001', price: '60000' }, -1013], // NOTIONAL 0.6 < 5
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01000', price: '60000.001' }, -1013], // PRICE_FILTER tick
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '10', price: '60000' }, -2010], // insufficient USDT
    [{ type: 'LIMIT', quantity: '0.01', price: '60000' }, -1102],
    [{ type: 'MARKET' }, -1102],
    [{ type: 'MARKET', quantity: '0.001', quoteOrderQty: '10' }, -1106],
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.1234567891', price: '60000' }, -1111],
    [{ type: 'WHATEVER', quantity: '1' }, -1116],
  ])('rejects %j with %i', async (params, code) => {
    const { call } = await stepped();
    const r = await call('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'BUY', ...params });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
  });

  it('OCO: one leg fills, the other expires, the list is ALL_DONE, and the lock is released once', async () => {
    const { sim, call } = await stepped(8);
    const last = Number((await call('GET', '/api/v3/ticker/price', { symbol: 'BTCUSDT' })).body.price);
    const bad = await call('POST', '/api/v3/orderList/oco', { symbol: 'BTCUSDT', side: 'SELL', quantity: '0.50000', aboveType: 'LIMIT_MAKER', abovePrice: (last * 0.99).toFixed(2), belowType: 'STOP_LOSS', belowStopPrice: (last * 0.98).toFixed(2) });
    expect(bad.body).toEqual({ code: -2010, msg: 'The relationship of the prices for the orders is not correct.' });
    const oco = await call('POST', '/api/v3/orderList/oco', {
      symbol: 'BTCUSDT', side: 'SELL', quantity: '0.50000', listClientOrderId: 'tw-oco-1',
      aboveType: 'LIMIT_MAKER', abovePrice: (last * 1.0005).toFixed(2), belowType: 'STOP_LOSS_LIMIT', belowStopPrice: (last * 0.9995).toFixed(2), belowPrice: (last * 0.999).toFixed(2), belowTimeInForce: 'GTC',
    });
    expect(oco.status).toBe(200);
    expect(oco.body).toMatchObject({ contingencyType: 'OCO', listStatusType: 'EXEC_STARTED', listOrderStatus: 'EXECUTING', listClientOrderId: 'tw-oco-1' });
    expect(oco.body.orderReports.map((r: { type: string }) => r.type)).toEqual(['STOP_LOSS_LIMIT', 'LIMIT_MAKER']); // below leg first, as Binance lists it
    expect((await balances(call)).BTC!.locked).toBe('0.50000000'); // one lock for two exits
    let list = oco.body;
    for (let i = 0; i < 24 * 60 && list.listOrderStatus !== 'ALL_DONE'; i++) { sim.advance(60_000); list = (await call('GET', '/api/v3/orderList', { orderListId: oco.body.orderListId })).body; }
    expect(list.listOrderStatus).toBe('ALL_DONE');
    const legs = await Promise.all(list.orders.map((o: { orderId: number }) => call('GET', '/api/v3/order', { symbol: 'BTCUSDT', orderId: o.orderId })));
    const statuses = legs.map((l) => l.body.status).sort();
    expect(statuses[0]).toBe('EXPIRED');
    expect(['FILLED', 'PARTIALLY_FILLED']).toContain(statuses[1]);
    const b = await balances(call);
    expect(b.BTC!.locked).toBe('0.00000000');
  });

  it('transfers USDT between spot and futures both ways, exactly', async () => {
    const { sim, call } = await stepped();
    expect((await call('POST', '/sapi/v1/asset/transfer', { type: 'MAIN_UMFUTURE', asset: 'USDT', amount: '1234.5' })).body.tranId).toBeGreaterThan(0);
    expect((await balances(call)).USDT!.free).toBe('98765.50000000');
    const fut = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret);
    expect((await fut('GET', '/fapi/v3/balance')).body[0].balance).toBe('101234.50000000');
    await call('POST', '/sapi/v1/futures/transfer', { type: '2', asset: 'USDT', amount: '0.5' });
    expect((await balances(call)).USDT!.free).toBe('98766.00000000');
    expect((await call('POST', '/sapi/v1/asset/transfer', { type: 'MAIN_UMFUTURE', asset: 'USDT', amount: '1000000' })).body.code).toBe(-5002);
    expect((await fut('GET', '/fapi/v1/income', { incomeType: 'TRANSFER' })).body.map((i: { income: string }) => i.income)).toEqual(['1234.50000000', '-0.50000000']);
    expect((await call('GET', '/sapi/v1/capital/config/getall')).body).toEqual([]);
  });

  it('third-party clients, unmodified: the binance SDK and the official spot connector', async () => {
    const { sim } = await stepped();
    const main = new MainClient({ api_key: sim.apiKey, api_secret: sim.apiSecret, disableTimeSync: true, baseUrl: sim.urls.spotRest });
    const r = await main.submitNewOrder({ symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: 0.5, newOrderRespType: 'FULL' });
    expect(r.status).toBe('FILLED');
    const trades = await main.getAccountTradeList({ symbol: 'ETHUSDT' });
    expect(trades.length).toBeGreaterThan(0);
    const official = new Spot({ configurationRestAPI: { apiKey: sim.apiKey, apiSecret: sim.apiSecret, basePath: sim.urls.spotRest } });
    const last = Number((await (await official.restAPI.tickerPrice({ symbol: 'ETHUSDT' })).data() as { price: string }).price);
    const res = await official.restAPI.orderListOco({
      symbol: 'ETHUSDT', side: SpotRestAPI.OrderListOcoSideEnum.SELL, quantity: 0.5,
      aboveType: SpotRestAPI.OrderListOcoAboveTypeEnum.LIMIT_MAKER, abovePrice: Number((last * 1.01).toFixed(2)),
      belowType: SpotRestAPI.OrderListOcoBelowTypeEnum.STOP_LOSS, belowStopPrice: Number((last * 0.99).toFixed(2)),
    });
    const list = await res.data();
    expect(list.listOrderStatus).toBe('EXECUTING');
    const acct = await (await official.restAPI.getAccount()).data();
    expect(acct.balances?.find((b) => b.asset === 'ETH')?.locked).not.toBe('0.00000000');
  });
});
