/**
 * The simulator's WebSocket endpoints on one market's HTTP server: market streams on raw
 * (`/ws/<s1>/<s2>`) and combined (`/stream?streams=`) URLs, with SUBSCRIBE / UNSUBSCRIBE /
 * LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY; futures' split `/public`, `/market` and
 * `/private` (listenKey) paths; the spot WebSocket API (`/ws-api/v3`) with
 * `userDataStream.subscribe.signature`. Server pings, pong deadlines and the 24 h limit as Binance.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AccountBook } from '../accounts/accounts.ts';
import type { ListenKeys } from '../futures/listen-keys.ts';
import { hmacHex } from '../http/auth.ts';
import type { Market } from '../market/market.ts';
import type { MarketKind } from '../market/symbol-market.ts';
import type { UserEvents } from '../user-events.ts';
import { authenticate } from '../http/auth.ts';
import { BinanceError } from '../http/binance-error.ts';
import type { Route } from '../http/router.ts';
import { StreamHub, type StreamSink } from './stream-hub.ts';

export interface WsDeps {
  market: Market;
  kind: MarketKind;
  accounts: AccountBook;
  events: UserEvents;
  listenKeys: ListenKeys;
  /** Spot's legacy listen keys (`/api/v3/userDataStream`, retired on Binance 2026-02-20; kept for older clients). */
  spotListenKeys?: ListenKeys;
  wallNow: () => number;
  /** Fault injection: drop this connection now? (checked on each send). */
  shouldDrop?: () => boolean;
  /** REST routes the WebSocket API methods map onto (same handlers, same validation). */
  routes?: Route[];
}

const MAX_STREAMS = 1024;
const MAX_AGE_MS = 24 * 3600 * 1000;

interface Conn extends StreamSink { ws: WebSocket; streams: Set<string>; combined: boolean; openedAt: number; lastPong: number; unsubscribeUser: (() => void)[]; }

export class SimWebSocketServer {
  readonly hub: StreamHub;
  /** Control messages are small; a 64 KB cap keeps a misbehaving client from exhausting memory. */
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  private readonly conns = new Set<Conn>();
  private readonly pinger: NodeJS.Timeout;
  drops = 0;

  constructor(server: Server, private readonly d: WsDeps) {
    this.hub = new StreamHub(d.market, d.kind);
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://sim');
      if (!this.route(url)) { socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n'); socket.destroy(); return; }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url));
    });
    const pingEvery = d.kind === 'SPOT' ? 20_000 : 180_000;
    const pongDeadline = d.kind === 'SPOT' ? 60_000 : 600_000;
    this.pinger = setInterval(() => {
      const now = d.wallNow();
      for (const c of this.conns) {
        if (now - c.lastPong > pongDeadline + pingEvery || now - c.openedAt > MAX_AGE_MS) { c.ws.terminate(); continue; }
        c.ws.ping();
      }
    }, pingEvery);
    this.pinger.unref();
    d.listenKeys.onExpired((key) => {
      for (const c of this.conns) if ((c as Conn & { listenKey?: string }).listenKey === key) {
        const ev = JSON.stringify({ e: 'listenKeyExpired', E: String(d.market.time), listenKey: key });
        c.ws.send(c.combined ? `{"stream":${JSON.stringify(key)},"data":${ev}}` : ev);
        for (const u of c.unsubscribeUser) u();
        c.unsubscribeUser = [];
      }
    });
  }

  /** Drops every connection (fault injection: WebSocket drops). */
  dropAll(): void { for (const c of this.conns) { c.ws.terminate(); this.drops++; } }

  close(): void {
    clearInterval(this.pinger);
    for (const c of this.conns) c.ws.terminate();
    this.wss.close();
  }

  private route(url: URL): string | null {
    const p = url.pathname;
    const fut = this.d.kind === 'FUT';
    const strip = fut ? p.replace(/^\/(public|market)(?=\/(ws|stream))/, '') : p;
    if (strip.startsWith('/ws/') || strip === '/ws' || strip === '/stream') return 'market';
    if (fut && (p === '/private/ws' || p === '/private/stream')) return 'private';
    if ((!fut && p === '/ws-api/v3') || (fut && p === '/ws-fapi/v1')) return 'wsapi';
    return null;
  }

  private accept(ws: WebSocket, url: URL): void {
    const kind = this.route(url)!;
    const now = this.d.wallNow();
    const conn: Conn = {
      ws, streams: new Set(), combined: false, openedAt: now, lastPong: now, unsubscribeUser: [],
      send: (_name, raw, combined) => {
        if (ws.readyState !== ws.OPEN) return;
        if (this.d.shouldDrop?.()) { this.drops++; ws.terminate(); return; }
        ws.send(conn.combined ? combined : raw);
      },
    };
    this.conns.add(conn);
    // a protocol error (oversized frame, bad opcode) closes this connection, never the process
    ws.on('error', () => ws.terminate());
    ws.on('pong', () => { conn.lastPong = this.d.wallNow(); });
    ws.on('close', () => {
      this.conns.delete(conn);
      for (const s of conn.streams) this.hub.unsubscribe(s, conn);
      for (const u of conn.unsubscribeUser) u();
    });
    if (kind === 'market') this.openMarket(conn, url);
    else if (kind === 'private') this.openPrivate(conn, url);
    else this.openWsApi(conn);
  }

  private openMarket(conn: Conn, url: URL): void {
    const path = url.pathname.replace(/^\/(public|market)/, '');
    const initial = path === '/stream' ? (url.searchParams.get('streams') ?? '').split('/').filter(Boolean) : path.replace(/^\/ws\/?/, '').split('/').filter(Boolean);
    conn.combined = path === '/stream';
    for (const s of initial) {
      const owner = this.d.spotListenKeys?.owner(s);
      if (owner) { this.attachSpotUser(conn, s, owner); continue; }
      if (conn.streams.size < MAX_STREAMS && this.hub.subscribe(s, conn)) conn.streams.add(s);
    }
    conn.ws.on('message', (data) => guarded(conn, () => this.control(conn, data.toString())));
  }

  /** Spot user data on a legacy listen key: raw events, as `/ws/<listenKey>` delivered them. */
  private attachSpotUser(conn: Conn, key: string, owner: string): void {
    conn.unsubscribeUser.push(this.d.events.subscribe(owner, 'SPOT', (event) => {
      const raw = JSON.stringify(event);
      conn.send(key, raw, `{"stream":${JSON.stringify(key)},"data":${raw}}`);
    }));
  }

  /** SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY. */
  private control(conn: Conn, text: string): void {
    let msg: { method?: unknown; params?: unknown; id?: unknown };
    try { msg = JSON.parse(text) as typeof msg; } catch (e) { conn.ws.send(JSON.stringify({ code: 3, msg: `Invalid JSON: ${(e as Error).message}` })); return; }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) { conn.ws.send(JSON.stringify({ code: 3, msg: 'Invalid request: expected a JSON object', id: null })); return; }
    const id = msg.id ?? null;
    if (id !== null && typeof id !== 'number' && !(typeof id === 'string' && id.length <= 36)) { conn.ws.send(JSON.stringify({ code: 3, msg: 'Invalid request: request ID must be an unsigned integer or a string of at most 36 characters', id: null })); return; }
    const params = Array.isArray(msg.params) ? (msg.params as unknown[]) : [];
    const reply = (result: unknown) => conn.ws.send(JSON.stringify({ result, id }));
    const bad = (m: string) => conn.ws.send(JSON.stringify({ code: 2, msg: m, id }));
    switch (msg.method) {
      case 'SUBSCRIBE':
        for (const p of params) {
          if (typeof p !== 'string' || !this.hub.valid(p)) { bad(`Invalid request: invalid stream name ${JSON.stringify(p)}`); return; }
        }
        if (conn.streams.size + params.length > MAX_STREAMS) { bad(`Invalid request: too many streams (max ${MAX_STREAMS})`); return; }
        for (const p of params as string[]) if (!conn.streams.has(p) && this.hub.subscribe(p, conn)) conn.streams.add(p);
        return reply(null);
      case 'UNSUBSCRIBE':
        for (const p of params) if (typeof p === 'string' && conn.streams.delete(p)) this.hub.unsubscribe(p, conn);
        return reply(null);
      case 'LIST_SUBSCRIPTIONS': return reply([...conn.streams]);
      case 'SET_PROPERTY':
        if (params[0] !== 'combined' || typeof params[1] !== 'boolean') { bad('Invalid request: property name must be "combined" with a boolean value'); return; }
        conn.combined = params[1];
        return reply(null);
      case 'GET_PROPERTY':
        if (params[0] !== 'combined') { bad('Invalid request: unknown property'); return; }
        return reply(conn.combined);
      default:
        bad(`Invalid request: unknown variant ${JSON.stringify(msg.method)}, expected one of SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY, GET_PROPERTY`);
    }
  }

  /**
   * Futures user data. With `?listenKey=` the connection carries that key's events at once (an
   * invalid key is answered -1125 and closed); without one, the key is SUBSCRIBEd as a stream name,
   * as Binance's official connector does.
   */
  private openPrivate(conn: Conn, url: URL): void {
    conn.combined = url.pathname === '/private/stream';
    const wanted = url.searchParams.get('events');
    const filter = wanted ? new Set(wanted.split('/')) : null;
    const attached = new Map<string, () => void>();
    const attach = (key: string): boolean => {
      const owner = this.d.listenKeys.owner(key);
      if (!owner) return false;
      if (attached.has(key)) return true;
      (conn as Conn & { listenKey?: string }).listenKey = key;
      const off = this.d.events.subscribe(owner, 'FUT', (event) => {
        if (filter && !filter.has(String(event.e))) return;
        const raw = JSON.stringify(event);
        conn.send(key, raw, `{"stream":${JSON.stringify(key)},"data":${raw}}`);
      });
      attached.set(key, off);
      conn.unsubscribeUser.push(off);
      return true;
    };
    const key = url.searchParams.get('listenKey');
    if (key !== null) {
      if (!attach(key)) { conn.ws.send(JSON.stringify({ e: 'error', code: -1125, msg: 'This listenKey does not exist. Please use `POST /fapi/v1/listenKey` to recreate `listenKey`' })); conn.ws.close(4001, 'invalid listenKey'); }
      return;
    }
    conn.ws.on('message', (data) => guarded(conn, () => {
      let msg: { method?: unknown; params?: unknown; id?: unknown };
      try { msg = JSON.parse(data.toString()) as typeof msg; } catch (e) { conn.ws.send(JSON.stringify({ code: 3, msg: `Invalid JSON: ${(e as Error).message}` })); return; }
      if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) { conn.ws.send(JSON.stringify({ code: 3, msg: 'Invalid request: expected a JSON object', id: null })); return; }
      const id = typeof msg.id === 'number' || typeof msg.id === 'string' ? msg.id : null;
      const params = Array.isArray(msg.params) ? (msg.params as unknown[]).map(String) : [];
      if (msg.method === 'SUBSCRIBE') {
        const bad = params.find((p) => !attach(p.split('@')[0]!));
        if (bad !== undefined) { conn.ws.send(JSON.stringify({ code: -1125, msg: 'This listenKey does not exist.', id })); return; }
        conn.ws.send(JSON.stringify({ result: null, id }));
      } else if (msg.method === 'UNSUBSCRIBE') {
        for (const p of params) { const k = p.split('@')[0]!; attached.get(k)?.(); attached.delete(k); }
        conn.ws.send(JSON.stringify({ result: null, id }));
      } else if (msg.method === 'LIST_SUBSCRIPTIONS') conn.ws.send(JSON.stringify({ result: [...attached.keys()], id }));
      else conn.ws.send(JSON.stringify({ code: 2, msg: `Invalid request: unknown variant ${JSON.stringify(msg.method)}, expected one of SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS`, id }));
    }));
  }

  /** WebSocket API method → the REST route with the same semantics (`v2/…` methods map to v2 paths). */
  private wsApiRoute(method: string): Route | undefined {
    const fut = this.d.kind === 'FUT';
    const map: Record<string, [Route['method'], string]> = fut ? {
      'order.place': ['POST', '/fapi/v1/order'], 'order.cancel': ['DELETE', '/fapi/v1/order'], 'order.status': ['GET', '/fapi/v1/order'], 'order.modify': ['PUT', '/fapi/v1/order'],
      'algoOrder.place': ['POST', '/fapi/v1/algoOrder'], 'algoOrder.cancel': ['DELETE', '/fapi/v1/algoOrder'],
      'account.balance': ['GET', '/fapi/v3/balance'], 'v2/account.balance': ['GET', '/fapi/v2/balance'], 'account.position': ['GET', '/fapi/v3/positionRisk'], 'v2/account.position': ['GET', '/fapi/v2/positionRisk'],
      'account.status': ['GET', '/fapi/v3/account'], 'v2/account.status': ['GET', '/fapi/v2/account'],
      'userDataStream.start': ['POST', '/fapi/v1/listenKey'], 'userDataStream.ping': ['PUT', '/fapi/v1/listenKey'], 'userDataStream.stop': ['DELETE', '/fapi/v1/listenKey'],
      'depth': ['GET', '/fapi/v1/depth'], 'ticker.book': ['GET', '/fapi/v1/ticker/bookTicker'], 'ticker.price': ['GET', '/fapi/v1/ticker/price'],
    } : {
      'order.place': ['POST', '/api/v3/order'], 'order.cancel': ['DELETE', '/api/v3/order'], 'order.status': ['GET', '/api/v3/order'], 'openOrders.status': ['GET', '/api/v3/openOrders'],
      'orderList.place.oco': ['POST', '/api/v3/orderList/oco'], 'orderList.cancel': ['DELETE', '/api/v3/orderList'], 'account.status': ['GET', '/api/v3/account'], 'myTrades': ['GET', '/api/v3/myTrades'],
      'depth': ['GET', '/api/v3/depth'], 'ticker.book': ['GET', '/api/v3/ticker/bookTicker'], 'ticker.price': ['GET', '/api/v3/ticker/price'],
    };
    const target = map[method];
    return target ? this.d.routes?.find((r) => r.method === target[0] && r.path === target[1]) : undefined;
  }

  /** Calls a REST handler with WebSocket-API params; signed methods are verified over the params sorted by name, as Binance signs them. */
  private callRoute(route: Route, params: Record<string, unknown>): unknown {
    const { signature, ...signedParams } = params;
    const signedPayload = Object.keys(signedParams).sort().map((k) => `${k}=${String(signedParams[k])}`).join('&');
    const { apiKey, ...rest } = signedParams;
    const q = new URLSearchParams(Object.entries(rest).map(([k, v]): [string, string] => [k, String(v)]));
    const account = authenticate(route.security ?? 'NONE', this.d.accounts, {
      apiKeyHeader: apiKey === undefined ? undefined : String(apiKey), rawQuery: signature === undefined ? signedPayload : `${signedPayload}&signature=${String(signature)}`, rawBody: '',
      params: q, now: this.d.market.time, wallNow: this.d.wallNow(),
    });
    return route.handle({ params: q, now: () => this.d.market.time, account });
  }

  /** The spot WebSocket API: enough of it for user data (`userDataStream.subscribe.signature`), ping and time. */
  private openWsApi(conn: Conn): void {
    let nextSubscription = 0;
    const subs = new Map<number, () => void>();
    const rateLimits = [{ rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000, count: 1 }];
    conn.ws.on('message', (data) => guarded(conn, () => {
      let msg: { id?: unknown; method?: unknown; params?: Record<string, unknown> };
      try { msg = JSON.parse(data.toString()) as typeof msg; } catch { conn.ws.send(JSON.stringify({ id: null, status: 400, error: { code: -1000, msg: 'Malformed request: invalid JSON.' }, rateLimits })); return; }
      if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) { conn.ws.send(JSON.stringify({ id: null, status: 400, error: { code: -1000, msg: 'Malformed request: expected a JSON object.' }, rateLimits })); return; }
      const id = typeof msg.id === 'number' || typeof msg.id === 'string' ? msg.id : null;
      const ok = (result: unknown) => conn.ws.send(JSON.stringify({ id, status: 200, result, rateLimits }));
      const fail = (status: number, code: number, m: string) => conn.ws.send(JSON.stringify({ id, status, error: { code, msg: m }, rateLimits }));
      const params = (typeof msg.params === 'object' && msg.params !== null && !Array.isArray(msg.params) ? msg.params : {}) as Record<string, unknown>;
      switch (msg.method) {
        case 'ping': return ok({});
        case 'time': return ok({ serverTime: this.d.market.time });
        case 'userDataStream.subscribe.signature': {
          const apiKey = String(params.apiKey ?? '');
          const account = this.d.accounts.byApiKey(apiKey);
          if (!account) return fail(401, -2015, 'Invalid API-key, IP, or permissions for action.');
          const { signature, ...rest } = params;
          const payload = Object.keys(rest).sort().map((k) => `${k}=${String(rest[k])}`).join('&');
          if (typeof signature !== 'string' || signature.toLowerCase() !== hmacHex(account.apiSecret, payload)) return fail(400, -1022, 'Signature for this request is not valid.');
          const ts = Number(params.timestamp);
          const window = Number(params.recvWindow ?? 5000);
          const fresh = (now: number) => ts < now + 1000 && now - ts <= window;
          if (!fresh(this.d.wallNow()) && !fresh(this.d.market.time)) return fail(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
          const subscriptionId = nextSubscription++;
          const off = this.d.events.subscribe(apiKey, 'SPOT', (event) => { if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify({ subscriptionId, event })); });
          subs.set(subscriptionId, off);
          conn.unsubscribeUser.push(off);
          return ok({ subscriptionId });
        }
        case 'userDataStream.unsubscribe': {
          const which = params.subscriptionId === undefined ? [...subs.keys()] : [Number(params.subscriptionId)];
          if (which.length === 0 || which.some((s) => !subs.has(s))) return fail(400, -2036, 'User Data Stream is not active.');
          for (const s of which) { subs.get(s)!(); subs.delete(s); conn.ws.send(JSON.stringify({ subscriptionId: s, event: { e: 'eventStreamTerminated', E: this.d.market.time } })); }
          return ok({});
        }
        case 'session.subscriptions': return ok([...subs.keys()].map((subscriptionId) => ({ subscriptionId })));
        default: {
          const route = typeof msg.method === 'string' ? this.wsApiRoute(msg.method) : undefined;
          if (!route) return fail(400, -1100, `Unknown method ${JSON.stringify(msg.method)}.`);
          try { return ok(this.callRoute(route, params)); } catch (e) {
            if (e instanceof BinanceError) return fail(e.status, e.code, e.message);
            throw e;
          }
        }
      }
    }));
  }
}

/** Runs a message handler; an unexpected failure answers the client and keeps the server up. */
function guarded(conn: Conn, fn: () => void): void {
  try { fn(); } catch (e) {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify({ code: -1000, msg: `An unknown error occurred while processing the request: ${(e as Error).message}` }));
  }
}
