/**
 * One contract every Bus adapter passes (in-process, Redis, Redis Cluster).
 * Uses real time with short idle thresholds, so the same cases run against every transport.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createEnvelope, type Envelope } from '../../src/core/envelope.ts';
import type { Bus, Delivery } from '../../src/ports/bus.ts';

export type BusFactory = (opts: { maxLen?: number }) => Promise<Bus>;

let seq = 0;
export function testStream(label = 's'): string {
  return `test:{${randomUUID().slice(0, 8)}}:${label}`;
}
function env(stream: string, n: number, data: unknown = { n }): Envelope {
  return createEnvelope({ id: `${stream}#${n}#${seq++}`, type: 'test.event', stream, key: 'K', ts_init: Date.now(), source: 'contract', data });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) { if (Date.now() > end) throw new Error('condition not met in time'); await sleep(10); }
}

export function busContract(name: string, factory: BusFactory): void {
  describe(`Bus contract: ${name}`, () => {
    const opened: Bus[] = [];
    const open = async (opts: { maxLen?: number } = {}) => { const b = await factory(opts); opened.push(b); return b; };
    afterAll(async () => { await Promise.all(opened.map((b) => b.close())); });

    it('publishes, reads once per group and acks', async () => {
      const bus = await open();
      const s = testStream();
      await bus.ensureGroup(s, 'g');
      const ids = await bus.publishMany([env(s, 1), env(s, 2), env(s, 3)]);
      expect(ids).toHaveLength(3);
      expect(ids.every((id) => /^\d+-\d+$/.test(id))).toBe(true);
      const got = await bus.read(s, 'g', 'c1', { count: 10 });
      expect(got.map((d) => (d.envelope.data as { n: number }).n)).toEqual([1, 2, 3]);
      expect(got[0]!.deliveryCount).toBe(1);
      expect(got[0]!.envelope.type).toBe('test.event');
      expect(await bus.read(s, 'g', 'c1', { count: 10 })).toEqual([]);
      expect((await bus.pending(s, 'g')).count).toBe(3);
      expect(await bus.ack(s, 'g', got.map((d) => d.id))).toBe(3);
      expect((await bus.pending(s, 'g')).count).toBe(0);
    });

    it('gives every group the whole stream and splits one group between its consumers', async () => {
      const bus = await open();
      const s = testStream();
      await bus.ensureGroup(s, 'a');
      await bus.ensureGroup(s, 'b');
      await bus.publishMany(Array.from({ length: 10 }, (_, i) => env(s, i)));
      expect(await bus.read(s, 'a', 'x', { count: 100 })).toHaveLength(10);
      const b1 = await bus.read(s, 'b', 'y1', { count: 4 });
      const b2 = await bus.read(s, 'b', 'y2', { count: 100 });
      expect(b1).toHaveLength(4);
      expect(b2).toHaveLength(6);
      expect(new Set([...b1, ...b2].map((d) => d.id)).size).toBe(10);
      expect((await bus.pending(s, 'b')).consumers).toEqual({ y1: 4, y2: 6 });
    });

    it('a group created with "$" sees only new entries; a blocking read wakes on publish', async () => {
      const bus = await open();
      const s = testStream();
      await bus.publish(env(s, 0));
      await bus.ensureGroup(s, 'late', '$');
      const pending = bus.read(s, 'late', 'c', { count: 10, blockMs: 3_000 });
      await sleep(50);
      await bus.publish(env(s, 1));
      const got = await pending;
      expect(got.map((d) => (d.envelope.data as { n: number }).n)).toEqual([1]);
    });

    it('keeps per-key order through a subscription', async () => {
      const bus = await open();
      const s = testStream();
      await bus.publishMany(Array.from({ length: 300 }, (_, i) => env(s, i)));
      const seen: number[] = [];
      const sub = bus.subscribe({ stream: s, group: 'g', consumer: 'c', count: 64, blockMs: 100, handler: async (d) => { seen.push((d.envelope.data as { n: number }).n); } });
      await until(() => seen.length === 300);
      await sub.stop();
      expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i));
      expect(await bus.lag(s, 'g')).toBe(0);
    });

    it('a consumer killed mid-stream: another claims its pending entries; nothing lost, nothing processed twice', async () => {
      const bus = await open();
      const s = testStream();
      const total = 120;
      await bus.ensureGroup(s, 'g');
      await bus.publishMany(Array.from({ length: total }, (_, i) => env(s, i)));
      const processed = new Map<string, number>(); // envelope id → times the side effect ran
      const handle = (d: Delivery) => { if (!processed.has(d.envelope.id)) processed.set(d.envelope.id, 1); else processed.set(d.envelope.id, processed.get(d.envelope.id)! + 1); };
      const idempotent = async (d: Delivery) => { if (!processed.has(d.envelope.id)) handle(d); };
      let handled = 0;
      // Consumer A does the work for 30 entries, then "dies" after doing the side effect of #30 but before acking it.
      const a = bus.subscribe({ stream: s, group: 'g', consumer: 'A', count: 50, blockMs: 100, handler: async (d) => {
        if (handled >= 30) { if (handled === 30) await idempotent(d); handled++; throw new Error('consumer A crashed'); }
        handled++; await idempotent(d);
      } });
      await until(async () => (await bus.pending(s, 'g')).count > 0 && handled > 30);
      await a.stop();
      const leftByA = (await bus.pending(s, 'g')).consumers.A ?? 0;
      expect(leftByA).toBeGreaterThan(0);
      // Consumer B claims A's pending entries once they are idle and finishes the stream.
      let redelivered = 0;
      const b = bus.subscribe({ stream: s, group: 'g', consumer: 'B', count: 50, blockMs: 100, claimIdleMs: 150, handler: async (d) => { if (d.deliveryCount > 1) redelivered++; await idempotent(d); } });
      await until(async () => (await bus.lag(s, 'g')) === 0);
      await b.stop();
      expect(processed.size).toBe(total);
      expect([...processed.values()].every((n) => n === 1)).toBe(true);
      expect(redelivered).toBeGreaterThan(0);
      expect((await bus.pending(s, 'g')).count).toBe(0);
    });

    it('redelivers an unacked entry through claimStale with a growing delivery count', async () => {
      const bus = await open();
      const s = testStream();
      await bus.ensureGroup(s, 'g');
      await bus.publish(env(s, 1));
      const [first] = await bus.read(s, 'g', 'c1');
      expect(await bus.claimStale(s, 'g', 'c2', 60_000)).toEqual([]);
      await sleep(120);
      const claimed = await bus.claimStale(s, 'g', 'c2', 100);
      expect(claimed.map((d) => d.id)).toEqual([first!.id]);
      expect(claimed[0]!.deliveryCount).toBe(2);
      expect((await bus.pending(s, 'g')).consumers).toEqual({ c2: 1 });
    });

    it('a handler that throws leaves the entry pending and it is redelivered', async () => {
      const bus = await open();
      const s = testStream();
      await bus.publish(env(s, 7));
      let attempts = 0;
      const sub = bus.subscribe({ stream: s, group: 'g', consumer: 'c', blockMs: 50, claimIdleMs: 100, handler: async () => { attempts++; if (attempts === 1) throw new Error('transient'); } });
      await until(() => attempts >= 2);
      await until(async () => (await bus.pending(s, 'g')).count === 0);
      await sub.stop();
      expect(attempts).toBe(2);
    });

    it('reports lag as produced minus acked', async () => {
      const bus = await open();
      const s = testStream();
      await bus.ensureGroup(s, 'g');
      await bus.publishMany(Array.from({ length: 10 }, (_, i) => env(s, i)));
      expect(await bus.lag(s, 'g')).toBe(10);
      const part = await bus.read(s, 'g', 'c', { count: 4 });
      expect(await bus.lag(s, 'g')).toBe(10);
      await bus.ack(s, 'g', part.map((d) => d.id));
      expect(await bus.lag(s, 'g')).toBe(6);
      const rest = await bus.read(s, 'g', 'c', { count: 100 });
      await bus.ack(s, 'g', rest.map((d) => d.id));
      expect(await bus.lag(s, 'g')).toBe(0);
    });

    it('bounds retention to about maxLen entries', async () => {
      const bus = await open({ maxLen: 100 });
      const s = testStream();
      await bus.ensureGroup(s, 'g');
      for (let i = 0; i < 10; i++) await bus.publishMany(Array.from({ length: 100 }, (_, j) => env(s, i * 100 + j)));
      const kept = await bus.read(s, 'g', 'c', { count: 5_000 });
      expect(kept.length).toBeGreaterThanOrEqual(100);
      expect(kept.length).toBeLessThan(400);
      expect((kept.at(-1)!.envelope.data as { n: number }).n).toBe(999);
    });

    it('answers bad input with a clear error, never a hang', async () => {
      const bus = await open();
      await expect(bus.publish(env('', 1))).rejects.toMatchObject({ code: 'TW_ERR_VALIDATION', field: 'envelope.stream' });
      await expect(bus.publish(env(testStream(), 1, { big: 10n }))).rejects.toMatchObject({ code: 'TW_ERR_VALIDATION', field: 'envelope.data.big' });
      await expect(bus.publish(env(testStream(), 1, { at: new Date(0) }))).rejects.toMatchObject({ code: 'TW_ERR_VALIDATION', field: 'envelope.data.at' });
      await expect(bus.publish(env(testStream(), 1, { px: [1, NaN] }))).rejects.toMatchObject({ code: 'TW_ERR_VALIDATION', field: 'envelope.data.px[1]' });
      const loop: Record<string, unknown> = {}; loop.self = loop;
      await expect(bus.publish(env(testStream(), 1, loop))).rejects.toMatchObject({ code: 'TW_ERR_VALIDATION' });
      await expect(bus.read(testStream(), 'nogroup', 'c')).rejects.toMatchObject({ code: 'TW_ERR_NOT_FOUND' });
      await expect(bus.ensureGroup(testStream(), '')).rejects.toMatchObject({ code: 'TW_ERR_VALIDATION', field: 'group' });
    });

    it('reports health', async () => {
      const bus = await open();
      const h = await bus.health();
      expect(h.status).toBe('up');
      expect(h.latency_ms).toBeGreaterThanOrEqual(0);
    });
  });
}
