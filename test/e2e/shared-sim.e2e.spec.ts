import { afterAll, describe, expect, it } from 'vitest';
import { runTradewind, tempDir, type Running } from '../support/tradewind-process.ts';

type Node = { name: string; status: string; info?: { futuresRest?: string }; dependencies?: Node[] };
const find = (n: Node, name: string): Node | undefined => (n.name === name ? n : (n.dependencies ?? []).map((d) => find(d, name)).find(Boolean));

describe('distributed processes share one simulator (sim.url / TW_SIM_URL)', () => {
  const procs: Running[] = [];
  afterAll(async () => { await Promise.all(procs.map((p) => p.stop('SIGKILL'))); });

  it('every process trades on the same running `tradewind sim`; an unreachable one stops start with exit 3', async () => {
    const sim = runTradewind(['sim', '--port', '0']);
    procs.push(sim);
    const line = (await sim.ready) as unknown as { futuresRest: string; control: string };
    const start = (target: string) => runTradewind(['start', '--port', '0', `--target=${target}`, '--data-dir', tempDir(`shared-${target}`)], { TW_SIM_URL: line.futuresRest });
    const a = start('connectors'), b = start('router');
    procs.push(a, b);
    for (const p of [a, b]) {
      const { url } = await p.ready;
      const health = (await (await fetch(`${url}/health`)).json()) as Node;
      const exchange = find(health, 'exchange:sim');
      expect(exchange?.status).toBe('up');
      expect(exchange?.info?.futuresRest).toBe(line.futuresRest);
    }
    const dead = runTradewind(['start', '--port', '0', '--target=router', '--data-dir', tempDir('shared-dead')], { TW_SIM_URL: 'http://127.0.0.1:9', TW_STARTUP_DEPENDENCY_TIMEOUT_MS: '500' });
    expect(await dead.exited).toBe(3);
    expect(dead.stderr()).toContain('simulator http://127.0.0.1:9');
    const bad = runTradewind(['start', '--port', '0'], { TW_SIM_URL: 'ftp://nope' });
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toContain('"sim.url"');
    for (const p of [a, b, sim]) expect(await p.stop()).toBe(0);
  });
});
