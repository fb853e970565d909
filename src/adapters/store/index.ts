/**
 * Creates the Store the config asks for: PGlite (embedded, file-backed or in memory) or PostgreSQL.
 * Both read int8 as a JS number (epoch ms fit exactly) and NUMERIC as an exact decimal string.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { TradewindError } from '../../core/errors.ts';
import type { Store } from '../../ports/store.ts';
import type { Database } from '../../ports/store-schema.ts';
import { PGlitePool } from './pglite-pool.ts';
import { SqlStore } from './sql-store.ts';

export type StoreConfig =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

const INT8 = 20;
const NUMERIC = 1700;
const parseInt8 = (v: string) => Number(v);
const keepString = (v: string) => v;

/** host:port/db only: a password never reaches a log, an error or /health. */
export function postgresLabel(url: string): string {
  try { const u = new URL(url); return `${u.hostname}:${u.port || 5432}${u.pathname}`; } catch { return 'postgres (unparseable url)'; }
}

export async function createStore(config: StoreConfig, opts: { connectTimeoutMs?: number } = {}): Promise<Store> {
  if (config.kind === 'pglite') {
    if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
    const pglite = new PGlite(config.dataDir ?? undefined, { parsers: { [INT8]: parseInt8, [NUMERIC]: keepString } });
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) as never }) });
    return new SqlStore('pglite', db, config.dataDir ?? 'memory', () => pglite.close());
  }

  const label = postgresLabel(config.url);
  const schema = config.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new TradewindError('TW_ERR_CONFIG_INVALID', ['store.schema', JSON.stringify(schema), 'a lower-case SQL identifier']);
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 3_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? parseInt8 : oid === NUMERIC ? keepString : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  pool.on('error', () => undefined); // an idle client's error surfaces on the next query
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    const reason = String((err as Error).message ?? err).replaceAll(config.url, label);
    throw new TradewindError('TW_ERR_DEPENDENCY_DOWN', [`postgres ${label}`, reason], { cause: err });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new SqlStore('postgres', db, label, async () => undefined);
}
