/**
 * Where the integration tests find real servers, and whether they may skip.
 * Under CI=true a test that needs a server runs and fails when it is unreachable: never a silent skip.
 * Without CI (a laptop with only Node and npm) such tests are skipped with a warning.
 */
import net from 'node:net';

export const isCI = process.env.CI === 'true' || process.env.CI === '1';

export const servers = {
  redisUrl: process.env.TW_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  /** Comma-separated host:port seeds of the test Redis Cluster. */
  redisClusterNodes: (process.env.TW_TEST_REDIS_CLUSTER ?? '127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103').split(','),
  postgresUrl: process.env.TW_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};

function reachable(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function hostPort(url: string, defaultPort: number): [string, number] {
  const u = new URL(url);
  return [u.hostname, Number(u.port || defaultPort)];
}

async function shouldRun(name: string, up: boolean): Promise<boolean> {
  if (up || isCI) return true;
  console.warn(`[tradewind tests] ${name} is unreachable: skipping its integration tests (they fail under CI=true).`);
  return false;
}

export const hasRedis = async () => shouldRun('Redis', await reachable(...hostPort(servers.redisUrl, 6379)));
export const hasPostgres = async () => shouldRun('PostgreSQL', await reachable(...hostPort(servers.postgresUrl, 5432)));
export const hasRedisCluster = async () => {
  const [h, p] = servers.redisClusterNodes[0]!.split(':');
  return shouldRun('Redis Cluster', await reachable(h!, Number(p)));
};
