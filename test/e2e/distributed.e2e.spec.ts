import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, hasRedis, hasRedisCluster, servers } from '../support/servers.ts';
import { runTradewind, type Running } from '../support/tradewind-process.ts';

type Health = { status: string; dependencies: { name: string; status: string; dependencies: { name: string; status: string }[] }[] };
const getHealth = async (url: string) => (await (await fetch(`${url}/health`)).json()) as Health;
const upstream = (h: Health, svc: string, dep: string) => h.dependencies.find((d) => d.name === svc)!.dependencies.find((d) => d.name === dep)!;

describe.runIf((await hasPostgres()) && (await hasRedis()) && (await hasRedisCluster()))('distributed: one process per service on PostgreSQL + Redis', () => {
  const db = `tw_e2e_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const storeUrl = servers.postgresUrl.replace(/\/[^/]*$/, `/${db}`);
  const procs: Running[] = [];
  const admin = () => { const c = new pg.Client({ connectionString: servers.postgresUrl }); return c.connect().then(() => c); };

  beforeAll(async () => { const c = await admin(); await c.query(`CREATE DATABASE ${db}`); await c.end(); });
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop('SIGKILL')));
    const c = await admin(); await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`); await c.end();
  });

  it('a service sees its upstream alive in another process, and down once that process stops', async () => {
    const env = { TW_STORE_URL: storeUrl, TW_BUS_URL: servers.redisUrl };
    const connectors = runTradewind(['start', '--port', '0', '--target=connectors'], env);
    procs.push(connectors);
    await connectors.ready;
    const features = runTradewind(['start', '--port', '0', '--target=features'], env);
    procs.push(features);
    const { url } = await features.ready;
    let h = await getHealth(url);
    expect(h.status).toBe('up');
    expect(h.dependencies.map((d) => d.name)).toEqual(['features']);
    expect(upstream(h, 'features', 'store:postgres').status).toBe('up');
    expect(upstream(h, 'features', 'bus:redis').status).toBe('up');
    expect(upstream(h, 'features', 'service:connectors').status).toBe('up');
    expect(await connectors.stop()).toBe(0);
    h = await getHealth(url);
    expect(upstream(h, 'features', 'service:connectors').status).toBe('down');
    expect(h.status).toBe('degraded');
    expect(await features.stop()).toBe(0);
  });

  it('runs on a Redis Cluster bus', async () => {
    const p = runTradewind(['start', '--port', '0', '--target=router,reconciler'], { TW_STORE_URL: storeUrl, TW_BUS_URL: `redis-cluster://${servers.redisClusterNodes.join(',')}` });
    procs.push(p);
    const { url } = await p.ready;
    const h = await getHealth(url);
    expect(upstream(h, 'router', 'bus:redis-cluster').status).toBe('up');
    expect(await p.stop()).toBe(0);
  });
});
