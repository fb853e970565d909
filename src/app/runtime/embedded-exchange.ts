/** Starts the built-in Binance simulator for the `sim` exchange profile. */
import { TradewindError } from '../../core/errors.ts';
import { startSimulator, type SimulatorUrls } from '../../sim/index.ts';

export interface EmbeddedExchange { urls: SimulatorUrls; close(): Promise<void>; }

export async function startEmbeddedExchange(opts: { seed: number }): Promise<EmbeddedExchange> {
  const sim = await startSimulator({ port: 0, seed: opts.seed });
  return { urls: sim.urls, close: () => sim.close() };
}

/**
 * The URLs of a simulator running elsewhere (distributed mode: every process trades on the same
 * simulated exchange), read from its control API. Unreachable → TW_ERR_DEPENDENCY_DOWN (exit 3).
 */
export async function remoteSimulatorUrls(url: string, timeoutMs: number): Promise<SimulatorUrls> {
  const base = url.replace(/\/+$/, '');
  try {
    const res = await fetch(`${base}/sim/v1/urls`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`GET /sim/v1/urls answered HTTP ${res.status}`);
    const urls = (await res.json()) as Partial<SimulatorUrls>;
    for (const k of ['spotRest', 'futuresRest', 'spotWs', 'futuresWs'] as const) if (typeof urls[k] !== 'string') throw new Error(`GET /sim/v1/urls has no ${k}`);
    return urls as SimulatorUrls;
  } catch (err) {
    throw new TradewindError('TW_ERR_DEPENDENCY_DOWN', [`simulator ${base}`, (err as Error).message]);
  }
}
