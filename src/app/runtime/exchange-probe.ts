/** Checks that the exchange's REST API answers (GET /fapi/v1/ping), cached briefly so /health stays cheap. */
import type { HealthNode } from '../../ports/health.ts';
import type { ExchangeEndpoints } from '../../ports/service.ts';

const CACHE_MS = 2_000;
const TIMEOUT_MS = 2_000;

export function exchangeProbe(endpoints: ExchangeEndpoints): () => Promise<HealthNode> {
  let cached: { at: number; node: HealthNode } | null = null;
  let inFlight: Promise<HealthNode> | null = null;
  const check = async (): Promise<HealthNode> => {
    const started = performance.now();
    const name = `exchange:${endpoints.profile}`;
    const url = `${endpoints.futuresRest}/fapi/v1/ping`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      await res.arrayBuffer();
      const latency_ms = Math.round((performance.now() - started) * 100) / 100;
      return res.ok
        ? { name, status: 'up', latency_ms, info: { futuresRest: endpoints.futuresRest } }
        : { name, status: 'down', latency_ms, detail: `GET /fapi/v1/ping answered HTTP ${res.status}`, info: { futuresRest: endpoints.futuresRest } };
    } catch (err) {
      return { name, status: 'down', latency_ms: Math.round(performance.now() - started), detail: `GET /fapi/v1/ping failed: ${(err as Error).message}`, info: { futuresRest: endpoints.futuresRest } };
    }
  };
  return async () => {
    const now = Date.now();
    if (cached && now - cached.at < CACHE_MS) return cached.node;
    inFlight ??= check().then((node) => { cached = { at: Date.now(), node }; inFlight = null; return node; });
    return inFlight;
  };
}
