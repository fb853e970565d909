/**
 * The simulator's HTTP front: routes by method and path, parses query + form body into one parameter
 * set (query wins, as on Binance), authenticates, counts request weight and orders (429 -1003 with
 * Retry-After, then 418 on continued abuse), applies injected faults, and answers every failure as
 * Binance's `{code,msg}` — never a 500 for bad input.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountBook, SimAccount } from '../accounts/accounts.ts';
import type { Faults } from '../faults.ts';
import { authenticate, type Security } from './auth.ts';
import { BinanceError, binanceErrors } from './binance-error.ts';

export interface RouteContext {
  params: URLSearchParams;
  now: () => number;
  /** The authenticated account (null on NONE endpoints). */
  account: SimAccount | null;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  weight: number;
  /** Binance security type; NONE when absent. */
  security?: Security;
  /** Places orders: counted on the order limiters and subject to injected rejections and timeouts. */
  isOrder?: boolean;
  handle: (ctx: RouteContext) => unknown;
}

export interface Limits { enabled: boolean; futuresWeightPerMinute: number; spotWeightPerMinute: number; futuresOrdersPer10s: number; futuresOrdersPerMinute: number; spotOrdersPer10s: number; }
export const BINANCE_LIMITS: Limits = { enabled: true, futuresWeightPerMinute: 2400, spotWeightPerMinute: 6000, futuresOrdersPer10s: 300, futuresOrdersPerMinute: 1200, spotOrdersPer10s: 50 };

export interface RouterOptions {
  /** Server time (simulated). */
  now: () => number;
  /** Wall-clock time: rate-limit windows, and request timestamps when simulated time runs ahead. */
  wallNow: () => number;
  accounts: AccountBook;
  /** Runs before each request (brings the market up to the current simulated time). */
  beforeEach?: () => void;
  faults?: Faults;
  limits?: Limits;
}

const MAX_BODY = 64 * 1024;
const BAN_AFTER_429S = 10;
const BAN_MS = 120_000;

class Window {
  private start = 0;
  count = 0;
  constructor(readonly ms: number) {}
  add(now: number, n: number): number {
    const w = now - (now % this.ms);
    if (w !== this.start) { this.start = w; this.count = 0; }
    this.count += n;
    return this.count;
  }
  retryAfterS(now: number): number { return Math.max(1, Math.ceil((this.start + this.ms - now) / 1000)); }
}

export function createRouter(routes: Route[], opts: RouterOptions) {
  const { now, accounts } = opts;
  const table = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  const limits = () => opts.limits ?? BINANCE_LIMITS;
  const weight = { fut: new Window(60_000), spot: new Window(60_000) };
  const orders = { fut10s: new Map<string, Window>(), fut1m: new Map<string, Window>(), spot10s: new Map<string, Window>() };
  let over = 0;
  let bannedUntil = 0;
  const windowFor = (m: Map<string, Window>, key: string, ms: number) => { let w = m.get(key); if (!w) m.set(key, (w = new Window(ms))); return w; };

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const faults = opts.faults;
    try {
      const route = table.get(`${req.method} ${url.pathname}`);
      if (!route) throw binanceErrors.unknownRoute(url.pathname);
      const body = await readBody(req);
      const wall = opts.wallNow();
      const fut = url.pathname.startsWith('/fapi');
      const control = url.pathname.startsWith('/sim/');
      // --- rate limits and injected 429 bursts
      if (!control) {
        if (wall < bannedUntil) throw new BinanceError(-1003, `Way too much request weight used; IP banned until ${bannedUntil}. Please use WebSocket Streams for live updates to avoid bans.`, 418, { 'retry-after': String(Math.ceil((bannedUntil - wall) / 1000)) });
        if (faults?.takeBurst()) throw new BinanceError(-1003, 'Too many requests; current limit is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API.', 429, { 'retry-after': '1' });
        const w = fut ? weight.fut : weight.spot;
        const used = w.add(wall, route.weight);
        const cap = fut ? limits().futuresWeightPerMinute : limits().spotWeightPerMinute;
        res.setHeader('x-mbx-used-weight', String(used));
        res.setHeader('x-mbx-used-weight-1m', String(used));
        if (limits().enabled && used > cap) {
          if (++over > BAN_AFTER_429S) { bannedUntil = wall + BAN_MS; over = 0; }
          throw new BinanceError(-1003, `Too much request weight used; current limit is ${cap} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`, 429, { 'retry-after': String(w.retryAfterS(wall)) });
        }
      }
      // --- injected latency, 5xx, timeouts before processing
      if (faults && !control) {
        if (faults.config.latencyMs > 0) { faults.counts.latency++; await new Promise((r) => setTimeout(r, faults.config.latencyMs)); }
        if (faults.roll('http5xxRate', 'http5xx')) throw new BinanceError(-1000, 'Service Unavailable.', 503);
        if (route.isOrder && faults.roll('timeoutBeforePlaceRate', 'timeoutBeforePlace')) { hang(res, faults.config.timeoutMs); return; }
      }
      const params = new URLSearchParams(body);
      for (const [k, v] of url.searchParams) params.set(k, v); // a query value wins over the body's
      const rawUrl = req.url ?? '';
      const rawQuery = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';
      const apiKey = req.headers['x-mbx-apikey'];
      opts.beforeEach?.();
      const account = authenticate(route.security ?? 'NONE', accounts, { apiKeyHeader: Array.isArray(apiKey) ? apiKey[0] : apiKey, rawQuery, rawBody: body, params, now: now(), wallNow: wall });
      const headers: Record<string, string> = {};
      if (route.isOrder && account) {
        const key = account.apiKey;
        const c10 = windowFor(fut ? orders.fut10s : orders.spot10s, key, 10_000).add(wall, 1);
        const cap10 = fut ? limits().futuresOrdersPer10s : limits().spotOrdersPer10s;
        const c1m = fut ? windowFor(orders.fut1m, key, 60_000).add(wall, 1) : 0;
        if (limits().enabled && (c10 > cap10 || (fut && c1m > limits().futuresOrdersPerMinute))) {
          throw new BinanceError(-1015, `Too many new orders; current limit is ${fut && c1m > limits().futuresOrdersPerMinute ? `${limits().futuresOrdersPerMinute} orders per MINUTE` : `${cap10} orders per 10 SECOND`}.`, 429, { 'retry-after': '10' });
        }
        if (faults?.roll('orderRejectRate', 'orderReject')) throw injectedRejection(faults.config.rejectCode);
        headers['x-mbx-order-count-10s'] = String(c10);
        headers[fut ? 'x-mbx-order-count-1m' : 'x-mbx-order-count-1d'] = String(fut ? c1m : c10);
      }
      const result = route.handle({ params, now, account });
      if (route.isOrder && faults?.roll('timeoutAfterPlaceRate', 'timeoutAfterPlace')) { hang(res, faults.config.timeoutMs); return; }
      send(res, 200, JSON.stringify(result), headers);
    } catch (err) {
      const e = err instanceof BinanceError ? err : new BinanceError(-1000, 'An unknown error occurred while processing the request.', 500);
      send(res, e.status, e.body(), e.headers);
    }
  };
}

function injectedRejection(code: number): BinanceError {
  const messages: Record<number, string> = { [-2019]: 'Margin is insufficient.', [-2010]: 'Account has insufficient balance for requested action.', [-2018]: 'Balance is insufficient.', [-1008]: 'Server is currently overloaded with other requests. Please try again in a few minutes.' };
  return new BinanceError(code, messages[code] ?? 'Order rejected (injected fault).');
}

/** Never answers; closes the socket after `ms`, as a request that timed out. */
function hang(res: ServerResponse, ms: number): void {
  const t = setTimeout(() => res.socket?.destroy(), ms);
  t.unref();
  res.on('close', () => clearTimeout(t));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new BinanceError(-1104, 'Not all sent parameters were read.', 413)); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
