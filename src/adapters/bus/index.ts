/** Creates the Bus the config asks for; connects eagerly so an unreachable Redis fails at start, not later. */
import { Cluster, Redis } from 'ioredis';
import { TradewindError } from '../../core/errors.ts';
import type { Bus } from '../../ports/bus.ts';
import type { Clock } from '../../ports/clock.ts';
import { systemClock } from '../clock/system-clock.ts';
import { MemoryBus } from './memory-bus.ts';
import { RedisBus } from './redis-bus.ts';

export type BusConfig =
  | { kind: 'memory'; maxLen?: number }
  | { kind: 'redis'; url: string; maxLen?: number }
  | { kind: 'redis-cluster'; nodes: string[]; maxLen?: number };

export interface BusDeps { clock?: Clock; connectTimeoutMs?: number; onError?: (err: unknown) => void; }

/** Host and port only: never a password in a label, log or error. */
export function redisLabel(url: string): string {
  try { const u = new URL(url); return `${u.hostname}:${u.port || 6379}`; } catch { return 'redis (unparseable url)'; }
}

export async function createBus(config: BusConfig, deps: BusDeps = {}): Promise<Bus> {
  const clock = deps.clock ?? systemClock;
  const timeout = deps.connectTimeoutMs ?? 3_000;
  if (config.kind === 'memory') return new MemoryBus({ clock, maxLen: config.maxLen });

  const retryStrategy = (times: number) => Math.min(100 * 2 ** times, 2_000);
  let client: Redis | Cluster;
  let label: string;
  if (config.kind === 'redis') {
    label = redisLabel(config.url);
    client = new Redis(config.url, { lazyConnect: true, connectTimeout: timeout, maxRetriesPerRequest: 2, retryStrategy });
  } else {
    if (config.nodes.length === 0) throw new TradewindError('TW_ERR_CONFIG_INVALID', ['bus.nodes', '[]', 'at least one host:port']);
    label = `cluster(${config.nodes.map((n) => redisLabel(`redis://${n}`)).join(',')})`;
    const nodes = config.nodes.map((n) => { const [host, port] = n.split(':'); return { host: host!, port: Number(port ?? 6379) }; });
    client = new Cluster(nodes, { lazyConnect: true, clusterRetryStrategy: (t) => (t > 3 ? null : retryStrategy(t)), redisOptions: { connectTimeout: timeout, maxRetriesPerRequest: 2 } });
  }
  client.on('error', (err) => deps.onError?.(err));
  try {
    await withTimeout(client.connect(), timeout + 500, label);
    await withTimeout(client.ping(), timeout, label);
  } catch (err) {
    client.disconnect();
    throw err instanceof TradewindError ? err : new TradewindError('TW_ERR_DEPENDENCY_DOWN', [label, (err as Error).message], { cause: err });
  }
  return new RedisBus(client, { clock, maxLen: config.maxLen, label, onError: deps.onError });
}

function withTimeout<T>(p: Promise<T>, ms: number, label: string): Promise<T> {
  let t: NodeJS.Timeout;
  const timer = new Promise<never>((_, reject) => { t = setTimeout(() => reject(new TradewindError('TW_ERR_DEPENDENCY_DOWN', [label, `no answer within ${ms} ms`])), ms); });
  return Promise.race([p, timer]).finally(() => clearTimeout(t));
}
