/**
 * The control API (outside Binance's paths, no signature: the simulator listens on loopback):
 * time mode and stepping, and inspection of accounts, orders, fills and positions for tests and
 * the UI's exchange view.
 */
import type { AccountBook } from '../accounts/accounts.ts';
import type { Faults } from '../faults.ts';
import type { FuturesEngine } from '../futures/engine.ts';
import type { ListenKeys } from '../futures/listen-keys.ts';
import type { Market } from '../market/market.ts';
import type { SimTime, TimeMode } from '../sim-time.ts';
import type { SpotEngine } from '../spot/engine.ts';
import type { UserEvents } from '../user-events.ts';
import { BinanceError } from './binance-error.ts';
import { enumParam, intParam, symbolParam } from './params.ts';
import type { Limits, Route } from './router.ts';

export interface ControlDeps { market: Market; time: SimTime; futures: FuturesEngine; spot: SpotEngine; accounts: AccountBook; events: UserEvents; listenKeys: ListenKeys; faults: Faults; limits: Limits; advance: (ms: number) => void; dropWebSockets: () => void; urls: () => { spotRest: string; futuresRest: string; spotWs: string; futuresWs: string }; }

export function controlRoutes(d: ControlDeps): Route[] {
  const timeView = () => ({ mode: d.time.mode, speed: d.time.speed, simTime: d.market.time, wallTime: d.time.wallNow() });
  return [
    { method: 'GET', path: '/sim/v1/time', weight: 0, handle: timeView },
    { method: 'GET', path: '/sim/v1/urls', weight: 0, handle: () => d.urls() },
    { method: 'POST', path: '/sim/v1/time', weight: 0, handle: (c) => {
      const mode = enumParam<TimeMode>(c.params, 'mode', ['real', 'accelerated', 'stepped'], () => new BinanceError(-1100, "Illegal characters found in parameter 'mode'; legal range is 'real, accelerated, stepped'."));
      const speed = intParam(c.params, 'speed', 1, 1, 1_000_000);
      d.time.set(mode, speed);
      return timeView();
    } },
    { method: 'POST', path: '/sim/v1/time/advance', weight: 0, handle: (c) => {
      if (d.time.mode !== 'stepped') throw new BinanceError(-1100, 'time can only be advanced in stepped mode');
      d.advance(intParam(c.params, 'ms', 100, 0, 31 * 86_400_000));
      return timeView();
    } },
    { method: 'GET', path: '/sim/v1/accounts', weight: 0, handle: () => {
      const fut = new Map(d.futures.inspect().map((f) => [f.apiKey, f]));
      const spot = new Map(d.spot.inspect().map((s) => [s.apiKey, s]));
      return d.accounts.all().map((a) => ({
        apiKey: a.apiKey, uid: a.uid,
        spot: { balances: Object.fromEntries([...a.spot.balances].map(([k, b]) => [k, { free: b.free.toFixed(8), locked: b.locked.toFixed(8) }])), ...spot.get(a.apiKey) },
        futures: fut.get(a.apiKey),
      }));
    } },
    { method: 'POST', path: '/sim/v1/listenKey/expire', weight: 0, handle: (c) => ({ expired: d.listenKeys.expire(c.params.get('listenKey') ?? '') }) },
    { method: 'POST', path: '/sim/v1/price/shock', weight: 0, handle: (c) => {
      const s = symbolParam(c.params);
      const rel = Number(c.params.get('relative'));
      if (!(rel > -0.9 && rel < 10)) throw new BinanceError(-1100, "Illegal characters found in parameter 'relative'; legal range is (-0.9, 10).");
      d.market.get(s.symbol)!.source.shock(rel);
      return { symbol: s.symbol, relative: rel };
    } },
    { method: 'GET', path: '/sim/v1/faults', weight: 0, handle: () => d.faults.view() },
    { method: 'POST', path: '/sim/v1/faults', weight: 0, handle: (c) => {
      try { d.faults.update(Object.fromEntries(c.params)); } catch (e) { throw new BinanceError(-1100, (e as Error).message); }
      return d.faults.view();
    } },
    { method: 'DELETE', path: '/sim/v1/faults', weight: 0, handle: () => { d.faults.reset(); return d.faults.view(); } },
    { method: 'POST', path: '/sim/v1/ws/drop', weight: 0, handle: () => { d.dropWebSockets(); return { dropped: true }; } },
    { method: 'POST', path: '/sim/v1/limits', weight: 0, handle: (c) => {
      const enabled = c.params.get('enabled');
      if (enabled !== 'true' && enabled !== 'false') throw new BinanceError(-1100, "Illegal characters found in parameter 'enabled'; legal range is 'true, false'.");
      d.limits.enabled = enabled === 'true';
      return d.limits;
    } },
    { method: 'GET', path: '/sim/v1/stats', weight: 0, handle: () => ({ simTime: d.market.time, userEvents: { emitted: d.events.emitted, dropped: d.events.dropped }, faults: d.faults.counts }) },
  ];
}
