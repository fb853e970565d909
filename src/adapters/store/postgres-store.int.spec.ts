import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../../../test/contracts/store.contract.ts';
import { hasPostgres, servers } from '../../../test/support/servers.ts';
import { createStore } from './index.ts';

const schema = `tw_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

describe.runIf(await hasPostgres())('PostgreSQL store', () => {
  afterAll(async () => {
    const c = new pg.Client({ connectionString: servers.postgresUrl });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });
  storeContract('postgres', async () => ({
    store: await createStore({ kind: 'postgres', url: servers.postgresUrl, schema }),
    reopen: () => createStore({ kind: 'postgres', url: servers.postgresUrl, schema }),
  }));
});

describe('PostgreSQL store start-up against an unreachable server', () => {
  it('fails fast with TW_ERR_DEPENDENCY_DOWN naming host:port and never the password', async () => {
    const started = Date.now();
    const err = await createStore({ kind: 'postgres', url: 'postgres://tw:s3cret@127.0.0.1:1/test' }, { connectTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TW_ERR_DEPENDENCY_DOWN' });
    expect((err as Error).message).toContain('127.0.0.1:1/test');
    expect((err as Error).message).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
