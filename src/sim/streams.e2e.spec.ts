import { afterEach, describe, expect, it } from 'vitest';
import { signedCaller } from '../../test/support/binance-rest.ts';
import { openSocket, type TestSocket } from '../../test/support/ws-client.ts';
import { hmacHex } from './http/auth.ts';
import { startSimulator, type Simulator } from './index.ts';

const START = Date.UTC(2026, 0, 5, 10, 0, 0);
let sims: Simulator[] = [];
let sockets: TestSocket[] = [];
afterEach(async () => { await Promise.all(sockets.map((s) => s.close())); sockets = []; await Promise.all(sims.map((s) => s.close())); sims = []; });
const stepped = async (seed = 6) => { const sim = await startSimulator({ seed, startTime: START, time: { mode: 'stepped' } }); sims.push(sim); return sim; };
const open = async (url: string) => { const s = await openSocket(url); sockets.push(s); return s; };
const settle = () => new Promise((r) => setTimeout(r, 30));
/** Waits (up to 5 s) until `cond` holds: WS frames may trail the REST answers on a loaded machine. */
const until = async (cond: () => boolean | Promise<boolean>) => { const end = Date.now() + 5_000; while (!(await cond())) { if (Date.now() > end) throw new Error('condition not met within 5 s'); await new Promise((r) => setTimeout(r, 20)); } };

type Depth = { U: number; u: number; pu?: number; b: [string, string][]; a: [string, string][] };
function applyLevels(book: Map<string, string>, levels: [string, string][]) { for (const [p, q] of levels) { if (Number(q) === 0) book.delete(p); else book.set(p, q); } }
const top = (book: Map<string, string>, n: number, desc: boolean) => [...book].sort((x, y) => (desc ? Number(y[0]) - Number(x[0]) : Number(x[0]) - Number(y[0]))).slice(0, n);

describe('market streams', () => {
  it('futures: a local order book kept from snapshot + diff events (Binance procedure) equals REST depth, through taker orders', async () => {
    const sim = await stepped();
    const call = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret);
    const sock = await open(`${sim.urls.futuresWs}/public/stream?streams=btcusdt@depth@100ms`);
    for (let i = 0; i < 5; i++) { sim.advance(100); await settle(); }
    const snap = (await (await fetch(`${sim.urls.futuresRest}/fapi/v1/depth?symbol=BTCUSDT&limit=1000`)).json()) as { lastUpdateId: number; bids: [string, string][]; asks: [string, string][] };
    for (let i = 0; i < 30; i++) {
      sim.advance(100);
      if (i % 7 === 3) await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: i % 2 ? 'BUY' : 'SELL', type: 'MARKET', quantity: '1.5' });
      await settle();
    }
    const restNow = async () => (await (await fetch(`${sim.urls.futuresRest}/fapi/v1/depth?symbol=BTCUSDT&limit=1000`)).json()) as { lastUpdateId: number; bids: [string, string][]; asks: [string, string][] };
    const final = await restNow();
    await until(() => (sock.messages.at(-1) as { data: Depth } | undefined)?.data.u === final.lastUpdateId);
    const events = sock.messages.map((m) => (m as { stream: string; data: Depth }).data);
    expect((sock.messages[0] as { stream: string }).stream).toBe('btcusdt@depth@100ms');
    const bids = new Map(snap.bids), asks = new Map(snap.asks);
    let prevU: number | null = null;
    let applied = 0;
    for (const e of events) {
      if (e.u < snap.lastUpdateId) continue;
      if (prevU === null) expect(e.U <= snap.lastUpdateId && e.u >= snap.lastUpdateId).toBe(true);
      else expect(e.pu).toBe(prevU); // futures continuity: pu = previous u
      applyLevels(bids, e.b); applyLevels(asks, e.a);
      prevU = e.u;
      applied++;
    }
    expect(applied).toBeGreaterThan(20);
    const now = final;
    expect(now.lastUpdateId).toBe(prevU);
    expect(top(bids, 50, true)).toEqual(now.bids.slice(0, 50));
    expect(top(asks, 50, false)).toEqual(now.asks.slice(0, 50));
  });

  it('spot: diff depth has U = previous u + 1 and no pu; partial depth is a snapshot', async () => {
    const sim = await stepped();
    const sock = await open(`${sim.urls.spotWs}/ws/ethusdt@depth@100ms`);
    const part = await open(`${sim.urls.spotWs}/ws/ethusdt@depth5@100ms`);
    for (let i = 0; i < 10; i++) { sim.advance(100); await settle(); }
    const lastSeq = ((await (await fetch(`${sim.urls.spotRest}/api/v3/depth?symbol=ETHUSDT&limit=5`)).json()) as { lastUpdateId: number }).lastUpdateId;
    await until(() => (sock.messages.at(-1) as Depth | undefined)?.u === lastSeq && (part.messages.at(-1) as { lastUpdateId?: number } | undefined)?.lastUpdateId === lastSeq);
    const events = sock.messages as Depth[];
    expect(events.length).toBeGreaterThan(5);
    for (let i = 1; i < events.length; i++) expect(events[i]!.U).toBe(events[i - 1]!.u + 1);
    expect(events[0]).not.toHaveProperty('pu');
    const p = part.messages.at(-1) as { lastUpdateId: number; bids: unknown[]; asks: unknown[] };
    expect(p.bids).toHaveLength(5);
    expect(p.lastUpdateId).toBe(events.at(-1)!.u);
  });

  it('SUBSCRIBE / LIST_SUBSCRIPTIONS / UNSUBSCRIBE / SET_PROPERTY are acked as Binance does; bad requests get codes', async () => {
    const sim = await stepped();
    const sock = await open(`${sim.urls.futuresWs}/ws`);
    sock.send({ method: 'SUBSCRIBE', params: ['btcusdt@aggTrade'.toLowerCase(), 'ethusdt@bookticker'.toLowerCase(), 'btcusdt@markprice@1s'], id: 1 });
    expect(await sock.next((m) => m.id === 1)).toEqual({ result: null, id: 1 });
    sock.send({ method: 'LIST_SUBSCRIPTIONS', id: 2 });
    expect(await sock.next((m) => m.id === 2)).toEqual({ result: ['btcusdt@aggtrade', 'ethusdt@bookticker', 'btcusdt@markprice@1s'], id: 2 });
    sim.advance(1_000);
    const ticker = await sock.next((m) => m.e === 'bookTicker');
    expect(ticker).toMatchObject({ e: 'bookTicker', s: 'ETHUSDT', u: expect.any(Number), b: expect.any(String), A: expect.any(String) });
    const mark = await sock.next((m) => m.e === 'markPriceUpdate');
    expect(mark).toMatchObject({ s: 'BTCUSDT', p: expect.any(String), r: expect.any(String), T: expect.any(Number) });
    sock.send({ method: 'UNSUBSCRIBE', params: ['ethusdt@bookticker'], id: 'x-3' });
    expect(await sock.next((m) => m.id === 'x-3')).toEqual({ result: null, id: 'x-3' });
    sock.send({ method: 'SET_PROPERTY', params: ['combined', true], id: 4 });
    expect(await sock.next((m) => m.id === 4)).toEqual({ result: null, id: 4 });
    sim.advance(1_000);
    expect(await sock.next((m) => m.stream === 'btcusdt@markprice@1s')).toMatchObject({ data: { e: 'markPriceUpdate' } });
    sock.ws.send('{not json');
    expect(await sock.next((m) => m.code === 3)).toMatchObject({ code: 3 });
    sock.send({ method: 'SUBSCRIBE', params: ['nope@depth'], id: 5 });
    expect(await sock.next((m) => m.id === 5)).toMatchObject({ code: 2, id: 5 });
    sock.send({ method: 'FLY', id: 6 });
    expect(await sock.next((m) => m.id === 6)).toMatchObject({ code: 2 });
  });
});

describe('user data', () => {
  it('futures: listenKey + /private/ws deliver ORDER_TRADE_UPDATE and ACCOUNT_UPDATE for a fill; events= filters; expiry sends listenKeyExpired', async () => {
    const sim = await stepped();
    const call = signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret);
    const keyRes = await fetch(`${sim.urls.futuresRest}/fapi/v1/listenKey`, { method: 'POST', headers: { 'X-MBX-APIKEY': sim.apiKey } });
    const { listenKey } = (await keyRes.json()) as { listenKey: string };
    expect(listenKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const all = await open(`${sim.urls.futuresWs}/private/ws?listenKey=${listenKey}`);
    const onlyOrders = await open(`${sim.urls.futuresWs}/private/stream?listenKey=${listenKey}&events=ORDER_TRADE_UPDATE`);
    await call('POST', '/fapi/v1/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.010', newClientOrderId: 'tw-ud-1' });
    const created = await all.next((m) => m.e === 'ORDER_TRADE_UPDATE' && m.o.x === 'NEW');
    expect(created.o).toMatchObject({ s: 'BTCUSDT', c: 'tw-ud-1', S: 'BUY', o: 'MARKET', X: 'NEW' });
    const trade = await all.next((m) => m.e === 'ORDER_TRADE_UPDATE' && m.o.x === 'TRADE');
    expect(trade.o).toMatchObject({ X: 'FILLED', z: '0.010', N: 'USDT', m: false, ps: 'BOTH' });
    const account = await all.next((m) => m.e === 'ACCOUNT_UPDATE');
    expect(account.a.m).toBe('ORDER');
    expect(account.a.P[0]).toMatchObject({ s: 'BTCUSDT', pa: '0.010', ps: 'BOTH' });
    await settle();
    const wrapped = onlyOrders.messages as { stream: string; data: { e: string } }[];
    expect(wrapped.length).toBeGreaterThan(0);
    expect(wrapped.every((m) => m.stream === listenKey && m.data.e === 'ORDER_TRADE_UPDATE')).toBe(true);
    await fetch(`${sim.urls.futuresRest}/sim/v1/listenKey/expire?listenKey=${listenKey}`, { method: 'POST' });
    expect(await all.next((m) => m.e === 'listenKeyExpired')).toMatchObject({ listenKey });
    const bad = await open(`${sim.urls.futuresWs}/private/ws?listenKey=${listenKey}`);
    expect(await bad.next()).toMatchObject({ code: -1125 });
  });

  it('spot: userDataStream.subscribe.signature on the WebSocket API wraps executionReport and outboundAccountPosition', async () => {
    const sim = await stepped();
    const api = await open(`${sim.urls.spotWs}/ws-api/v3`);
    const params = { apiKey: sim.apiKey, timestamp: Date.now() };
    const signature = hmacHex(sim.apiSecret, `apiKey=${params.apiKey}&timestamp=${params.timestamp}`);
    api.send({ id: 'sub-1', method: 'userDataStream.subscribe.signature', params: { ...params, signature } });
    const sub = await api.next((m) => m.id === 'sub-1');
    expect(sub).toMatchObject({ id: 'sub-1', status: 200, result: { subscriptionId: 0 } });
    api.send({ id: 'bad', method: 'userDataStream.subscribe.signature', params: { ...params, signature: '00' } });
    expect(await api.next((m) => m.id === 'bad')).toMatchObject({ status: 400, error: { code: -1022 } });
    const call = signedCaller(sim.urls.spotRest, sim.apiKey, sim.apiSecret);
    await call('POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: '0.01000' });
    const report = await api.next((m) => m.event?.e === 'executionReport' && m.event.x === 'TRADE');
    expect(report).toMatchObject({ subscriptionId: 0, event: { s: 'BTCUSDT', S: 'SELL', o: 'MARKET', N: 'USDT' } });
    expect(await api.next((m) => m.event?.e === 'outboundAccountPosition')).toMatchObject({ subscriptionId: 0 });
    api.send({ id: 'u', method: 'userDataStream.unsubscribe', params: {} });
    expect(await api.next((m) => m.event?.e === 'eventStreamTerminated')).toMatchObject({ subscriptionId: 0 });
  });
});
