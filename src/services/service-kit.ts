/**
 * What every service shares: a health tree built from its real dependencies (store, bus, exchange,
 * upstream services). Services add their own work through `onStart`/`onStop` and their own checks.
 */
import { worstStatus, type HealthNode } from '../ports/health.ts';
import type { Service, ServiceDeps, ServiceName } from '../ports/service.ts';
import { upstreamOf } from '../ports/service.ts';

export interface ServiceSpec {
  name: ServiceName;
  /** SPEC id and one-line purpose, shown in /health. */
  purpose: string;
  usesExchange: boolean;
  /** SPEC §2 jobs and features this service will own, not built yet; listed in /health so nobody mistakes an empty service for a working one. */
  notYetImplemented: string[];
  onStart?: (deps: ServiceDeps) => Promise<void>;
  onStop?: (deps: ServiceDeps) => Promise<void>;
}

export function defineService(spec: ServiceSpec, deps: ServiceDeps): Service {
  let state: 'idle' | 'running' | 'stopped' = 'idle';
  return {
    name: spec.name,
    async start() {
      await spec.onStart?.(deps);
      state = 'running';
    },
    async stop() {
      if (state !== 'running') return;
      state = 'stopped';
      await spec.onStop?.(deps);
    },
    async health(): Promise<HealthNode> {
      const started = performance.now();
      const [store, bus, exchange, ...upstream] = await Promise.all([
        deps.store.health(),
        deps.bus.health(),
        spec.usesExchange ? deps.probeExchange() : Promise.resolve(null),
        ...upstreamOf[spec.name].map((u) => deps.probeService(u)),
      ]);
      const dependencies = [store, bus, ...(exchange ? [exchange] : []), ...upstream];
      // Without its store or bus a service cannot work; a missing exchange or upstream leaves it running, waiting.
      const hard = worstStatus([store.status, bus.status]);
      const soft = worstStatus([...(exchange ? [exchange.status] : []), ...upstream.map((u) => u.status)]);
      const status = state !== 'running' ? 'down' : hard === 'down' ? 'down' : hard === 'degraded' || soft !== 'up' ? 'degraded' : 'up';
      return {
        name: spec.name,
        status,
        latency_ms: Math.round((performance.now() - started) * 100) / 100,
        ...(state !== 'running' ? { detail: `service is ${state}` } : {}),
        info: { purpose: spec.purpose, not_yet_implemented: spec.notYetImplemented },
        dependencies,
      };
    },
  };
}
