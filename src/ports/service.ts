/**
 * A service: an object with start/stop/health that gets its ports injected.
 * @see ../shared/SPEC.md §0 (the twelve services and their data flow).
 */
import type { Bus } from './bus.ts';
import type { Clock } from './clock.ts';
import type { HealthNode } from './health.ts';
import type { Logger } from './logger.ts';
import type { Scheduler } from './scheduler.ts';
import type { Store } from './store.ts';

export const serviceNames = [
  'connectors', 'features', 'strategy', 'router', 'reconciler', 'positions',
  'labels', 'autopsy', 'research', 'config', 'metrics', 'gateway',
] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Where a service's upstream neighbours are, per SPEC §0's flow (S1 → S2 → S3 → S4 → S6; S4/S6 → S7 → S8 → S9 → S10). */
export const upstreamOf: Record<ServiceName, ServiceName[]> = {
  connectors: [],
  features: ['connectors'],
  strategy: ['features', 'config'],
  router: ['strategy', 'connectors'],
  reconciler: ['connectors'],
  positions: ['router', 'connectors'],
  labels: ['router', 'positions'],
  autopsy: ['labels'],
  research: ['autopsy'],
  config: [],
  metrics: [],
  gateway: [],
};

/** Binance base URLs of the selected exchange profile (sim, testnet or live). */
export interface ExchangeEndpoints {
  profile: 'sim' | 'testnet' | 'live';
  futuresRest: string;
  spotRest: string;
  futuresWs: string;
  spotWs: string;
}

/** Probes one dependency and returns its health node (e.g. exchange reachability, an upstream service's liveness). */
export type Probe = () => Promise<HealthNode>;

export interface ServiceDeps {
  store: Store;
  bus: Bus;
  clock: Clock;
  scheduler: Scheduler;
  log: Logger;
  exchange: ExchangeEndpoints;
  /** Reachability of the exchange's REST API (shared, cached). */
  probeExchange: Probe;
  /** Liveness of another service, wherever it runs (heartbeats in the store). */
  probeService: (name: ServiceName) => Promise<HealthNode>;
}

export interface Service {
  readonly name: ServiceName;
  start(): Promise<void>;
  /** Stops taking new work, finishes what is in flight and flushes. */
  stop(): Promise<void>;
  health(): Promise<HealthNode>;
}

export type ServiceFactory = (deps: ServiceDeps) => Service;
