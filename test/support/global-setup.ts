/** Starts the loopback Redis Cluster for the cluster tests when it is not up and redis-server is installed. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup(): void {
  if (process.env.TW_TEST_REDIS_CLUSTER) return; // provided from outside
  const script = new URL('../../scripts/redis-cluster.sh', import.meta.url).pathname;
  try {
    execFileSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' });
  } catch {
    return; // no redis-server here: cluster tests skip locally, fail under CI
  }
  if (existsSync(script)) {
    try { execFileSync('bash', [script, 'start'], { stdio: 'inherit' }); } catch (e) { console.warn('[tradewind tests] could not start the Redis Cluster:', (e as Error).message); }
  }
}
