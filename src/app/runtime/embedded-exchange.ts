/** Starts the built-in Binance simulator for the `sim` exchange profile. */
import { startSimulator, type SimulatorUrls } from '../../sim/index.ts';

export interface EmbeddedExchange { urls: SimulatorUrls; close(): Promise<void>; }

export async function startEmbeddedExchange(opts: { seed: number }): Promise<EmbeddedExchange> {
  const sim = await startSimulator({ port: 0, seed: opts.seed });
  return { urls: sim.urls, close: () => sim.close() };
}
