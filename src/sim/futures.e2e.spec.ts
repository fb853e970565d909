import { DerivativesTradingUsdsFutures } from '@binance/derivatives-trading-usds-futures';
import { USDMClient } from 'binance';
import { describe, expect, it } from 'vitest';
import { simulators } from '../../test/support/simulators.ts';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
const start = simulators({ startTime: START, time: { mode: 'stepped' } });
const stepped = (seed = 3) => start({ seed });

describe('futures orders', () => {
  it('MARKET walks the book: FILLED, avg at or above the best ask, fee charged, position opened', async () => {
    const { sim, call } = await stepped();
    const ticker = (await call('GET', '/fapi/v1/ticker/bookTicker', { symbol: 'BTCUSDT' })).body;
    const r = await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '2.000', newOrderRespType: 'RESULT' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'FILLED', executedQty: '2.000', type: 'MARKET', positionSide: 'BOTH', price: '0' });
    expect(Number(r.body.avgPrice)).toBeGreaterThan(Number(ticker.askPrice)); // 2 BTC takes several levels: slippage
    const trades = (await call('GET', '/fapi/v1/userTrades', { symbol: 'BTCUSDT' })).body as { qty: string; commission: string; maker: boolean; quoteQty: string }[];
    expect(trades.length).toBeGreaterThan(1);
    expect(trades.every((t) => !t.maker)).toBe(true);
    const fees = trades.reduce((a, t) => a + Number(t.commission), 0);
    expect(fees).toBeCloseTo(Number(r.body.cumQuote) * 0.0005, 6);
    const pos = (await call('GET', '/fapi/v3/positionRisk', { symbol: 'BTCUSDT' })).body;
    expect(pos).toHaveLength(1);
    expect(pos[0]).toMatchObject({ symbol: 'BTCUSDT', positionAmt: '2.000', positionSide: 'BOTH' });
    const bal = (await call('GET', '/fapi/v3/balance')).body[0];
    expect(Number(bal.balance)).toBeCloseTo(100_000 - fees, 6);
    expect(sim.futures.inspect()[0]!.positions).toHaveLength(1);
  });

  it('LIMIT GTC rests, is queried and cancelled; unknown orders get -2011 / -2013', async () => {
    const { call } = await stepped();
    const bid = Number((await call('GET', '/fapi/v1/ticker/bookTicker', { symbol: 'ETHUSDT' })).body.bidPrice);
    const price = (Math.round(bid * 0.99 * 100) / 100).toFixed(2);
    const placed = await call('POST', '/fapi/v1/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.100', price, newClientOrderId: 'tw-eth-1' });
    expect(placed.body).toMatchObject({ status: 'NEW', clientOrderId: 'tw-eth-1', price, origQty: '0.100', executedQty: '0' });
    expect((await call('GET', '/fapi/v1/openOrders', { symbol: 'ETHUSDT' })).body).toHaveLength(1);
    const dup = await call('POST', '/fapi/v1/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.100', price, newClientOrderId: 'tw-eth-1' });
    expect(dup.body).toEqual({ code: -4116, msg: 'clientOrderId is duplicated' });
    expect((await call('GET', '/fapi/v1/order', { symbol: 'ETHUSDT', origClientOrderId: 'tw-eth-1' })).body.status).toBe('NEW');
    const cancelled = await call('DELETE', '/fapi/v1/order', { symbol: 'ETHUSDT', orderId: placed.body.orderId });
    expect(cancelled.body.status).toBe('CANCELED');
    expect((await call('DELETE', '/fapi/v1/order', { symbol: 'ETHUSDT', orderId: placed.body.orderId })).body.code).toBe(-2011);
    expect((await call('GET', '/fapi/v1/order', { symbol: 'ETHUSDT', orderId: 1 })).body).toEqual({ code: -2013, msg: 'Order does not exist.' });
  });

  it('a resting order fills as the market moves (maker fee), possibly in parts', async () => {
    const { sim, call } = await stepped(5);
    const ask = Number((await call('GET', '/fapi/v1/ticker/bookTicker', { symbol: 'BTCUSDT' })).body.askPrice);
    const placed = await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.050', price: (ask + 5).toFixed(1) });
    expect(placed.body.status).toBe('NEW');
    let status = 'NEW';
    for (let i = 0; i < 600 && status !== 'FILLED'; i++) {
      sim.advance(1_000);
      status = (await call('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: placed.body.orderId })).body.status;
    }
    expect(status).toBe('FILLED');
    const trades = (await call('GET', '/fapi/v1/userTrades', { symbol: 'BTCUSDT', orderId: placed.body.orderId })).body as { maker: boolean; price: string }[];
    expect(trades.every((t) => t.maker && t.price === (ask + 5).toFixed(1))).toBe(true);
    expect((await call('GET', '/fapi/v3/positionRisk', { symbol: 'BTCUSDT' })).body[0].positionAmt).toBe('-0.050');
  });

  it.each([
    [{ type: 'STOP_MARKET', quantity: '0.01', stopPrice: '1' }, -4120],
    [{ type: 'LIMIT', quantity: '0.01', price: '60000' }, -1102], // no timeInForce
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.0001', price: '60000' }, -1111],
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '60000.05' }, -1111],
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '60000' }, -4164], // 60 USDT < 100
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: 'abc', price: '60000' }, -1100],
    [{ type: 'MARKET', quantity: '0.01', newClientOrderId: 'bad id!' }, -4015],
    [{ type: 'MARKET', quantity: '0.01', positionSide: 'LONG' }, -4061],
    [{ type: 'MARKET', quantity: '0.01', reduceOnly: 'true' }, -2022],
    [{ type: 'MARKET', quantity: '100' }, -2019],
    [{ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01', price: '99999999999' }, -4016],
    [{ type: 'FOO', quantity: '0.01' }, -1116],
    [{ side: 'SIDEWAYS', type: 'MARKET', quantity: '0.01' }, -1117],
    [{ type: 'LIMIT', timeInForce: 'XYZ', quantity: '0.01', price: '60000' }, -1115],
    [{ type: 'MARKET', quantity: '0.01', symbol: 'NOPEUSDT' }, -1121],
  ])('rejects %j with %i', async (params, code) => {
    const { call } = await stepped();
    const r = await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', ...params });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
  });

  it('GTX post-only that would take is rejected (-5022); FOK that cannot fill fully (-5021)', async () => {
    const { call } = await stepped();
    const ask = (await call('GET', '/fapi/v1/ticker/bookTicker', { symbol: 'BTCUSDT' })).body.askPrice;
    expect((await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTX', quantity: '0.01', price: ask })).body.code).toBe(-5022);
    expect((await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'FOK', quantity: '5', price: ask })).body.code).toBe(-5021);
    const ioc = await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'IOC', quantity: '5', price: ask, newOrderRespType: 'RESULT' });
    expect(ioc.body.status).toBe('EXPIRED'); // part filled at the touch, rest expired
    expect(Number(ioc.body.executedQty)).toBeGreaterThan(0);
  });

  it('leverage, margin type and position mode endpoints', async () => {
    const { call } = await stepped();
    expect((await call('POST', '/fapi/v1/leverage', { symbol: 'BTCUSDT', leverage: 10 })).body).toEqual({ leverage: 10, maxNotionalValue: '230000000', symbol: 'BTCUSDT' });
    expect((await call('POST', '/fapi/v1/leverage', { symbol: 'BTCUSDT', leverage: 126 })).body.code).toBe(-4028);
    expect((await call('POST', '/fapi/v1/marginType', { symbol: 'BTCUSDT', marginType: 'ISOLATED' })).body).toEqual({ code: 200, msg: 'success' });
    expect((await call('POST', '/fapi/v1/marginType', { symbol: 'BTCUSDT', marginType: 'ISOLATED' })).body).toEqual({ code: -4046, msg: 'No need to change margin type.' });
    expect((await call('POST', '/fapi/v1/positionSide/dual', { dualSidePosition: 'true' })).body).toEqual({ code: 200, msg: 'success' });
    expect((await call('GET', '/fapi/v1/positionSide/dual')).body).toEqual({ dualSidePosition: true });
    const long = await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', positionSide: 'LONG', type: 'MARKET', quantity: '0.010' });
    expect(long.status).toBe(200);
    const short = await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'SELL', positionSide: 'SHORT', type: 'MARKET', quantity: '0.020' });
    expect(short.status).toBe(200);
    const pos = (await call('GET', '/fapi/v2/positionRisk', { symbol: 'BTCUSDT' })).body as { positionSide: string; positionAmt: string; marginType: string; leverage: string; isolatedWallet: string }[];
    expect(pos.map((p) => [p.positionSide, p.positionAmt, p.marginType, p.leverage])).toEqual([['LONG', '0.010', 'isolated', '10'], ['SHORT', '-0.020', 'isolated', '10']]);
    expect(Number(pos[0]!.isolatedWallet)).toBeGreaterThan(0);
    expect((await call('POST', '/fapi/v1/marginType', { symbol: 'BTCUSDT', marginType: 'CROSSED' })).body.code).toBe(-4048);
  });

  it('conditional orders live on the Algo API: -2021 when already triggered; a closePosition stop fires and closes', async () => {
    const { sim, call } = await stepped(9);
    await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.100' });
    const last = Number((await call('GET', '/fapi/v1/ticker/price', { symbol: 'BTCUSDT' })).body.price);
    expect((await call('POST', '/fapi/v1/algoOrder', { algoType: 'CONDITIONAL', symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', triggerPrice: (last + 500).toFixed(1), closePosition: 'true' })).body.code).toBe(-2021);
    const stop = await call('POST', '/fapi/v1/algoOrder', { algoType: 'CONDITIONAL', symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', triggerPrice: (last - 20).toFixed(1), closePosition: 'true', clientAlgoId: 'tw-sl-1' });
    expect(stop.body).toMatchObject({ algoType: 'CONDITIONAL', orderType: 'STOP_MARKET', algoStatus: 'NEW', clientAlgoId: 'tw-sl-1', closePosition: true });
    expect((await call('GET', '/fapi/v1/openAlgoOrders')).body).toHaveLength(1);
    expect((await call('GET', '/fapi/v1/openOrders')).body).toHaveLength(0); // algo orders are not regular orders
    let algo = stop.body;
    for (let i = 0; i < 24 * 60 && algo.algoStatus === 'NEW'; i++) { sim.advance(60_000); algo = (await call('GET', '/fapi/v1/algoOrder', { algoId: stop.body.algoId })).body; }
    expect(algo.algoStatus).toBe('FINISHED');
    const child = (await call('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: algo.actualOrderId })).body;
    expect(child).toMatchObject({ status: 'FILLED', type: 'MARKET', origType: 'STOP_MARKET', closePosition: true, stopPrice: (last - 20).toFixed(1) });
    expect((await call('GET', '/fapi/v3/positionRisk', { symbol: 'BTCUSDT' })).body).toEqual([]);
    const income = (await call('GET', '/fapi/v1/income', { symbol: 'BTCUSDT', incomeType: 'REALIZED_PNL' })).body;
    expect(income).toHaveLength(1);
  });

  it('same seed and requests give byte-identical fills', async () => {
    const run = async () => {
      const { sim, call } = await stepped(21);
      await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '1.5' });
      sim.advance(30_000);
      await call('POST', '/fapi/v1/order', { symbol: 'ETHUSDT', side: 'SELL', type: 'MARKET', quantity: '12' });
      sim.advance(30_000);
      await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: '1.5' });
      const fills = [(await call('GET', '/fapi/v1/userTrades', { symbol: 'BTCUSDT' })).body, (await call('GET', '/fapi/v1/userTrades', { symbol: 'ETHUSDT' })).body];
      return JSON.stringify(fills);
    };
    const a = await run(), b = await run();
    expect(a.length).toBeGreaterThan(500);
    expect(a).toBe(b);
  });

  it('third-party clients, unmodified: the binance SDK and the official connector', async () => {
    const { sim } = await stepped();
    const usdm = new USDMClient({ api_key: sim.apiKey, api_secret: sim.apiSecret, disableTimeSync: true, baseUrl: sim.urls.futuresRest });
    await usdm.setLeverage({ symbol: 'ETHUSDT', leverage: 5 });
    const placed = await usdm.submitNewOrder({ symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: 0.5, newOrderRespType: 'RESULT' });
    expect(placed.status).toBe('FILLED');
    const positions = await usdm.getPositionsV3({ symbol: 'ETHUSDT' });
    expect(positions[0]!.positionAmt).toBe('0.500');
    const official = new DerivativesTradingUsdsFutures({ configurationRestAPI: { apiKey: sim.apiKey, apiSecret: sim.apiSecret, basePath: sim.urls.futuresRest } });
    const res = await official.restAPI.accountInformationV3();
    const info = await res.data();
    expect(Number(info.totalWalletBalance)).toBeLessThan(100_000); // the fee was paid
    expect(info.positions?.[0]?.symbol).toBe('ETHUSDT');
  });
});
