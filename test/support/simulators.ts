/** Simulators for a test file: started with the file's defaults, closed after each test, with signed REST callers. */
import { afterEach } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/sim/index.ts';
import { signedCaller } from './binance-rest.ts';

export function simulators(defaults: SimulatorOptions) {
  let open: Simulator[] = [];
  afterEach(async () => { await Promise.all(open.map((s) => s.close())); open = []; });
  return async (opts: SimulatorOptions = {}) => {
    const sim = await startSimulator({ ...defaults, ...opts });
    open.push(sim);
    return { sim, call: signedCaller(sim.urls.futuresRest, sim.apiKey, sim.apiSecret), spotCall: signedCaller(sim.urls.spotRest, sim.apiKey, sim.apiSecret) };
  };
}
