/**
 * Store port: the system of record (PostgreSQL dialect), embedded (PGlite) or a server.
 * One migration set and one contract suite (test/contracts/store.contract.ts) for both adapters.
 */
import type { Kysely, Transaction } from 'kysely';
import type { HealthNode } from './health.ts';
import type { Database } from './store-schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** Tables whose rows carry a `version` column for optimistic concurrency. */
export type VersionedTable = 'intents' | 'orders' | 'positions' | 'config_active' | 'autopsies';

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies pending migrations (idempotent; safe when processes race). Returns the names applied now. */
  migrate(): Promise<{ applied: string[] }>;
  /**
   * Updates one row only if its `version` still equals `expectedVersion`, bumping it by one.
   * Throws TW_ERR_CONFLICT when another writer got there first (or the row is gone).
   */
  updateVersioned<T extends VersionedTable>(table: T, key: Record<string, string>, expectedVersion: number, patch: Record<string, unknown>, db?: Db | Tx): Promise<void>;
  health(): Promise<HealthNode>;
  close(): Promise<void>;
}
