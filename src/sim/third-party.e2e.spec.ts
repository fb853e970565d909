/**
 * Two widely used third-party Binance clients, unmodified, pointed at the simulator by their
 * base-URL options: the `binance` SDK and Binance's official connectors.
 */
import { DerivativesTradingUsdsFutures } from '@binance/derivatives-trading-usds-futures';
import { Spot } from '@binance/spot';
import { MainClient, USDMClient, WebsocketClient } from 'binance';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './index.ts';

let sims: Simulator[] = [];
afterEach(async () => { await Promise.all(sims.map((s) => s.close())); sims = []; });
const start = async () => { const sim = await startSimulator({ seed: 12 }); sims.push(sim); return sim; };
const until = async (cond: () => boolean, ms = 5_000) => { const t = Date.now(); while (!cond()) { if (Date.now() - t > ms) throw new Error('timed out'); await new Promise((r) => setTimeout(r, 20)); } };

describe('the `binance` SDK', () => {
  it('futures: exchange info, limit place/query/cancel, market, algo stop place/cancel, leverage, margin type, positions', async () => {
    const sim = await start();
    const c = new USDMClient({ api_key: sim.apiKey, api_secret: sim.apiSecret, disableTimeSync: true, baseUrl: sim.urls.futuresRest });
    const info = await c.getExchangeInfo();
    expect(info.symbols.find((s) => s.symbol === 'BTCUSDT')!.contractType).toBe('PERPETUAL');
    await c.setLeverage({ symbol: 'BTCUSDT', leverage: 10 });
    await c.setMarginType({ symbol: 'BTCUSDT', marginType: 'ISOLATED' });
    const book = await c.getOrderBook({ symbol: 'BTCUSDT', limit: 5 });
    const price = (Number(book.bids[0]![0]) - 300).toFixed(1);
    const limit = await c.submitNewOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 0.01, price: Number(price), newClientOrderId: 'sdk-limit-1' });
    expect((await c.getOrder({ symbol: 'BTCUSDT', orderId: limit.orderId })).status).toBe('NEW');
    expect((await c.cancelOrder({ symbol: 'BTCUSDT', origClientOrderId: 'sdk-limit-1' })).status).toBe('CANCELED');
    await c.submitNewOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 0.01 });
    const pos = await c.getPositionsV3({ symbol: 'BTCUSDT' });
    expect(pos[0]!.positionAmt).toBe('0.010');
    const stop = await c.submitNewAlgoOrder({ algoType: 'CONDITIONAL', symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', triggerPrice: Number((Number(book.bids[0]![0]) - 2000).toFixed(1)), closePosition: 'true' } as never);
    expect((stop as { algoStatus: string }).algoStatus).toBe('NEW');
    const cancelled = await c.cancelAlgoOrder({ algoId: (stop as { algoId: number }).algoId } as never);
    expect((cancelled as { code: string }).code).toBe('200');
  });

  it('spot: exchange info, account, limit place/query/cancel, OCO', async () => {
    const sim = await start();
    const c = new MainClient({ api_key: sim.apiKey, api_secret: sim.apiSecret, disableTimeSync: true, baseUrl: sim.urls.spotRest });
    const info = await c.getExchangeInfo({ symbol: 'ETHUSDT' });
    expect(info.symbols[0]!.symbol).toBe('ETHUSDT');
    const acct = await c.getAccountInformation();
    expect(acct.balances.find((b) => b.asset === 'USDT')!.free).toBe('100000.00000000');
    const ticker = await c.getSymbolPriceTicker({ symbol: 'ETHUSDT' }) as { price: string };
    const last = Number(ticker.price);
    const o = await c.submitNewOrder({ symbol: 'ETHUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 0.1, price: Number((last * 0.95).toFixed(2)) });
    expect((await c.getOrder({ symbol: 'ETHUSDT', orderId: o.orderId })).status).toBe('NEW');
    expect((await c.cancelOrder({ symbol: 'ETHUSDT', orderId: o.orderId })).status).toBe('CANCELED');
    const list = await c.submitNewOrderList({ symbol: 'ETHUSDT', side: 'SELL', quantity: 1, aboveType: 'LIMIT_MAKER', abovePrice: Number((last * 1.02).toFixed(2)), belowType: 'STOP_LOSS', belowStopPrice: Number((last * 0.98).toFixed(2)) } as never);
    expect((list as { listOrderStatus: string }).listOrderStatus).toBe('EXECUTING');
  });
});

describe('the `binance` SDK over WebSocket', () => {
  it('futures: keeps a local order book in sync from its depth stream and a REST snapshot, and receives user data for a fill', async () => {
    const sim = await start();
    const rest = new USDMClient({ api_key: sim.apiKey, api_secret: sim.apiSecret, disableTimeSync: true, baseUrl: sim.urls.futuresRest });
    const ws = new WebsocketClient({ wsUrl: sim.urls.futuresWs, api_key: sim.apiKey, api_secret: sim.apiSecret, beautify: false, restOptions: { baseUrl: sim.urls.futuresRest, disableTimeSync: true } } as never);
    const depth: { U: number; u: number; pu: number; b: [string, string][]; a: [string, string][] }[] = [];
    const user: { e: string; o?: { X: string } }[] = [];
    ws.on('message', (m: unknown) => {
      const msg = ((m as { data?: unknown }).data ?? m) as { e?: string };
      if (msg.e === 'depthUpdate') depth.push(msg as never);
      else if (msg.e) user.push(msg as never);
    });
    await ws.subscribeDiffBookDepth('BTCUSDT', 100, 'usdm');
    await until(() => depth.length >= 2);
    const snap = await rest.getOrderBook({ symbol: 'BTCUSDT', limit: 1000 });
    await ws.subscribeUsdFuturesUserDataStream();
    await until(() => sim.events.has(sim.apiKey, 'FUT')); // the user stream is attached on the simulator's side
    await rest.submitNewOrder({ symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: 0.5 });
    await until(() => user.some((e) => e.e === 'ORDER_TRADE_UPDATE' && e.o?.X === 'FILLED'));
    const bids = new Map(snap.bids.map(([p, q]) => [String(p), String(q)]));
    const asks = new Map(snap.asks.map(([p, q]) => [String(p), String(q)]));
    let prev: number | null = null;
    for (const e of depth) {
      if (e.u < snap.lastUpdateId) continue;
      if (prev === null) expect(e.U <= snap.lastUpdateId && e.u >= snap.lastUpdateId).toBe(true);
      else expect(e.pu).toBe(prev);
      for (const [p, q] of e.b) { if (Number(q) === 0) bids.delete(p); else bids.set(p, q); }
      for (const [p, q] of e.a) { if (Number(q) === 0) asks.delete(p); else asks.set(p, q); }
      prev = e.u;
    }
    const afterFill = await rest.getOrderBook({ symbol: 'BTCUSDT', limit: 5 });
    await until(() => depth.at(-1)!.u >= afterFill.lastUpdateId); // the taker's book change has been streamed
    sim.time.set('stepped'); // the book stops moving: REST and the stream must converge on one update id
    const now = await rest.getOrderBook({ symbol: 'BTCUSDT', limit: 1000 });
    await until(() => depth.at(-1)!.u === now.lastUpdateId);
    for (const e of depth) if (e.u > (prev ?? 0)) { for (const [p, q] of e.b) { if (Number(q) === 0) bids.delete(p); else bids.set(p, q); } for (const [p, q] of e.a) { if (Number(q) === 0) asks.delete(p); else asks.set(p, q); } prev = e.u; }
    expect(prev).toBe(now.lastUpdateId);
    const best = (m: Map<string, string>, desc: boolean) => [...m].sort((x, y) => (desc ? Number(y[0]) - Number(x[0]) : Number(x[0]) - Number(y[0]))).slice(0, 20);
    expect(best(bids, true)).toEqual(now.bids.slice(0, 20).map(([p, q]) => [String(p), String(q)]));
    expect(best(asks, false)).toEqual(now.asks.slice(0, 20).map(([p, q]) => [String(p), String(q)]));
    ws.closeAll(true);
  });
});

describe('the `binance` SDK over WebSocket, spot', () => {
  it('spot: a depth stream with contiguous update ids and user data for a fill (legacy listen key, as this SDK version uses)', async () => {
    const sim = await start();
    const ws = new WebsocketClient({ wsUrl: sim.urls.spotWs, api_key: sim.apiKey, api_secret: sim.apiSecret, beautify: false, restOptions: { baseUrl: sim.urls.spotRest, disableTimeSync: true } } as never);
    const depth: { U: number; u: number }[] = [];
    const user: { e: string; x?: string }[] = [];
    ws.on('message', (m: unknown) => {
      const msg = ((m as { data?: unknown }).data ?? m) as { e?: string };
      if (msg.e === 'depthUpdate') depth.push(msg as never); else if (msg.e) user.push(msg as never);
    });
    await ws.subscribeDiffBookDepth('ETHUSDT', 100, 'spot');
    await ws.subscribeSpotUserDataStream();
    await until(() => sim.events.has(sim.apiKey, 'SPOT'));
    const rest = new MainClient({ api_key: sim.apiKey, api_secret: sim.apiSecret, disableTimeSync: true, baseUrl: sim.urls.spotRest });
    await rest.submitNewOrder({ symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: 0.2 });
    await until(() => user.some((e) => e.e === 'executionReport' && e.x === 'TRADE') && depth.length >= 5);
    for (let i = 1; i < depth.length; i++) expect(depth[i]!.U).toBe(depth[i - 1]!.u + 1);
    expect(user.some((e) => e.e === 'outboundAccountPosition')).toBe(true);
    ws.closeAll(true);
  });
});

describe("Binance's official connectors", () => {
  it('futures: REST order, a diff-depth stream and user data through /public and /private', async () => {
    const sim = await start();
    const client = new DerivativesTradingUsdsFutures({
      configurationRestAPI: { apiKey: sim.apiKey, apiSecret: sim.apiSecret, basePath: sim.urls.futuresRest },
      configurationWebsocketStreams: { wsURL: sim.urls.futuresWs },
    });
    const conn = await client.websocketStreams.connect();
    const depth: { U: number; u: number; pu: number }[] = [];
    const stream = conn.diffBookDepthStreams({ symbol: 'btcusdt' });
    stream.on('message', (m) => { depth.push(m as never); });
    await until(() => depth.length >= 3);
    for (let i = 1; i < depth.length; i++) expect(depth[i]!.pu).toBe(depth[i - 1]!.u);
    const key = await (await client.restAPI.startUserDataStream()).data();
    const user: { e?: string }[] = [];
    const ud = conn.userData(key.listenKey!);
    ud.on('message', (m) => { user.push(m as never); });
    await until(() => sim.events.has(sim.apiKey, 'FUT'));
    const order = await (await client.restAPI.newOrder({ symbol: 'BTCUSDT', side: 'BUY' as never, type: 'MARKET' as never, quantity: 0.01 })).data();
    expect(order.orderId).toBeGreaterThan(0);
    await until(() => user.some((e) => e.e === 'ORDER_TRADE_UPDATE'));
    await conn.disconnect();
  });

  it('futures REST: exchange info, leverage, margin type, limit place/query/cancel, algo stop place/cancel, positions', async () => {
    const sim = await start();
    const api = new DerivativesTradingUsdsFutures({ configurationRestAPI: { apiKey: sim.apiKey, apiSecret: sim.apiSecret, basePath: sim.urls.futuresRest } }).restAPI;
    const info = await (await api.exchangeInformation()).data();
    expect(info.symbols?.some((s) => s.symbol === 'ETHUSDT')).toBe(true);
    expect((await (await api.changeInitialLeverage({ symbol: 'ETHUSDT', leverage: 7 })).data()).leverage).toBe(7);
    expect((await (await api.changeMarginType({ symbol: 'ETHUSDT', marginType: 'ISOLATED' as never })).data()).msg).toBe('success');
    const book = await (await api.orderBook({ symbol: 'ETHUSDT', limit: 5 })).data();
    const price = Number((Number(book.bids![0]![0]) * 0.98).toFixed(2));
    const placed = await (await api.newOrder({ symbol: 'ETHUSDT', side: 'BUY' as never, type: 'LIMIT' as never, timeInForce: 'GTC' as never, quantity: 0.1, price, newClientOrderId: 'official-1' })).data();
    expect((await (await api.queryOrder({ symbol: 'ETHUSDT', orderId: placed.orderId! })).data()).status).toBe('NEW');
    expect((await (await api.cancelOrder({ symbol: 'ETHUSDT', origClientOrderId: 'official-1' })).data()).status).toBe('CANCELED');
    await api.newOrder({ symbol: 'ETHUSDT', side: 'BUY' as never, type: 'MARKET' as never, quantity: 0.1 });
    const positions = await (await api.positionInformationV3({ symbol: 'ETHUSDT' })).data();
    expect(positions[0]!.positionAmt).toBe('0.100');
    const algo = await (await api.newAlgoOrder({ algoType: 'CONDITIONAL', symbol: 'ETHUSDT', side: 'SELL' as never, type: 'STOP_MARKET', triggerPrice: Number((Number(book.bids![0]![0]) * 0.9).toFixed(2)), closePosition: 'true' } as never)).data();
    expect((algo as { algoStatus?: string }).algoStatus).toBe('NEW');
    const cancelled = await (await api.cancelAlgoOrder({ algoId: (algo as { algoId: number }).algoId } as never)).data();
    expect((cancelled as { msg?: string }).msg).toBe('success');
  });

  it('spot: REST order and user data over the WebSocket API', async () => {
    const sim = await start();
    const client = new Spot({
      configurationRestAPI: { apiKey: sim.apiKey, apiSecret: sim.apiSecret, basePath: sim.urls.spotRest },
      configurationWebsocketAPI: { apiKey: sim.apiKey, apiSecret: sim.apiSecret, wsURL: `${sim.urls.spotWs}/ws-api/v3` },
    });
    const ws = await client.websocketAPI.connect();
    const events: { e?: string }[] = [];
    const sub = await ws.userDataStreamSubscribeSignature();
    sub.stream.on('message', (m: unknown) => { events.push(m as never); });
    const r = await (await client.restAPI.newOrder({ symbol: 'BTCUSDT', side: 'SELL' as never, type: 'MARKET' as never, quantity: 0.01 })).data();
    expect(r.status).toBe('FILLED');
    await until(() => events.some((e) => e.e === 'executionReport'));
    await ws.disconnect();
  });
});
