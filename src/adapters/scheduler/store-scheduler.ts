/**
 * Scheduler backed by the Store's `job_leases` table (PostgreSQL or PGlite). A replica runs a job
 * only after an atomic UPDATE takes a due, unleased row; it renews the lease while the job runs, so
 * a long run is never started twice; and it records the next due time, so a restart does not rerun.
 */
import { sql } from 'kysely';
import type { Clock } from '../../ports/clock.ts';
import type { HealthNode } from '../../ports/health.ts';
import type { JobDefinition, JobStatus, Scheduler } from '../../ports/scheduler.ts';
import type { Store } from '../../ports/store.ts';
import { TradewindError } from '../../core/errors.ts';

export interface StoreSchedulerOptions {
  store: Store;
  clock: Clock;
  /** Identifies this replica in the lease (e.g. host:pid). */
  owner: string;
  /** How often to look for due jobs (default 1 s). */
  tickMs?: number;
  onJobError?: (job: string, err: unknown) => void;
}

const MAX_ERROR_LEN = 500;

export class StoreScheduler implements Scheduler {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly stopper = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(private readonly opts: StoreSchedulerOptions) {}

  register(job: JobDefinition): void {
    if (!job.name || this.jobs.has(job.name)) throw new TradewindError('TW_ERR_VALIDATION', ['job.name', JSON.stringify(job.name), 'a unique non-empty name'], { field: 'job.name' });
    if (!(job.everyMs > 0)) throw new TradewindError('TW_ERR_VALIDATION', ['job.everyMs', job.everyMs, 'a positive number of ms'], { field: 'job.everyMs' });
    this.jobs.set(job.name, job);
  }

  async start(): Promise<void> {
    const db = this.opts.store.db;
    for (const job of this.jobs.values()) {
      await db.insertInto('job_leases').values({ name: job.name, next_due_ms: this.opts.clock.now() }).onConflict((oc) => oc.column('name').doNothing()).execute();
    }
    const tickMs = this.opts.tickMs ?? 1_000;
    this.loop = (async () => {
      while (!this.stopper.signal.aborted) {
        await this.tick().catch((err) => this.opts.onJobError?.('scheduler.tick', err));
        await this.opts.clock.sleep(tickMs, this.stopper.signal).catch(() => undefined);
      }
    })();
  }

  /** One pass: starts every due job whose lease this replica wins. Exposed for deterministic tests. */
  async tick(): Promise<void> {
    for (const job of this.jobs.values()) {
      if (this.running.has(job.name) || this.stopper.signal.aborted) continue;
      const now = this.opts.clock.now();
      const leaseMs = this.leaseOf(job);
      const won = await sql<{ next_due_ms: number }>`
        UPDATE job_leases SET owner = ${this.opts.owner}, lease_until_ms = ${now + leaseMs}, last_started_ms = ${now}
        WHERE name = ${job.name} AND next_due_ms <= ${now} AND lease_until_ms < ${now}
        RETURNING next_due_ms`.execute(this.opts.store.db);
      const row = won.rows[0];
      if (!row) continue;
      const run = this.runJob(job, now, row.next_due_ms).finally(() => this.running.delete(job.name));
      this.running.set(job.name, run);
    }
  }

  /** Resolves when no job is running on this replica. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.loop;
    await this.idle();
  }

  async status(): Promise<JobStatus[]> {
    const rows = await this.opts.store.db.selectFrom('job_leases').selectAll().where('name', 'in', [...this.jobs.keys(), '']).execute();
    const now = this.opts.clock.now();
    return rows.map((r) => ({
      name: r.name,
      everyMs: this.jobs.get(r.name)?.everyMs ?? 0,
      runningHere: this.running.has(r.name),
      leaseOwner: r.lease_until_ms > now ? r.owner : null,
      lastStartedAt: r.last_started_ms,
      lastFinishedAt: r.last_finished_ms,
      lastDurationMs: r.last_duration_ms,
      lastOutcome: r.last_outcome,
      lastError: r.last_error,
      nextRunAt: r.next_due_ms,
      runs: r.runs,
    }));
  }

  async health(): Promise<HealthNode> {
    const started = performance.now();
    try {
      const jobs = await this.status();
      const failing = jobs.filter((j) => j.lastOutcome === 'error').map((j) => j.name);
      return {
        name: 'scheduler', status: failing.length > 0 ? 'degraded' : 'up', latency_ms: Math.round((performance.now() - started) * 100) / 100,
        ...(failing.length > 0 ? { detail: `last run failed: ${failing.join(', ')}` } : {}),
        info: { jobs },
      };
    } catch (err) {
      return { name: 'scheduler', status: 'down', latency_ms: Math.round(performance.now() - started), detail: (err as Error).message };
    }
  }

  private leaseOf(job: JobDefinition): number {
    return job.leaseMs ?? Math.min(600_000, Math.max(30_000, 2 * job.everyMs));
  }

  private async runJob(job: JobDefinition, startedAt: number, dueAt: number): Promise<void> {
    const { clock, store, owner } = this.opts;
    const leaseMs = this.leaseOf(job);
    // Renew the lease while the job runs, so no replica starts it again until this run ends.
    const heartbeat = new AbortController();
    const beating = (async () => {
      while (!heartbeat.signal.aborted) {
        await clock.sleep(Math.max(10, leaseMs / 3), heartbeat.signal).catch(() => undefined);
        if (heartbeat.signal.aborted) break;
        await sql`UPDATE job_leases SET lease_until_ms = ${clock.now() + leaseMs} WHERE name = ${job.name} AND owner = ${owner}`.execute(store.db).catch(() => undefined);
      }
    })();
    let error: unknown = null;
    try {
      await job.run({ signal: this.stopper.signal, now: startedAt });
    } catch (err) {
      error = err;
      this.opts.onJobError?.(job.name, err);
    } finally {
      heartbeat.abort();
      await beating;
    }
    const finished = clock.now();
    // The next run is due one period after this one was due, skipping periods missed while down.
    let next = dueAt + job.everyMs;
    if (next <= finished) next = finished - ((finished - dueAt) % job.everyMs) + job.everyMs;
    const message = error === null ? null : String((error as Error)?.message ?? error).slice(0, MAX_ERROR_LEN);
    await sql`
      UPDATE job_leases SET lease_until_ms = 0, last_finished_ms = ${finished}, last_duration_ms = ${finished - startedAt},
        last_outcome = ${error === null ? 'ok' : 'error'}, last_error = ${message}, runs = runs + 1, next_due_ms = ${next}
      WHERE name = ${job.name} AND owner = ${owner}`.execute(store.db);
  }
}
