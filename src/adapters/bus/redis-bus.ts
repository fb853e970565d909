/**
 * Bus over Redis Streams, for one node (`Redis`) or a Cluster (`Redis.Cluster`): XADD with
 * `MAXLEN ~` retention, consumer groups (XREADGROUP/XACK), XAUTOCLAIM for entries a dead consumer
 * left pending, lag from XINFO GROUPS. Blocking reads use a dedicated connection per consumer, so a
 * blocked read never delays publishes. Stream names carry `{symbol}` hash tags (src/core/streams.ts),
 * so a symbol's streams and keys share a Cluster slot.
 */
import { Redis, Cluster, type Result } from 'ioredis';
import type { Envelope } from '../../core/envelope.ts';
import { TradewindError } from '../../core/errors.ts';
import type { Bus, Delivery, PendingSummary, ReadOptions, SubscribeOptions, Subscription } from '../../ports/bus.ts';
import type { Clock } from '../../ports/clock.ts';
import type { HealthNode } from '../../ports/health.ts';
import { runSubscription } from './subscription.ts';
import { encodeEnvelope, validateName } from './validate.ts';

type Client = Redis | Cluster;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    xaddMany(stream: string, maxLen: number, ...envelopes: string[]): Result<string[], Context>;
  }
}

const SCRIPT_CHUNK = 1_000;
const XADD_MANY_LUA = `
local ids = {}
for i = 2, #ARGV do
  ids[i - 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i])
end
return ids`;
type RawEntry = [id: string, fields: string[]];

export interface RedisBusOptions { clock: Clock; maxLen?: number; label: string; onError?: (err: unknown) => void; }

export class RedisBus implements Bus {
  readonly kind: 'redis' | 'redis-cluster';
  private readonly blocking = new Map<string, Client>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly maxLen: number;
  private closed = false;

  constructor(private readonly client: Client, private readonly opts: RedisBusOptions) {
    this.kind = client instanceof Cluster ? 'redis-cluster' : 'redis';
    this.maxLen = opts.maxLen ?? 100_000;
    client.defineCommand('xaddMany', { numberOfKeys: 1, lua: XADD_MANY_LUA });
  }

  async publish(envelope: Envelope): Promise<string> {
    const json = encodeEnvelope(envelope);
    return this.call(() => this.client.xadd(envelope.stream, 'MAXLEN', '~', this.maxLen, '*', 'e', json)) as Promise<string>;
  }

  async publishMany(envelopes: readonly Envelope[]): Promise<string[]> {
    const encoded = envelopes.map(encodeEnvelope);
    const byStream = new Map<string, number[]>();
    envelopes.forEach((e, i) => { const l = byStream.get(e.stream); if (l) l.push(i); else byStream.set(e.stream, [i]); });
    const ids = new Array<string>(envelopes.length);
    // One script call per stream and chunk: XADDs run server-side, so the client pays one command,
    // not one per message (ioredis's per-command cost dominates otherwise). One key → one Cluster slot.
    await Promise.all([...byStream].map(async ([stream, idx]) => {
      for (let from = 0; from < idx.length; from += SCRIPT_CHUNK) {
        const chunk = idx.slice(from, from + SCRIPT_CHUNK);
        const got = (await this.call(() => (this.client as Redis).xaddMany(stream, this.maxLen, ...chunk.map((i) => encoded[i]!)))) as string[];
        chunk.forEach((i, k) => { ids[i] = got[k]!; });
      }
    }));
    return ids;
  }

  async ensureGroup(stream: string, group: string, from: '0' | '$' = '0'): Promise<void> {
    validateName('stream', stream); validateName('group', group);
    try {
      await this.call(() => this.client.xgroup('CREATE', stream, group, from, 'MKSTREAM'));
    } catch (err) {
      if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
    }
  }

  async read(stream: string, group: string, consumer: string, opts: ReadOptions = {}): Promise<Delivery[]> {
    validateName('consumer', consumer);
    const count = opts.count ?? 100;
    const block = opts.blockMs ?? 0;
    const conn = block > 0 ? this.blockingConnection(stream, consumer) : this.client;
    const args: (string | number)[] = ['GROUP', group, consumer, 'COUNT', count];
    if (block > 0) args.push('BLOCK', block);
    args.push('STREAMS', stream, '>');
    const res = (await this.call(() => (conn as any).xreadgroup(...args) as Promise<unknown>).catch((err) => { throw this.groupError(err, stream, group); })) as [string, RawEntry[]][] | null;
    if (!res) return [];
    return this.decode(stream, res[0]![1], () => 1);
  }

  async ack(stream: string, group: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.call(() => this.client.xack(stream, group, ...ids)) as Promise<number>;
  }

  async claimStale(stream: string, group: string, consumer: string, minIdleMs: number, count = 100): Promise<Delivery[]> {
    const res = (await this.call(() => this.client.xautoclaim(stream, group, consumer, minIdleMs, '0-0', 'COUNT', count))
      .catch((err) => { throw this.groupError(err, stream, group); })) as [string, RawEntry[], string[]?];
    const entries = (res[1] ?? []).filter((e) => e && e[1]);
    if (entries.length === 0) return [];
    // Delivery counts come from the pending list (XAUTOCLAIM has just incremented them).
    const first = entries[0]![0];
    const last = entries[entries.length - 1]![0];
    const pend = (await this.call(() => this.client.xpending(stream, group, first, last, entries.length * 2, consumer))) as [string, string, number, number][];
    const counts = new Map(pend.map((p) => [p[0], Number(p[3])]));
    return this.decode(stream, entries, (id) => counts.get(id) ?? 2);
  }

  async pending(stream: string, group: string): Promise<PendingSummary> {
    const res = (await this.call(() => this.client.xpending(stream, group)).catch((err) => { throw this.groupError(err, stream, group); })) as [number, string | null, string | null, [string, string][] | null];
    const consumers: Record<string, number> = {};
    for (const [name, n] of res[3] ?? []) consumers[name] = Number(n);
    return { count: Number(res[0]), consumers };
  }

  async lag(stream: string, group: string): Promise<number> {
    const groups = (await this.call(() => this.client.xinfo('GROUPS', stream))) as unknown[][];
    for (const raw of groups) {
      const g = fieldsToObject(raw);
      if (g.name !== group) continue;
      const pending = Number(g.pending ?? 0);
      if (g.lag !== null && g.lag !== undefined) return Number(g.lag) + pending;
      // Redis cannot compute lag after some deletions: fall back to entries-added − entries-read.
      const info = fieldsToObject((await this.call(() => this.client.xinfo('STREAM', stream))) as unknown[]);
      return Math.max(0, Number(info['entries-added'] ?? 0) - Number(g['entries-read'] ?? 0)) + pending;
    }
    throw new TradewindError('TW_ERR_NOT_FOUND', ['consumer group', `${stream}/${group}`], { field: 'group' });
  }

  subscribe(opts: SubscribeOptions): Subscription {
    const clock = this.opts.clock;
    const sub = runSubscription(this, opts, { pause: (ms, s) => clock.sleep(ms, s), now: () => clock.now(), onError: this.opts.onError });
    this.subscriptions.add(sub);
    return { stop: async () => { await sub.stop(); this.subscriptions.delete(sub); } };
  }

  async health(): Promise<HealthNode> {
    const started = performance.now();
    try {
      await this.client.ping();
      return { name: `bus:${this.kind}`, status: 'up', latency_ms: round(performance.now() - started), info: { target: this.opts.label } };
    } catch (err) {
      return { name: `bus:${this.kind}`, status: 'down', latency_ms: round(performance.now() - started), detail: (err as Error).message, info: { target: this.opts.label } };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    for (const c of this.blocking.values()) c.disconnect();
    this.blocking.clear();
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private blockingConnection(stream: string, consumer: string): Client {
    const key = `${stream}\u0000${consumer}`;
    let c = this.blocking.get(key);
    if (!c) {
      c = this.client.duplicate() as Client;
      c.on('error', () => undefined); // surfaced by the failing command itself
      this.blocking.set(key, c);
    }
    return c;
  }

  private decode(stream: string, entries: RawEntry[], countOf: (id: string) => number): Delivery[] {
    return entries.map(([id, fields]) => {
      const json = fields[fields.indexOf('e') + 1];
      let envelope: Envelope;
      try {
        envelope = JSON.parse(json ?? '') as Envelope;
      } catch {
        throw new TradewindError('TW_ERR_INTERNAL', [`entry ${id} of stream ${stream} is not a Tradewind envelope`]);
      }
      return { id, stream, envelope, deliveryCount: countOf(id) };
    });
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new TradewindError('TW_ERR_SHUTTING_DOWN', [`bus:${this.kind}`]);
    try {
      return await fn();
    } catch (err) {
      throw this.wrap(err);
    }
  }

  private wrap(err: unknown): unknown {
    if (err instanceof TradewindError) return err;
    const msg = (err as Error)?.message ?? String(err);
    if (/ECONNREFUSED|ETIMEDOUT|Connection is closed|connect|max retries|Stream isn't writeable|ClusterAllFailed|None of startup nodes/i.test(msg)) {
      return new TradewindError('TW_ERR_DEPENDENCY_DOWN', [this.opts.label, msg], { cause: err });
    }
    return err;
  }

  private groupError(err: unknown, stream: string, group: string): unknown {
    if (String((err as Error)?.message).includes('NOGROUP')) return new TradewindError('TW_ERR_NOT_FOUND', ['consumer group', `${stream}/${group}`], { field: 'group' });
    return err;
  }
}

function fieldsToObject(raw: unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) o[String(raw[i])] = raw[i + 1];
  return o;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
