/**
 * Bus throughput end to end (publish → consume → ack), 1 KB messages, one run:
 * in-process vs Redis (pipelined) vs Redis Cluster. Targets: in-process ≥ 1,000,000/s; Redis ≥ 50,000/s.
 */
import { createEnvelope, type Envelope } from '../src/core/envelope.ts';
import { createBus, type BusConfig } from '../src/adapters/bus/index.ts';
import { servers } from '../test/support/servers.ts';
import { fmt, report } from './support.ts';

const PAYLOAD = 'x'.repeat(1024 - 200); // with the envelope's fields a message is ~1 KB of JSON
const BATCH = 1_000;
const WINDOW = 50_000;

async function run(label: string, config: BusConfig, total: number, streams: string[]): Promise<Record<string, string | number>> {
  const bus = await createBus({ ...config, maxLen: 100_000 }); // the default bounded retention
  const group = `bench-${Date.now()}`;
  for (const s of streams) await bus.ensureGroup(s, group, '$');
  const envs: Envelope[][] = streams.map((stream) => Array.from({ length: BATCH }, (_, i) => createEnvelope({ id: `${stream}-${i}`, type: 'bench', stream, key: 'K', ts_init: 0, source: 'bench', data: { i, p: PAYLOAD } })));
  const started = performance.now();
  const perStream = Math.ceil(total / streams.length);
  // Retention is bounded, so a producer far ahead of its consumer would see its backlog trimmed
  // unread (as Redis MAXLEN does); keep each producer within WINDOW messages of its consumer.
  const consumedBy = streams.map(() => 0);
  const producers = streams.map(async (_, si) => {
    for (let sent = 0; sent < perStream; sent += BATCH) {
      while (sent - consumedBy[si]! > WINDOW) await new Promise((r) => setImmediate(r));
      await bus.publishMany(envs[si]!);
    }
  });
  let consumed = 0;
  const consumers = streams.map(async (s, si) => {
    let mine = 0;
    while (mine < perStream) {
      const got = await bus.read(s, group, 'c', { count: BATCH, blockMs: 200 });
      if (got.length === 0) continue;
      await bus.ack(s, group, got.map((d) => d.id));
      mine += got.length;
      consumed += got.length;
      consumedBy[si] = mine;
    }
  });
  await Promise.all([...producers, ...consumers]);
  const seconds = (performance.now() - started) / 1000;
  await bus.close();
  return { bus: label, messages: fmt(consumed), seconds: seconds.toFixed(2), 'msgs/s': fmt(consumed / seconds) };
}

const rows = [
  await run('in-process', { kind: 'memory' }, 1_000_000, ['bench:{A}']),
  await run('redis (1 node, pipelined)', { kind: 'redis', url: servers.redisUrl }, 200_000, ['bench:{A}', 'bench:{B}', 'bench:{C}', 'bench:{D}']),
  await run('redis cluster (3 masters, pipelined)', { kind: 'redis-cluster', nodes: servers.redisClusterNodes }, 200_000, ['bench:{A}', 'bench:{B}', 'bench:{C}', 'bench:{D}', 'bench:{E}', 'bench:{F}']),
];
const base = Number(String(rows[1]!['msgs/s']).replaceAll(',', ''));
for (const r of rows) r['vs redis'] = (Number(String(r['msgs/s']).replaceAll(',', '')) / base).toFixed(2) + '×';
report('Bus end-to-end throughput', 'publishMany in batches of 1,000 while consumers read 1,000 at a time and ack; ~1 KB JSON envelopes; one run each; streams with distinct hash tags', rows);
