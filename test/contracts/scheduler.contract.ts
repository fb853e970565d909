/** One contract for the Scheduler, run over each Store adapter: replicas share one database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimClock } from '../../src/adapters/clock/sim-clock.ts';
import { StoreScheduler } from '../../src/adapters/scheduler/store-scheduler.ts';
import type { Store } from '../../src/ports/store.ts';

export interface SchedulerHarness { stores: [Store, Store]; close(): Promise<void>; }

let jobSeq = 0;

export function schedulerContract(name: string, open: () => Promise<SchedulerHarness>): void {
  describe(`Scheduler contract: ${name}`, () => {
    let h: SchedulerHarness;
    beforeAll(async () => { h = await open(); await h.stores[0].migrate(); });
    afterAll(async () => { await h?.close(); });

    const replica = (store: Store, clock: SimClock, owner: string) => new StoreScheduler({ store, clock, owner, tickMs: 100 });

    it('runs each due period exactly once across two replicas', async () => {
      const clock = new SimClock(1_000_000);
      const name = `job.once.${jobSeq++}`;
      const runs: { owner: string; at: number }[] = [];
      const [a, b] = [replica(h.stores[0], clock, 'A'), replica(h.stores[1], clock, 'B')];
      for (const [s, owner] of [[a, 'A'], [b, 'B']] as const) s.register({ name, everyMs: 1_000, run: async ({ now }) => { runs.push({ owner, at: now }); } });
      await a.start(); await b.start();
      for (let step = 0; step < 50; step++) {
        await Promise.all([a.tick(), b.tick()]);
        await Promise.all([a.idle(), b.idle()]);
        await clock.advance(100);
      }
      await a.stop(); await b.stop();
      // t = 0, 1000, ..., 4000 (+ maybe 5000 at the boundary): one run per period, none twice.
      const periods = runs.map((r) => Math.floor((r.at - 1_000_000) / 1_000));
      expect(new Set(periods).size).toBe(runs.length);
      expect(runs.length).toBeGreaterThanOrEqual(5);
      expect(runs.length).toBeLessThanOrEqual(6);
      const [status] = await a.status();
      expect(status!.runs).toBe(runs.length);
      expect(status!.lastOutcome).toBe('ok');
    });

    it('does not run again after a restart before the job is due', async () => {
      const clock = new SimClock(2_000_000);
      const name = `job.restart.${jobSeq++}`;
      let runs = 0;
      const first = replica(h.stores[0], clock, 'A');
      first.register({ name, everyMs: 60_000, run: async () => { runs++; } });
      await first.start(); await first.tick(); await first.idle(); await first.stop();
      expect(runs).toBe(1);
      await clock.advance(10_000);
      const restarted = replica(h.stores[1], clock, 'A2');
      restarted.register({ name, everyMs: 60_000, run: async () => { runs++; } });
      await restarted.start(); await restarted.tick(); await restarted.idle();
      expect(runs).toBe(1);
      await clock.advance(50_000);
      await restarted.tick(); await restarted.idle(); await restarted.stop();
      expect(runs).toBe(2);
    });

    it('records a failing run and tries again next period', async () => {
      const clock = new SimClock(3_000_000);
      const name = `job.fail.${jobSeq++}`;
      let attempts = 0;
      const s = replica(h.stores[0], clock, 'A');
      s.register({ name, everyMs: 1_000, run: async () => { attempts++; if (attempts === 1) throw new Error('exchange said no'); } });
      await s.start(); await s.tick(); await s.idle();
      let [st] = await s.status();
      expect(st!.lastOutcome).toBe('error');
      expect(st!.lastError).toBe('exchange said no');
      expect((await s.health()).status).toBe('degraded');
      await clock.advance(1_000);
      await s.tick(); await s.idle(); await s.stop();
      [st] = await s.status();
      expect(attempts).toBe(2);
      expect(st!.lastOutcome).toBe('ok');
    });

    it('never starts a run while another replica still holds the lease of a long one', async () => {
      const clock = new SimClock(4_000_000);
      const name = `job.long.${jobSeq++}`;
      let concurrent = 0, maxConcurrent = 0, runs = 0;
      let finish!: () => void;
      const gate = new Promise<void>((r) => { finish = r; });
      const body = async () => { runs++; concurrent++; maxConcurrent = Math.max(maxConcurrent, concurrent); await gate; concurrent--; };
      const [a, b] = [replica(h.stores[0], clock, 'A'), replica(h.stores[1], clock, 'B')];
      a.register({ name, everyMs: 1_000, leaseMs: 3_000, run: body });
      b.register({ name, everyMs: 1_000, leaseMs: 3_000, run: body });
      await a.start(); await b.start();
      await a.tick();
      for (let i = 0; i < 20; i++) { await clock.advance(500); await b.tick(); } // 10 s: > 3 leases; A's heartbeat renews it
      expect(runs).toBe(1);
      finish();
      await a.idle();
      await a.stop(); await b.stop();
      expect(maxConcurrent).toBe(1);
    });
  });
}
