/**
 * Service liveness through the store: each running service instance refreshes its row every few
 * seconds; any process can then tell whether a service is alive, wherever it runs.
 */
import type { Clock } from '../../ports/clock.ts';
import type { HealthNode } from '../../ports/health.ts';
import type { ServiceName } from '../../ports/service.ts';
import type { Store } from '../../ports/store.ts';

export const HEARTBEAT_EVERY_MS = 5_000;
const STALE_AFTER_MS = 3 * HEARTBEAT_EVERY_MS;

export class Heartbeats {
  private timer: (() => void) | null = null;
  private readonly started = new Map<ServiceName, number>();

  constructor(private readonly store: Store, private readonly clock: Clock, private readonly instance: string, private readonly url: string) {}

  async beat(services: ServiceName[]): Promise<void> {
    const now = this.clock.now();
    for (const s of services) if (!this.started.has(s)) this.started.set(s, now);
    if (services.length === 0) return;
    await this.store.db.insertInto('service_instances')
      .values(services.map((service) => ({ service, instance: this.instance, url: this.url, started_ms: this.started.get(service)!, heartbeat_ms: now, stopped_ms: null })))
      .onConflict((oc) => oc.columns(['service', 'instance']).doUpdateSet((eb) => ({ heartbeat_ms: eb.ref('excluded.heartbeat_ms'), url: eb.ref('excluded.url'), stopped_ms: null })))
      .execute();
  }

  /** Beats now and then every HEARTBEAT_EVERY_MS until `stop`. */
  async start(services: () => ServiceName[], onError: (err: unknown) => void): Promise<void> {
    await this.beat(services());
    const loop = () => {
      this.timer = this.clock.setTimer(HEARTBEAT_EVERY_MS, () => { this.beat(services()).catch(onError).finally(() => { if (this.timer) loop(); }); });
    };
    loop();
  }

  async stop(services: ServiceName[]): Promise<void> {
    this.timer?.();
    this.timer = null;
    if (services.length === 0) return;
    await this.store.db.updateTable('service_instances').set({ stopped_ms: this.clock.now() })
      .where('instance', '=', this.instance).where('service', 'in', services).execute();
  }

  async probe(service: ServiceName): Promise<HealthNode> {
    const started = performance.now();
    const name = `service:${service}`;
    try {
      const now = this.clock.now();
      const rows = await this.store.db.selectFrom('service_instances').select(['instance', 'heartbeat_ms', 'stopped_ms'])
        .where('service', '=', service).where('heartbeat_ms', '>', now - STALE_AFTER_MS).where('stopped_ms', 'is', null).execute();
      const latency_ms = Math.round((performance.now() - started) * 100) / 100;
      if (rows.length === 0) return { name, status: 'down', latency_ms, detail: `no live instance of ${service} (no heartbeat in ${STALE_AFTER_MS / 1000} s)` };
      return { name, status: 'up', latency_ms, info: { instances: rows.length, last_heartbeat_ms: Math.max(...rows.map((r) => r.heartbeat_ms)) } };
    } catch (err) {
      return { name, status: 'down', latency_ms: Math.round(performance.now() - started), detail: (err as Error).message };
    }
  }
}
