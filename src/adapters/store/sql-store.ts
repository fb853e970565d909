/** The Store over a Kysely instance: everything both engines share (transactions, migrations, versioned updates, health). */
import { sql, type Kysely } from 'kysely';
import { TradewindError } from '../../core/errors.ts';
import type { HealthNode } from '../../ports/health.ts';
import type { Db, Store, Tx, VersionedTable } from '../../ports/store.ts';
import type { Database } from '../../ports/store-schema.ts';
import { migrate } from './migrate.ts';

export class SqlStore implements Store {
  constructor(
    readonly kind: 'pglite' | 'postgres',
    readonly db: Kysely<Database>,
    private readonly label: string,
    private readonly onClose: () => Promise<void>,
  ) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async migrate(): Promise<{ applied: string[] }> {
    return { applied: await migrate(this.db) };
  }

  async updateVersioned<T extends VersionedTable>(table: T, key: Record<string, string>, expectedVersion: number, patch: Record<string, unknown>, db: Db | Tx = this.db): Promise<void> {
    if ('version' in patch) throw new TradewindError('TW_ERR_VALIDATION', ['patch.version', 'set', 'absent (the store bumps it)'], { field: 'patch.version' });
    const anyDb = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    let q = anyDb.updateTable(table as string).set({ ...patch, version: sql`version + 1` } as never).where('version' as never, '=', expectedVersion as never);
    for (const [col, value] of Object.entries(key)) q = q.where(col as never, '=', value as never);
    const res = await q.executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      throw new TradewindError('TW_ERR_CONFLICT', [table, Object.values(key).join('/'), expectedVersion], { details: { table, key } });
    }
  }

  async health(): Promise<HealthNode> {
    const started = performance.now();
    try {
      await sql`SELECT 1`.execute(this.db);
      return { name: `store:${this.kind}`, status: 'up', latency_ms: round(performance.now() - started), info: { target: this.label } };
    } catch (err) {
      return { name: `store:${this.kind}`, status: 'down', latency_ms: round(performance.now() - started), detail: (err as Error).message, info: { target: this.label } };
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
