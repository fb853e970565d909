/**
 * The Binance-compatible exchange simulator, in process. One HTTP server answers both the spot
 * (/api, /sapi) and the futures (/fapi) paths; the URLs it returns are what a Binance client
 * takes as base URLs.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../ports/clock.ts';
import { AccountBook, type AccountSeed } from './accounts/accounts.ts';
import { accountRoutes } from './http/account-routes.ts';
import { publicRoutes } from './http/public-routes.ts';
import { createRouter } from './http/router.ts';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  seed?: number;
  /** Time source (default: the wall clock). */
  clock?: Clock;
  /** Accounts with their keys and funding; default: one account from the seed's credentials, default funding. */
  accounts?: AccountSeed[];
}

export interface SimulatorUrls { spotRest: string; futuresRest: string; spotWs: string; futuresWs: string; }

export interface Simulator {
  urls: SimulatorUrls;
  /** The default account's credentials (simulator only; never used for testnet or live). */
  apiKey: string;
  apiSecret: string;
  close(): Promise<void>;
}

const wallClock = { now: () => Date.now() };

/** Returns deterministic credentials for a seed, so tests and demos can reproduce a session. */
export function defaultCredentials(seed: number): { apiKey: string; apiSecret: string } {
  const h = (label: string) => createHash('sha256').update(`tradewind-sim:${label}:${seed}`).digest('hex');
  return { apiKey: h('key'), apiSecret: h('secret') };
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  const clock = opts.clock ?? wallClock;
  const credentials = defaultCredentials(opts.seed ?? 1);
  const accounts = new AccountBook(opts.accounts ?? [credentials], clock.now());
  const handle = createRouter([...publicRoutes, ...accountRoutes], () => clock.now(), accounts);
  const server = createServer((req, res) => { void handle(req, res); });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  const { port } = server.address() as AddressInfo;
  const base = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    urls: { spotRest: `http://${base}`, futuresRest: `http://${base}`, spotWs: `ws://${base}`, futuresWs: `ws://${base}` },
    ...(opts.accounts?.[0] ? { apiKey: opts.accounts[0].apiKey, apiSecret: opts.accounts[0].apiSecret } : credentials),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
