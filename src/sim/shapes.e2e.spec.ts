/**
 * Contract: every response and event the simulator produces has the shape of the recorded Binance
 * examples in test/fixtures/binance/protocol-examples.json (extracted from
 * ../shared/spec/binance-protocol.md): same keys, same JSON types.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedCaller } from '../../test/support/binance-rest.ts';
import { shapeMismatches } from '../../test/support/json-shape.ts';
import { openSocket, type TestSocket } from '../../test/support/ws-client.ts';
import { hmacHex } from './http/auth.ts';
import { startSimulator, type Simulator } from './index.ts';

const fixtures = JSON.parse(readFileSync(new URL('../../test/fixtures/binance/protocol-examples.json', import.meta.url), 'utf8')) as {
  examples: Record<string, { heading: string; example: unknown }>;
  streamExamples: Record<string, unknown>;
};
const ex = (k: string) => fixtures.examples[k]!.example;

let sim: Simulator;
let fut: ReturnType<typeof signedCaller>, spot: ReturnType<typeof signedCaller>;
const sockets: TestSocket[] = [];
const got: Record<string, unknown> = {};
const events: Record<string, unknown> = {};

beforeAll(async () => {
  sim = await startSimulator({ seed: 77, startTime: Date.UTC(2026, 0, 5, 7, 59, 0), time: { mode: 'stepped' } });
  fut = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret);
  spot = signedCaller(sim.urls.spotRest, sim.apiKey, sim.apiSecret);
  const pub = (base: string, path: string) => fetch(`${base}${path}`).then((r) => r.json());
  const { listenKey } = (await (await fetch(`${sim.urls.futuresRest}/fapi/v1/listenKey`, { method: 'POST', headers: { 'X-MBX-APIKEY': sim.apiKey } })).json()) as { listenKey: string };
  const user = await openSocket(`${sim.urls.futuresWs}/private/ws?listenKey=${listenKey}`);
  const api = await openSocket(`${sim.urls.spotWs}/ws-api/v3`);
  const ts = Date.now();
  api.send({ id: 1, method: 'userDataStream.subscribe.signature', params: { apiKey: sim.apiKey, timestamp: ts, signature: hmacHex(sim.apiSecret, `apiKey=${sim.apiKey}&timestamp=${ts}`) } });
  await api.next((m) => m.id === 1);
  const fstreams = await openSocket(`${sim.urls.futuresWs}/ws/btcusdt@bookticker/btcusdt@depth@100ms/btcusdt@kline_1m/btcusdt@markprice@1s/btcusdt@aggtrade`);
  const sstreams = await openSocket(`${sim.urls.spotWs}/ws/btcusdt@bookticker/btcusdt@depth@100ms/btcusdt@depth5@100ms`);
  sockets.push(user, api, fstreams, sstreams);

  const bid = Number((await pub(sim.urls.futuresRest, '/fapi/v1/ticker/bookTicker?symbol=BTCUSDT') as { bidPrice: string }).bidPrice);
  await fut('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.100' });
  got.order = (await fut('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.010', price: (bid - 1000).toFixed(1) })).body;
  got.algo = (await fut('POST', '/fapi/v1/algoOrder', { algoType: 'CONDITIONAL', symbol: 'BTCUSDT', side: 'SELL', type: 'STOP', quantity: '0.010', price: (bid - 3000).toFixed(1), triggerPrice: (bid - 2900).toFixed(1) })).body;
  sim.advance(61_000); // across 08:00 UTC: a funding settlement
  got.exchangeInfo = await pub(sim.urls.futuresRest, '/fapi/v1/exchangeInfo');
  got.leverageBracket = (await fut('GET', '/fapi/v1/leverageBracket')).body;
  got.premiumIndex = await pub(sim.urls.futuresRest, '/fapi/v1/premiumIndex?symbol=BTCUSDT');
  got.fundingRate = await pub(sim.urls.futuresRest, '/fapi/v1/fundingRate?symbol=BTCUSDT');
  got.klines = await pub(sim.urls.futuresRest, '/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=3');
  got.depth = await pub(sim.urls.futuresRest, '/fapi/v1/depth?symbol=BTCUSDT&limit=5');
  got.bookTicker = await pub(sim.urls.futuresRest, '/fapi/v1/ticker/bookTicker?symbol=BTCUSDT');
  got.userTrades = (await fut('GET', '/fapi/v1/userTrades', { symbol: 'BTCUSDT' })).body;
  got.positionRisk = (await fut('GET', '/fapi/v3/positionRisk')).body;
  got.balance = (await fut('GET', '/fapi/v3/balance')).body;
  got.account = (await fut('GET', '/fapi/v3/account')).body;
  got.income = (await fut('GET', '/fapi/v1/income')).body;
  got.spotInfo = await pub(sim.urls.spotRest, '/api/v3/exchangeInfo');
  got.spotOrder = (await spot('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: '0.01000' })).body;
  got.spotQuery = (await spot('GET', '/api/v3/order', { symbol: 'BTCUSDT', orderId: (got.spotOrder as { orderId: number }).orderId })).body;
  got.spotAccount = (await spot('GET', '/api/v3/account')).body;
  got.myTrades = (await spot('GET', '/api/v3/myTrades', { symbol: 'BTCUSDT' })).body;
  const last = Number((await pub(sim.urls.spotRest, '/api/v3/ticker/price?symbol=BTCUSDT') as { price: string }).price);
  got.oco = (await spot('POST', '/api/v3/orderList/oco', { symbol: 'BTCUSDT', side: 'SELL', quantity: '0.05000', aboveType: 'LIMIT_MAKER', abovePrice: (last * 1.01).toFixed(2), belowType: 'STOP_LOSS_LIMIT', belowStopPrice: (last * 0.99).toFixed(2), belowPrice: (last * 0.985).toFixed(2), belowTimeInForce: 'GTC' })).body;
  await spot('POST', '/sapi/v1/asset/transfer', { type: 'UMFUTURE_MAIN', asset: 'USDT', amount: '10' });
  sim.advance(2_000);
  const collect = () => {
    for (const m of user.messages as { e: string }[]) events[m.e] ??= m;
    for (const m of api.messages as { event?: { e: string } }[]) if (m.event) events[m.event.e] ??= m.event;
    for (const m of fstreams.messages as { e: string }[]) events[`fut:${m.e}`] ??= m;
    for (const m of sstreams.messages as { e?: string; lastUpdateId?: number }[]) events[m.e ? `spot:${m.e}` : m.lastUpdateId !== undefined ? 'spot:partial' : 'spot:bookTicker'] ??= m;
  };
  const wanted = ['ORDER_TRADE_UPDATE', 'ACCOUNT_UPDATE', 'ALGO_UPDATE', 'executionReport', 'outboundAccountPosition', 'balanceUpdate', 'listStatus', 'fut:bookTicker', 'fut:depthUpdate', 'fut:kline', 'fut:markPriceUpdate', 'fut:aggTrade', 'spot:bookTicker', 'spot:depthUpdate', 'spot:partial'];
  // frames may trail the REST answers on a loaded machine: wait (up to 5 s) until every kind has arrived
  for (const end = Date.now() + 5_000; (collect(), wanted.some((k) => !(k in events))) && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
  await fetch(`${sim.urls.futuresRest}/sim/v1/listenKey/expire?listenKey=${listenKey}`, { method: 'POST' });
  events.listenKeyExpired = await user.next((m) => m.e === 'listenKeyExpired');
});
afterAll(async () => { await Promise.all(sockets.map((s) => s.close())); await sim?.close(); });

const cases: [string, () => unknown, () => unknown][] = [
  ['2.2 futures exchangeInfo', () => ex('2.2'), () => got.exchangeInfo],
  ['2.3 leverageBracket', () => ex('2.3'), () => got.leverageBracket],
  ['2.4 premiumIndex', () => ex('2.4'), () => got.premiumIndex],
  ['2.5 fundingRate', () => ex('2.5'), () => got.fundingRate],
  ['2.6 klines', () => ex('2.6'), () => got.klines],
  ['2.7 depth', () => ex('2.7'), () => got.depth],
  ['2.8 bookTicker', () => ex('2.8'), () => got.bookTicker],
  ['2.9 order', () => ex('2.9'), () => got.order],
  ['2.10 algo order', () => ex('2.10'), () => got.algo],
  ['2.13 userTrades', () => ex('2.13'), () => got.userTrades],
  ['2.14 positionRisk v3', () => ex('2.14'), () => got.positionRisk],
  ['2.15 balance', () => ex('2.15'), () => got.balance],
  ['2.16 account', () => ex('2.16'), () => got.account],
  ['2.19 income', () => ex('2.19'), () => got.income],
  ['3.2 spot exchangeInfo', () => ex('3.2'), () => got.spotInfo],
  ['3.6 spot order FULL', () => ex('3.6'), () => got.spotOrder],
  ['3.8 spot order query', () => ex('3.8'), () => got.spotQuery],
  ['3.9 spot account', () => ex('3.9'), () => got.spotAccount],
  ['3.10 myTrades', () => ex('3.10'), () => got.myTrades],
  ['3.11 OCO', () => ex('3.11'), () => got.oco],
  ['4.5 ORDER_TRADE_UPDATE', () => ex('4.5'), () => events.ORDER_TRADE_UPDATE],
  ['4.5 ACCOUNT_UPDATE', () => ex('4.5#2'), () => events.ACCOUNT_UPDATE],
  ['4.5 ALGO_UPDATE', () => fixtures.streamExamples.ALGO_UPDATE, () => events.ALGO_UPDATE],
  ['4.5 listenKeyExpired', () => fixtures.streamExamples.listenKeyExpired, () => events.listenKeyExpired],
  ['4.6 executionReport', () => ex('4.6'), () => events.executionReport],
  ['4.6 outboundAccountPosition', () => fixtures.streamExamples.outboundAccountPosition, () => events.outboundAccountPosition],
  ['4.6 balanceUpdate', () => fixtures.streamExamples.balanceUpdate, () => events.balanceUpdate],
  ['4.6 listStatus', () => fixtures.streamExamples.listStatus, () => events.listStatus],
  ['4.2 futures bookTicker', () => fixtures.streamExamples.bookTicker, () => events['fut:bookTicker']],
  ['4.2 futures depthUpdate', () => fixtures.streamExamples.depthUpdate, () => events['fut:depthUpdate']],
  ['4.2 kline', () => fixtures.streamExamples.kline, () => events['fut:kline']],
  ['4.2 markPriceUpdate', () => fixtures.streamExamples.markPriceUpdate, () => events['fut:markPriceUpdate']],
  ['4.2 aggTrade', () => fixtures.streamExamples.aggTrade, () => events['fut:aggTrade']],
  ['4.4 spot bookTicker', () => fixtures.streamExamples.spotBookTicker, () => events['spot:bookTicker']],
  ['4.4 spot depthUpdate', () => fixtures.streamExamples['depthUpdate#2'], () => events['spot:depthUpdate']],
  ['4.4 spot partial depth', () => fixtures.streamExamples.spotPartialDepth, () => events['spot:partial']],
];

// Where the recorded example itself is inconsistent with Binance's live responses, say so here.
const loose = new Set<string>([
  '$.symbols[0].filters[0]', // filter objects differ by filterType; each type is checked in sim.e2e.spec.ts
  '$.filters',
]);

describe('simulator responses and events have the shapes of the recorded Binance examples', () => {
  it.each(cases)('%s', (_, example, actual) => {
    expect(actual(), 'no response/event was captured').toBeDefined();
    expect(shapeMismatches(example(), actual(), '$', loose)).toEqual([]);
  });
});
