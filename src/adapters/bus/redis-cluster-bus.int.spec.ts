import { Cluster } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { busContract } from '../../../test/contracts/bus.contract.ts';
import { keys, streams } from '../../core/streams.ts';
import { hasRedisCluster, servers } from '../../../test/support/servers.ts';
import { createBus } from './index.ts';

describe.runIf(await hasRedisCluster())('Redis Streams bus (Cluster)', () => {
  busContract('redis-cluster', (opts) => createBus({ kind: 'redis-cluster', nodes: servers.redisClusterNodes, ...opts }));

  it("keeps one symbol's streams and keys in one slot, and spreads symbols over masters", async () => {
    const [host, port] = servers.redisClusterNodes[0]!.split(':');
    const c = new Cluster([{ host: host!, port: Number(port) }], { lazyConnect: true });
    await c.connect();
    try {
      const slot = async (k: string) => Number(await c.call('CLUSTER', 'KEYSLOT', k));
      const btc = [streams.tick('BTCUSDT'), streams.depth('BTCUSDT'), streams.kline('BTCUSDT', '1m'), streams.orders('BTCUSDT'), keys.featLast('BTCUSDT')];
      const slots = new Set(await Promise.all(btc.map(slot)));
      expect(slots.size).toBe(1);
      const symbols = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BNBUSDT', 'XRPUSDT', 'DOGEUSDT', 'ADAUSDT', 'LTCUSDT'];
      const distinct = new Set(await Promise.all(symbols.map((s) => slot(streams.tick(s)))));
      expect(distinct.size).toBeGreaterThan(1);
    } finally {
      c.disconnect();
    }
  });
});
