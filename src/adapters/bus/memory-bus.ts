/**
 * In-process Bus with Redis Streams semantics: `ms-seq` ids, consumer groups, a pending entries
 * list with idle times and delivery counts, claim of stale entries, MAXLEN retention and lag.
 * Envelopes are frozen, so they are passed by reference (no serialisation on the hot path).
 */
import type { Envelope } from '../../core/envelope.ts';
import { TradewindError } from '../../core/errors.ts';
import type { Bus, Delivery, PendingSummary, ReadOptions, SubscribeOptions, Subscription } from '../../ports/bus.ts';
import type { Clock } from '../../ports/clock.ts';
import type { HealthNode } from '../../ports/health.ts';
import { runSubscription } from './subscription.ts';
import { checkEnvelope, validateName } from './validate.ts';

interface PendingEntry { index: number; consumer: string; deliveredAt: number; count: number; }
interface Group { nextIndex: number; pending: Map<string, PendingEntry>; acked: number; }
interface StreamState {
  /** Entry ids and envelopes in parallel arrays: no object per entry, less GC on the hot path. */
  ids: string[];
  envelopes: Envelope[];
  /** Absolute index of entries[0] (entries before it were trimmed). */
  base: number;
  lastMs: number;
  lastSeq: number;
  groups: Map<string, Group>;
  waiters: Set<() => void>;
}

export interface MemoryBusOptions { clock: Clock; maxLen?: number; }

export class MemoryBus implements Bus {
  readonly kind = 'memory' as const;
  private readonly streams = new Map<string, StreamState>();
  private readonly clock: Clock;
  private readonly maxLen: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(opts: MemoryBusOptions) {
    this.clock = opts.clock;
    this.maxLen = opts.maxLen ?? 100_000;
  }

  async publish(envelope: Envelope): Promise<string> {
    return this.append(envelope);
  }

  async publishMany(envelopes: readonly Envelope[]): Promise<string[]> {
    const ids = new Array<string>(envelopes.length);
    for (let i = 0; i < envelopes.length; i++) ids[i] = this.append(envelopes[i]!);
    return ids;
  }

  async ensureGroup(stream: string, group: string, from: '0' | '$' = '0'): Promise<void> {
    validateName('stream', stream); validateName('group', group);
    const s = this.stream(stream);
    if (!s.groups.has(group)) s.groups.set(group, { nextIndex: from === '0' ? s.base : s.base + s.ids.length, pending: new Map(), acked: 0 });
  }

  async read(stream: string, group: string, consumer: string, opts: ReadOptions = {}): Promise<Delivery[]> {
    this.assertOpen();
    validateName('consumer', consumer);
    const g = this.group(stream, group);
    const s = this.stream(stream);
    let out = this.take(s, g, stream, consumer, opts.count ?? 100);
    if (out.length === 0 && (opts.blockMs ?? 0) > 0) {
      await this.waitForEntries(s, opts.blockMs!);
      out = this.take(s, g, stream, consumer, opts.count ?? 100);
    }
    return out;
  }

  async ack(stream: string, group: string, ids: readonly string[]): Promise<number> {
    const g = this.group(stream, group);
    let n = 0;
    for (const id of ids) if (g.pending.delete(id)) n++;
    g.acked += n;
    return n;
  }

  async claimStale(stream: string, group: string, consumer: string, minIdleMs: number, count = 100): Promise<Delivery[]> {
    const g = this.group(stream, group);
    const s = this.stream(stream);
    const now = this.clock.now();
    const out: Delivery[] = [];
    for (const [id, p] of g.pending) {
      if (out.length >= count) break;
      if (now - p.deliveredAt < minIdleMs) continue;
      const envelope = s.envelopes[p.index - s.base];
      if (!envelope) { g.pending.delete(id); continue; } // trimmed away, as XAUTOCLAIM drops deleted entries
      p.consumer = consumer; p.deliveredAt = now; p.count += 1;
      out.push({ id, stream, envelope, deliveryCount: p.count });
    }
    return out;
  }

  async pending(stream: string, group: string): Promise<PendingSummary> {
    const g = this.group(stream, group);
    const consumers: Record<string, number> = {};
    for (const p of g.pending.values()) consumers[p.consumer] = (consumers[p.consumer] ?? 0) + 1;
    return { count: g.pending.size, consumers };
  }

  async lag(stream: string, group: string): Promise<number> {
    const g = this.group(stream, group);
    const s = this.stream(stream);
    const undelivered = Math.max(0, s.base + s.ids.length - Math.max(g.nextIndex, s.base));
    return undelivered + g.pending.size;
  }

  subscribe(opts: SubscribeOptions): Subscription {
    const sub = runSubscription(this, opts, { pause: (ms, signal) => this.clock.sleep(ms, signal), now: () => this.clock.now() });
    this.subscriptions.add(sub);
    return { stop: async () => { await sub.stop(); this.subscriptions.delete(sub); } };
  }

  async health(): Promise<HealthNode> {
    return { name: 'bus:memory', status: this.closed ? 'down' : 'up', latency_ms: 0, info: { streams: this.streams.size } };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.streams.values()) for (const w of s.waiters) w();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private append(envelope: Envelope): string {
    this.assertOpen();
    // Same check as the wire adapters, so code that works embedded works distributed.
    checkEnvelope(envelope);
    const s = this.stream(envelope.stream);
    const now = this.clock.now();
    if (now > s.lastMs) { s.lastMs = now; s.lastSeq = 0; } else { s.lastSeq += 1; }
    const id = `${s.lastMs}-${s.lastSeq}`;
    s.ids.push(id);
    s.envelopes.push(envelope);
    if (s.ids.length > this.maxLen * 1.1) this.trim(s);
    if (s.waiters.size > 0) { const ws = [...s.waiters]; s.waiters.clear(); for (const w of ws) w(); }
    return id;
  }

  /** Drops the oldest entries beyond maxLen (approximate, like `MAXLEN ~`). */
  private trim(s: StreamState): void {
    const drop = s.ids.length - this.maxLen;
    s.ids.splice(0, drop);
    s.envelopes.splice(0, drop);
    s.base += drop;
  }

  private take(s: StreamState, g: Group, stream: string, consumer: string, count: number): Delivery[] {
    if (g.nextIndex < s.base) g.nextIndex = s.base;
    const start = g.nextIndex - s.base;
    const end = Math.min(s.ids.length, start + count);
    if (end <= start) return [];
    const now = this.clock.now();
    const out = new Array<Delivery>(end - start);
    for (let i = start; i < end; i++) {
      const id = s.ids[i]!;
      g.pending.set(id, { index: s.base + i, consumer, deliveredAt: now, count: 1 });
      out[i - start] = { id, stream, envelope: s.envelopes[i]!, deliveryCount: 1 };
    }
    g.nextIndex = s.base + end;
    return out;
  }

  private waitForEntries(s: StreamState, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let cancel = () => {};
      const wake = () => { cancel(); s.waiters.delete(wake); resolve(); };
      s.waiters.add(wake);
      cancel = this.clock.setTimer(ms, wake);
    });
  }

  private stream(name: string): StreamState {
    let s = this.streams.get(name);
    if (!s) {
      validateName('stream', name);
      s = { ids: [], envelopes: [], base: 0, lastMs: 0, lastSeq: -1, groups: new Map(), waiters: new Set() };
      this.streams.set(name, s);
    }
    return s;
  }

  private group(stream: string, group: string): Group {
    const g = this.streams.get(stream)?.groups.get(group);
    if (!g) throw new TradewindError('TW_ERR_NOT_FOUND', ['consumer group', `${stream}/${group}`], { field: 'group' });
    return g;
  }

  private assertOpen(): void {
    if (this.closed) throw new TradewindError('TW_ERR_SHUTTING_DOWN', ['bus:memory']);
  }
}
