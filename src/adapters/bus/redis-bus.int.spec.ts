import { describe, expect, it } from 'vitest';
import { busContract } from '../../../test/contracts/bus.contract.ts';
import { hasRedis, servers } from '../../../test/support/servers.ts';
import { createBus } from './index.ts';

describe.runIf(await hasRedis())('Redis Streams bus (single node)', () => {
  busContract('redis', (opts) => createBus({ kind: 'redis', url: servers.redisUrl, ...opts }));
});

describe('Redis bus start-up against an unreachable server', () => {
  it('fails fast with TW_ERR_DEPENDENCY_DOWN naming host:port, never a hang', async () => {
    const started = Date.now();
    await expect(createBus({ kind: 'redis', url: 'redis://:s3cret@127.0.0.1:1' }, { connectTimeoutMs: 500 }))
      .rejects.toMatchObject({ code: 'TW_ERR_DEPENDENCY_DOWN', message: expect.stringContaining('127.0.0.1:1') });
    expect(Date.now() - started).toBeLessThan(5_000);
    await createBus({ kind: 'redis', url: 'redis://:s3cret@127.0.0.1:1' }, { connectTimeoutMs: 500 }).catch((e: Error) => {
      expect(e.message).not.toContain('s3cret');
    });
  });
});
