/**
 * The Binance-compatible exchange simulator, in process. One HTTP server answers both the spot
 * (/api, /sapi) and the futures (/fapi) paths, plus a control API under /sim/v1 (time, inspection,
 * faults); the URLs it returns are what a Binance client takes as base URLs.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../ports/clock.ts';
import { AccountBook, type AccountSeed } from './accounts/accounts.ts';
import { Faults, type FaultConfig } from './faults.ts';
import { FuturesEngine } from './futures/engine.ts';
import { ListenKeys } from './futures/listen-keys.ts';
import { accountRoutes } from './http/account-routes.ts';
import { controlRoutes } from './http/control-routes.ts';
import { futuresRoutes } from './http/futures-routes.ts';
import { marketRoutes } from './http/market-routes.ts';
import { publicRoutes } from './http/public-routes.ts';
import { spotRoutes } from './http/spot-routes.ts';
import { BINANCE_LIMITS, createRouter, type Limits } from './http/router.ts';
import { Market } from './market/market.ts';
import { SimTime, type TimeMode } from './sim-time.ts';
import { SpotEngine } from './spot/engine.ts';
import { UserEvents } from './user-events.ts';
import { SimWebSocketServer } from './ws/ws-server.ts';

export interface SimulatorOptions {
  /** Spot REST/WS port (0 picks a free one). */
  port?: number;
  /** Futures REST/WS port (default: port + 1, or a free one when port is 0). */
  futuresPort?: number;
  host?: string;
  seed?: number;
  /** Wall clock (default: the system clock). */
  clock?: Pick<Clock, 'now'>;
  /** Accounts with their keys and funding; default: one account from the seed's credentials, default funding. */
  accounts?: AccountSeed[];
  /** Simulated start time (default: now). */
  startTime?: number;
  time?: { mode: TimeMode; speed?: number };
  /** Replay Binance kline CSVs (1m) instead of the synthetic process, per symbol. */
  replay?: Record<string, string>;
  /** Faults to inject from the start (also settable through the control API). */
  faults?: Partial<FaultConfig>;
  /** Rate limits (default: Binance's; `enabled: false` for load tests). */
  limits?: Partial<Limits>;
}

export interface SimulatorUrls { spotRest: string; futuresRest: string; spotWs: string; futuresWs: string; }

export interface Simulator {
  urls: SimulatorUrls;
  /** The default account's credentials (simulator only; never used for testnet or live). */
  apiKey: string;
  apiSecret: string;
  market: Market;
  time: SimTime;
  futures: FuturesEngine;
  spot: SpotEngine;
  events: UserEvents;
  ws: { spot: SimWebSocketServer; futures: SimWebSocketServer };
  listenKeys: ListenKeys;
  faults: Faults;
  limits: Limits;
  /** Stepped mode: moves simulated time forward and runs the market through it. */
  advance(ms: number): void;
  close(): Promise<void>;
}

const wallClock = { now: () => Date.now() };
const DRIVER_INTERVAL_MS = 20;

/** Returns deterministic credentials for a seed, so tests and demos can reproduce a session. */
export function defaultCredentials(seed: number): { apiKey: string; apiSecret: string } {
  const h = (label: string) => createHash('sha256').update(`tradewind-sim:${label}:${seed}`).digest('hex');
  return { apiKey: h('key'), apiSecret: h('secret') };
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  const wall = opts.clock ?? wallClock;
  const seed = opts.seed ?? 1;
  const time = new SimTime(wall, opts.startTime ?? wall.now());
  if (opts.time) time.set(opts.time.mode, opts.time.speed ?? 1);
  const credentials = defaultCredentials(seed);
  const accounts = new AccountBook(opts.accounts ?? [credentials], time.now());
  const market = new Market({ seed, startTime: time.now(), ...(opts.replay ? { replay: opts.replay } : {}) });
  const events = new UserEvents();
  const futures = new FuturesEngine(market, accounts, events);
  const spot = new SpotEngine(market, accounts, events);
  const sync = () => market.advanceTo(time.now());
  const advance = (ms: number) => { time.advance(ms); sync(); };

  const listenKeys = new ListenKeys(() => wall.now());
  const spotListenKeys = new ListenKeys(() => wall.now());
  const faults = new Faults(seed);
  if (opts.faults) faults.update(opts.faults);
  const limits: Limits = { ...BINANCE_LIMITS, ...opts.limits };
  events.dropFilter = () => faults.roll('lostUserEventRate', 'lostUserEvent');
  const routes = [...publicRoutes, ...accountRoutes, ...marketRoutes(market), ...futuresRoutes(market, futures, listenKeys), ...spotRoutes(market, spot, futures, spotListenKeys), ...controlRoutes({ market, time, futures, spot, accounts, events, listenKeys, faults, limits, advance, dropWebSockets: () => { ws.spot.dropAll(); ws.futures.dropAll(); }, urls: () => urls })];
  const handle = createRouter(routes, { now: () => market.time, wallNow: () => wall.now(), accounts, beforeEach: sync, faults, limits });
  const listen = async (port: number): Promise<{ server: Server; port: number }> => {
    const server = createServer((req, res) => { void handle(req, res); });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => { server.off('error', reject); resolve(); });
    });
    return { server, port: (server.address() as AddressInfo).port };
  };
  const spotHttp = await listen(opts.port ?? 0);
  const futHttp = await listen(opts.futuresPort ?? (opts.port ? opts.port + 1 : 0));
  const wsDeps = { market, accounts, events, listenKeys, routes, wallNow: () => wall.now(), shouldDrop: () => faults.roll('wsDropRate', 'wsDrop') };
  const ws = { spot: new SimWebSocketServer(spotHttp.server, { ...wsDeps, kind: 'SPOT', spotListenKeys }), futures: new SimWebSocketServer(futHttp.server, { ...wsDeps, kind: 'FUT' }) };
  const driver = setInterval(() => { if (time.mode !== 'stepped') sync(); }, DRIVER_INTERVAL_MS);
  driver.unref();
  const h = host.includes(':') ? `[${host}]` : host;
  const urls: SimulatorUrls = { spotRest: `http://${h}:${spotHttp.port}`, futuresRest: `http://${h}:${futHttp.port}`, spotWs: `ws://${h}:${spotHttp.port}`, futuresWs: `ws://${h}:${futHttp.port}` };
  const closeServer = (server: Server) => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return {
    urls,
    ...(opts.accounts?.[0] ? { apiKey: opts.accounts[0].apiKey, apiSecret: opts.accounts[0].apiSecret } : credentials),
    market, time, futures, spot, events, ws, listenKeys, faults, limits, advance,
    close: async () => { clearInterval(driver); ws.spot.close(); ws.futures.close(); await Promise.all([closeServer(spotHttp.server), closeServer(futHttp.server)]); },
  };
}
