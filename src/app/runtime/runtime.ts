/**
 * The composition root: builds the ports the config asks for, starts the selected services in
 * SPEC order, serves HTTP, and shuts everything down in reverse. Plain constructors, one close per
 * owned resource (STYLE practice 14).
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { TradewindError } from '../../core/errors.ts';
import type { Bus } from '../../ports/bus.ts';
import { worstStatus, type HealthNode } from '../../ports/health.ts';
import type { Logger } from '../../ports/logger.ts';
import { serviceNames, type ExchangeEndpoints, type Service, type ServiceDeps, type ServiceName } from '../../ports/service.ts';
import type { Store } from '../../ports/store.ts';
import { createBus, type BusConfig } from '../../adapters/bus/index.ts';
import { systemClock } from '../../adapters/clock/system-clock.ts';
import { StoreScheduler } from '../../adapters/scheduler/store-scheduler.ts';
import { createStore, type StoreConfig } from '../../adapters/store/index.ts';
import type { LoadedConfig } from '../config/load.ts';
import { createHttpServer } from '../http/server.ts';
import { createMetrics } from '../observability/metrics.ts';
import { serviceFactories } from '../service-registry.ts';
import { exchangeProbe } from './exchange-probe.ts';
import { Heartbeats } from './heartbeats.ts';
import { Lifecycle } from './lifecycle.ts';
import { remoteSimulatorUrls, startEmbeddedExchange, type EmbeddedExchange } from './embedded-exchange.ts';

const DRAIN_MS = 250;

export interface RuntimeOptions { targets: ServiceName[]; loaded: LoadedConfig; log: Logger; }

export function parseTargets(raw: string | undefined): ServiceName[] {
  if (!raw || raw === 'all') return [...serviceNames];
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(serviceNames as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new TradewindError('TW_ERR_CONFIG_INVALID', ['--target', JSON.stringify(raw), `"all" or a comma-separated list of ${serviceNames.join(', ')}`], { field: 'target' });
  }
  return serviceNames.filter((n) => names.includes(n)); // SPEC order, no duplicates
}

export function busConfigOf(url: string, maxLen: number): BusConfig {
  if (url === 'memory') return { kind: 'memory', maxLen };
  if (url.startsWith('redis-cluster://')) return { kind: 'redis-cluster', nodes: url.slice('redis-cluster://'.length).split(','), maxLen };
  return { kind: 'redis', url, maxLen };
}

export class Runtime {
  private store: Store | null = null;
  private bus: Bus | null = null;
  private scheduler: StoreScheduler | null = null;
  private exchange: EmbeddedExchange | null = null;
  private http: FastifyInstance | null = null;
  private heartbeats: Heartbeats | null = null;
  private readonly services: { service: Service; lifecycle: Lifecycle }[] = [];
  private readonly metrics = createMetrics();
  private accepting = true;
  url = '';

  constructor(private readonly opts: RuntimeOptions) {}

  /** Starts everything; resolves once every selected service is healthy (not down). */
  async start(): Promise<{ url: string; services: ServiceName[] }> {
    const { config } = this.opts.loaded;
    const log = this.opts.log;
    const timeout = config.startup.dependencyTimeoutMs;
    const storeConfig: StoreConfig = config.store.url ? { kind: 'postgres', url: config.store.url } : { kind: 'pglite', dataDir: resolve(config.dataDir) };
    // Store and bus connect in parallel: start-up is faster and an unreachable one is reported at once.
    const [store, bus] = await Promise.allSettled([
      createStore(storeConfig, { connectTimeoutMs: timeout }).then(async (s) => { await s.migrate(); return s; }),
      createBus(busConfigOf(config.bus.url, config.bus.maxLen), { clock: systemClock, connectTimeoutMs: timeout, onError: (err) => log.warn({ err: (err as Error).message }, 'bus connection error') }),
    ]);
    if (store.status === 'fulfilled') this.store = store.value;
    if (bus.status === 'fulfilled') this.bus = bus.value;
    if (store.status === 'rejected') throw store.reason;
    if (bus.status === 'rejected') throw bus.reason;

    const endpoints = await this.exchangeEndpoints();
    const instance = `${hostname()}:${process.pid}`;
    this.scheduler = new StoreScheduler({ store: this.store!, clock: systemClock, owner: instance, onJobError: (job, err) => log.error({ job, err: (err as Error).message }, 'job failed') });

    this.http = createHttpServer({ all: () => this.health(), one: (n) => this.serviceHealth(n), accepting: () => this.accepting }, this.metrics, log);
    await this.http.listen({ host: config.http.host, port: config.http.port });
    const address = this.http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    this.url = `http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}`;
    this.heartbeats = new Heartbeats(this.store!, systemClock, instance, this.url);

    const deps: ServiceDeps = {
      store: this.store!, bus: this.bus!, clock: systemClock, scheduler: this.scheduler, exchange: endpoints,
      log, probeExchange: exchangeProbe(endpoints), probeService: (name) => this.heartbeats!.probe(name),
    };
    for (const name of this.opts.targets) {
      const service = serviceFactories[name]({ ...deps, log: log.child({ service: name }) });
      const lifecycle = new Lifecycle(name, this.metrics.serviceState);
      this.services.push({ service, lifecycle });
      lifecycle.to('starting');
      try {
        await service.start();
        lifecycle.to('running');
      } catch (err) {
        lifecycle.to('failed');
        throw new TradewindError('TW_ERR_INTERNAL', [`service ${name} failed to start: ${(err as Error).message}`], { cause: err });
      }
    }
    await this.heartbeats.start(() => this.running(), (err) => log.warn({ err: (err as Error).message }, 'heartbeat failed'));
    await this.scheduler.start();
    return { url: this.url, services: this.opts.targets };
  }

  /** Stops taking work, stops services in reverse order (each finishes what is in flight), then closes ports. */
  async stop(): Promise<void> {
    this.accepting = false;
    const log = this.opts.log;
    // A short drain: requests already on the wire are answered (with `connection: close`) before the listener closes.
    await new Promise((r) => setTimeout(r, DRAIN_MS));
    await this.scheduler?.stop().catch((err) => log.error({ err: (err as Error).message }, 'scheduler stop failed'));
    for (const { service, lifecycle } of [...this.services].reverse()) {
      if (lifecycle.state !== 'running' && lifecycle.state !== 'failed') continue;
      lifecycle.to('stopping');
      try { await service.stop(); lifecycle.to('stopped'); } catch (err) { lifecycle.to('failed'); log.error({ service: service.name, err: (err as Error).message }, 'service stop failed'); }
    }
    await this.heartbeats?.stop(this.services.map((s) => s.service.name)).catch(() => undefined);
    await this.http?.close(); // waits for in-flight requests
    await this.exchange?.close();
    await this.bus?.close();
    await this.store?.close();
  }

  async health(): Promise<HealthNode> {
    const started = performance.now();
    const nodes = await Promise.all(this.services.map(({ service, lifecycle }) => this.guardedHealth(service, lifecycle)));
    const node: HealthNode = {
      name: 'tradewind', status: nodes.length ? worstStatus(nodes.map((n) => n.status)) : 'down',
      latency_ms: Math.round((performance.now() - started) * 100) / 100,
      info: { url: this.url, services: this.services.map((s) => s.service.name), scheduler: await this.scheduler?.health() },
      dependencies: nodes,
    };
    return node;
  }

  private running(): ServiceName[] {
    return this.services.filter((s) => s.lifecycle.state === 'running').map((s) => s.service.name);
  }

  private async serviceHealth(name: string): Promise<HealthNode | null> {
    const s = this.services.find((x) => x.service.name === name);
    return s ? this.guardedHealth(s.service, s.lifecycle) : null;
  }

  private async guardedHealth(service: Service, lifecycle: Lifecycle): Promise<HealthNode> {
    try {
      const node = await service.health();
      return { ...node, info: { ...node.info, lifecycle: lifecycle.state } };
    } catch (err) {
      return { name: service.name, status: 'down', latency_ms: 0, detail: `health check failed: ${(err as Error).message}`, info: { lifecycle: lifecycle.state } };
    }
  }

  private async exchangeEndpoints(): Promise<ExchangeEndpoints> {
    const { config } = this.opts.loaded;
    if (config.exchange.profile === 'sim' && config.sim.url !== null) {
      return { profile: 'sim', ...(await remoteSimulatorUrls(config.sim.url, config.startup.dependencyTimeoutMs)) };
    }
    if (config.exchange.profile === 'sim') {
      this.exchange = await startEmbeddedExchange({ seed: config.sim.seed });
      return { profile: 'sim', ...this.exchange.urls };
    }
    return { profile: config.exchange.profile, ...config.exchange[config.exchange.profile] };
  }
}
