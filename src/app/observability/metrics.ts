/** The process's Prometheus registry: default process metrics, service lifecycle states, HTTP traffic. */
import client from 'prom-client';

export interface Metrics {
  registry: client.Registry;
  serviceState: client.Gauge<'service' | 'state'>;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpDuration: client.Histogram<'method' | 'route'>;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'tw_' });
  return {
    registry,
    serviceState: new client.Gauge({ name: 'tw_service_state', help: 'Lifecycle state of each service (1 = current state)', labelNames: ['service', 'state'], registers: [registry] }),
    httpRequests: new client.Counter({ name: 'tw_http_requests_total', help: 'HTTP requests served', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    httpDuration: new client.Histogram({ name: 'tw_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'], buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [registry] }),
  };
}
