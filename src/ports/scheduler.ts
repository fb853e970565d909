/**
 * Scheduler port for SPEC §2's periodic jobs. In distributed mode a job runs once across replicas
 * (a lease), and its last run is persisted so a restarted process does not run it again early.
 */
import type { HealthNode } from './health.ts';

export interface JobContext {
  /** Aborted when the scheduler stops; long jobs should check it. */
  signal: AbortSignal;
  /** The scheduler clock's time when the run started (ms). */
  now: number;
}

export interface JobDefinition {
  /** Unique across the system, e.g. `reconciler.reconcile`. */
  name: string;
  everyMs: number;
  run(ctx: JobContext): Promise<void>;
  /** How long a run may hold the lease between heartbeats (default: max(30 s, 2 × everyMs) capped at 10 min). */
  leaseMs?: number;
}

export interface JobStatus {
  name: string;
  everyMs: number;
  runningHere: boolean;
  leaseOwner: string | null;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastDurationMs: number | null;
  lastOutcome: 'ok' | 'error' | null;
  lastError: string | null;
  nextRunAt: number;
  runs: number;
}

export interface Scheduler {
  register(job: JobDefinition): void;
  start(): Promise<void>;
  /** Stops starting jobs, aborts and waits for running ones, releases their leases. */
  stop(): Promise<void>;
  status(): Promise<JobStatus[]>;
  health(): Promise<HealthNode>;
}
