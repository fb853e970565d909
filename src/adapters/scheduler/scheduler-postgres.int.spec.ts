import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { schedulerContract } from '../../../test/contracts/scheduler.contract.ts';
import { hasPostgres, servers } from '../../../test/support/servers.ts';
import { createStore } from '../store/index.ts';

describe.runIf(await hasPostgres())('scheduler on PostgreSQL', () => {
  schedulerContract('postgres (two replicas, two connection pools)', async () => {
    const schema = `tw_sched_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const a = await createStore({ kind: 'postgres', url: servers.postgresUrl, schema });
    const b = await createStore({ kind: 'postgres', url: servers.postgresUrl, schema });
    return {
      stores: [a, b],
      close: async () => {
        await a.close(); await b.close();
        const c = new pg.Client({ connectionString: servers.postgresUrl });
        await c.connect(); await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); await c.end();
      },
    };
  });
});
