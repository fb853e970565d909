/**
 * The simulator's HTTP front: routes by method and path, parses query + form body into one parameter
 * set (query wins, as on Binance), counts request weight, and answers every failure as Binance's
 * `{code,msg}` — never a 500 for bad input.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountBook, SimAccount } from '../accounts/accounts.ts';
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
  handle: (ctx: RouteContext) => unknown;
}

const MAX_BODY = 64 * 1024;

export interface RouterOptions {
  /** Server time (simulated). */
  now: () => number;
  /** Wall-clock time, accepted for request timestamps when simulated time runs ahead. */
  wallNow?: () => number;
  accounts: AccountBook;
  /** Runs before each request (brings the market up to the current simulated time). */
  beforeEach?: () => void;
}

export function createRouter(routes: Route[], opts: RouterOptions) {
  const { now, accounts } = opts;
  const table = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  let usedWeight = 0;
  let windowStart = Math.floor(now() / 60_000);

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    try {
      const route = table.get(`${req.method} ${url.pathname}`);
      if (!route) throw binanceErrors.unknownRoute(url.pathname);
      const body = await readBody(req);
      const params = new URLSearchParams(body);
      for (const [k, v] of url.searchParams) params.set(k, v); // a query value wins over the body's
      const rawQuery = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
      const minute = Math.floor(now() / 60_000);
      if (minute !== windowStart) { windowStart = minute; usedWeight = 0; }
      usedWeight += route.weight;
      const apiKey = req.headers['x-mbx-apikey'];
      opts.beforeEach?.();
      const account = authenticate(route.security ?? 'NONE', accounts, { apiKeyHeader: Array.isArray(apiKey) ? apiKey[0] : apiKey, rawQuery, rawBody: body, params, now: now(), ...(opts.wallNow ? { wallNow: opts.wallNow() } : {}) });
      const result = route.handle({ params, now, account });
      send(res, 200, JSON.stringify(result), { 'x-mbx-used-weight': String(usedWeight), 'x-mbx-used-weight-1m': String(usedWeight) });
    } catch (err) {
      const e = err instanceof BinanceError ? err : new BinanceError(-1000, 'An unknown error occurred while processing the request.', 500);
      send(res, e.status, e.body(), e.headers);
    }
  };
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
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
