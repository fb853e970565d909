/** One contract every Store adapter passes (PGlite and PostgreSQL). */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { specCollections } from '../../src/ports/store-schema.ts';

export interface StoreHarness { store: Store; /** Opens the same data again (for the close-and-reopen case). */ reopen: () => Promise<Store>; }

const now = 1_760_000_000_000;
const order = (id: string) => ({ client_order_id: id, symbol: 'BTCUSDT', market: 'FUT' as const, side: 'BUY' as const, type: 'LIMIT', qty: '0.001', price: '65000.10', status: 'NEW', created_ms: now, updated_ms: now });

export function storeContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let h: StoreHarness;
    beforeAll(async () => { h = await open(); await h.store.migrate(); });
    afterAll(async () => { await h?.store.close(); });

    it('migrates once: a second run applies nothing', async () => {
      expect((await h.store.migrate()).applied).toEqual([]);
    });

    it('has a table for every collection in SPEC\'s Data section', async () => {
      const res = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(h.store.db);
      const tables = new Set(res.rows.map((r) => r.table_name));
      for (const c of specCollections) expect(tables, c).toContain(c);
    });

    it('round-trips money exactly, epoch-ms as numbers and JSONB as objects', async () => {
      await h.store.db.insertInto('fills').values({
        id: 'f1', client_order_id: 'c1', symbol: 'BTCUSDT', market: 'FUT', side: 'BUY', price: '123456789.12345678', qty: '0.00000001',
        quote_qty: '1.23456789', fee: '0.000000000000000001', fee_asset: 'USDT', is_maker: true, realized_pnl: '-0.1', ts_ms: 1_760_000_000_123, raw: JSON.stringify({ t: 1, nested: { a: [1, 'x'] } }),
      }).execute();
      const row = await h.store.db.selectFrom('fills').selectAll().where('id', '=', 'f1').executeTakeFirstOrThrow();
      expect(row.price).toBe('123456789.12345678');
      expect(row.qty).toBe('0.00000001');
      expect(row.fee).toBe('0.000000000000000001');
      expect(row.ts_ms).toBe(1_760_000_000_123);
      expect(typeof row.ts_ms).toBe('number');
      expect(row.raw).toEqual({ t: 1, nested: { a: [1, 'x'] } });
      expect(row.is_maker).toBe(true);
      const sum = await sql<{ s: string }>`SELECT (0.1::numeric + 0.2::numeric)::text AS s`.execute(h.store.db);
      expect(sum.rows[0]!.s).toBe('0.3');
    });

    it('commits a transaction and rolls one back when it throws', async () => {
      await h.store.transaction(async (tx) => { await tx.insertInto('orders').values(order('tx-ok')).execute(); });
      await expect(h.store.transaction(async (tx) => {
        await tx.insertInto('orders').values(order('tx-rolled-back')).execute();
        throw new Error('boom');
      })).rejects.toThrow('boom');
      const ids = (await h.store.db.selectFrom('orders').select('client_order_id').where('client_order_id', 'in', ['tx-ok', 'tx-rolled-back']).execute()).map((r) => r.client_order_id);
      expect(ids).toEqual(['tx-ok']);
    });

    it('rejects a second order with the same client order id', async () => {
      await h.store.db.insertInto('orders').values(order('dup-1')).execute();
      await expect(h.store.db.insertInto('orders').values(order('dup-1')).execute()).rejects.toThrow(/duplicate key|unique/i);
    });

    it('allows one open transaction per market, symbol and side', async () => {
      const pos = (id: string) => ({ transaction_id: id, symbol: 'ETHUSDT', market: 'FUT' as const, side: 'LONG' as const, state: 'ACTIVE' as const, opened_ms: now, updated_ms: now });
      await h.store.db.insertInto('positions').values(pos('tx-a')).execute();
      await expect(h.store.db.insertInto('positions').values(pos('tx-b')).execute()).rejects.toThrow(/duplicate key|unique/i);
      await h.store.db.updateTable('positions').set({ state: 'CLOSED' }).where('transaction_id', '=', 'tx-a').execute();
      await h.store.db.insertInto('positions').values(pos('tx-b')).execute();
    });

    it('optimistic concurrency: of two racing writers exactly one wins, the other gets TW_ERR_CONFLICT', async () => {
      await h.store.db.insertInto('orders').values(order('race-1')).execute();
      const results = await Promise.allSettled([
        h.store.updateVersioned('orders', { client_order_id: 'race-1' }, 1, { status: 'FILLED' }),
        h.store.updateVersioned('orders', { client_order_id: 'race-1' }, 1, { status: 'CANCELED' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: 'TW_ERR_CONFLICT' });
      const row = await h.store.db.selectFrom('orders').select(['status', 'version']).where('client_order_id', '=', 'race-1').executeTakeFirstOrThrow();
      expect(row.version).toBe(2);
      await expect(h.store.updateVersioned('orders', { client_order_id: 'race-1' }, 1, { status: 'NEW' })).rejects.toMatchObject({ code: 'TW_ERR_CONFLICT' });
    });

    it('runs concurrent transactions without interleaving them', async () => {
      await h.store.db.insertInto('config_active').values({ scope: 'counter', rev: 0, updated_ms: now }).execute();
      const bump = () => h.store.transaction(async (tx) => {
        const row = await tx.selectFrom('config_active').select('rev').where('scope', '=', 'counter').forUpdate().executeTakeFirstOrThrow();
        await tx.updateTable('config_active').set({ rev: row.rev + 1 }).where('scope', '=', 'counter').execute();
      });
      await Promise.all(Array.from({ length: 20 }, bump));
      const row = await h.store.db.selectFrom('config_active').select('rev').where('scope', '=', 'counter').executeTakeFirstOrThrow();
      expect(row.rev).toBe(20);
    });

    it('keeps its data across close and reopen', async () => {
      await h.store.db.insertInto('strategy_events').values({ id: 'persist-1', ts_ms: now, type: 'test', symbol: null, payload: JSON.stringify({ ok: true }) }).execute();
      await h.store.close();
      h.store = await h.reopen();
      expect((await h.store.migrate()).applied).toEqual([]);
      const row = await h.store.db.selectFrom('strategy_events').selectAll().where('id', '=', 'persist-1').executeTakeFirstOrThrow();
      expect(row.payload).toEqual({ ok: true });
    });

    it('reports health with latency', async () => {
      const health = await h.store.health();
      expect(health.status).toBe('up');
      expect(health.latency_ms).toBeGreaterThanOrEqual(0);
    });
  });
}
