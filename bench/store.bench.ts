/**
 * Store inserts: a batch of 100,000 decision-sized `signals` rows (features, gate, rule hits and
 * reasons as JSON, ~600 bytes each), inserted in one transaction in chunks of 1,000 rows per
 * INSERT, PGlite (embedded, in a fresh temporary data folder) vs PostgreSQL (a throwaway schema).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, type StoreConfig } from '../src/adapters/store/index.ts';
import type { Store } from '../src/ports/store.ts';
import { servers } from '../test/support/servers.ts';
import { fmt, report } from './support.ts';

const ROWS = 100_000;
const CHUNK = 1_000;

function signalRow(i: number) {
  return {
    id: `sig-${i}`, ts_ms: 1_767_225_600_000 + i * 60_000, symbol: i % 2 ? 'BTCUSDT' : 'ETHUSDT', market: 'FUT' as const,
    action: i % 5 === 0 ? ('enter' as const) : ('skip' as const), side: i % 5 === 0 ? ('BUY' as const) : null,
    features: JSON.stringify({ atr: 412.7 + (i % 97), rv: 0.4123, pct_rank: (i % 100) / 100, spread_bps: 0.8, depth_top1_usdt: 152_340.5, corr_btc: 0.93, funding: 0.0001 }),
    gate: JSON.stringify({ passed: i % 3 !== 0, checks: { liquidity: true, spread: true, funding: i % 3 !== 0 } }),
    rule_hits: JSON.stringify(['trend_up', 'vol_ok']),
    model_score: 0.61, model_version: 'm-2026-11-01', size_mult: '0.85', config_rev: 7, intent_id: null,
    reasons: JSON.stringify(i % 3 === 0 ? ['funding above cap'] : []), created_ms: 1_767_225_600_000 + i * 60_000,
  };
}

async function insertAll(store: Store): Promise<number> {
  const started = performance.now();
  await store.transaction(async (tx) => {
    for (let at = 0; at < ROWS; at += CHUNK) {
      await tx.insertInto('signals').values(Array.from({ length: CHUNK }, (_, k) => signalRow(at + k)) as never).execute();
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const { count } = await store.db.selectFrom('signals').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  if (Number(count) !== ROWS) throw new Error(`expected ${ROWS} rows, found ${count}`);
  return seconds;
}

async function run(label: string, config: StoreConfig, cleanup: () => Promise<void> | void): Promise<Record<string, string | number>> {
  const store = await createStore(config);
  try {
    await store.migrate();
    const seconds = await insertAll(store);
    return { store: label, rows: fmt(ROWS), seconds: seconds.toFixed(2), 'rows/s': fmt(ROWS / seconds) };
  } finally {
    await store.close();
    await cleanup();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tw-bench-pglite-'));
const schema = `bench_${process.pid}`;
const rows = [
  await run('PGlite (file-backed)', { kind: 'pglite', dataDir: dir }, () => rmSync(dir, { recursive: true, force: true })),
  await run('PostgreSQL (loopback)', { kind: 'postgres', url: servers.postgresUrl, schema }, async () => {
    const admin = await createStore({ kind: 'postgres', url: servers.postgresUrl });
    await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await admin.close();
  }),
];
const base = Number(String(rows[1]!['rows/s']).replaceAll(',', ''));
for (const r of rows) r['vs postgres'] = (Number(String(r['rows/s']).replaceAll(',', '')) / base).toFixed(2) + '×';
report('Store batch insert', `${fmt(ROWS)} decision-sized signals rows in one transaction, ${fmt(CHUNK)} rows per INSERT; one run each`, rows);
