/**
 * Makes PGlite look like a `pg` pool to Kysely's PostgresDialect, so both engines share one dialect.
 * PGlite has a single connection: `connect()` hands it out to one caller at a time (a FIFO mutex),
 * so a transaction never interleaves with another caller's statements.
 */
import type { PGlite } from '@electric-sql/pglite';

interface QueryResultLike { command: string; rowCount: number; rows: unknown[]; }

export class PGlitePool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pg: PGlite) {}

  async connect(): Promise<{ query: (sql: string, params?: readonly unknown[]) => Promise<QueryResultLike>; release: () => void }> {
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    const ready = this.queue;
    this.queue = ready.then(() => held);
    await ready;
    let released = false;
    return {
      query: async (sql, params) => {
        // Without parameters use the simple protocol, as `pg` does, so multi-statement scripts (migrations) run.
        const r = params && params.length > 0 ? await this.pg.query(sql, params as unknown[]) : (await this.pg.exec(sql)).at(-1);
        return { command: commandOf(sql), rowCount: r?.affectedRows ?? r?.rows.length ?? 0, rows: r?.rows ?? [] };
      },
      release: () => { if (!released) { released = true; release(); } },
    };
  }

  async end(): Promise<void> { /* PGlite is closed by the store */ }
}

function commandOf(sql: string): string {
  const m = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql);
  return (m?.[1] ?? '').toUpperCase();
}
