/**
 * Applies `migrations/*.sql` in name order, once each, recording a sha256 checksum: an applied file
 * that changed afterwards is an error, not a silent drift. Runs under an advisory lock so two
 * processes starting together do not both migrate.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { TradewindError } from '../../core/errors.ts';

const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url);
const LOCK_KEY = 7_427_001; // any constant shared by every Tradewind process

export interface MigrationFile { name: string; sql: string; checksum: string; }

export function loadMigrations(dir: URL = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort().map((name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

export async function migrate(db: Kysely<any>, files: MigrationFile[] = loadMigrations()): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_ms BIGINT NOT NULL)`.execute(conn);
      const done = await sql<{ name: string; checksum: string }>`SELECT name, checksum FROM schema_migrations`.execute(conn);
      const applied = new Map(done.rows.map((r) => [r.name, r.checksum]));
      const now: string[] = [];
      for (const f of files) {
        const known = applied.get(f.name);
        if (known !== undefined) {
          if (known !== f.checksum) throw new TradewindError('TW_ERR_INTERNAL', [`migration ${f.name} changed after it was applied (checksum ${known.slice(0, 12)} → ${f.checksum.slice(0, 12)})`]);
          continue;
        }
        await conn.transaction().execute(async (tx) => {
          await sql.raw(f.sql).execute(tx);
          await sql`INSERT INTO schema_migrations (name, checksum, applied_ms) VALUES (${f.name}, ${f.checksum}, ${Date.now()})`.execute(tx);
        });
        now.push(f.name);
      }
      return now;
    } finally {
      await sql`SELECT pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}
