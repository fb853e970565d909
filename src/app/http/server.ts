/**
 * The process's HTTP server: aggregate and per-service /health, Prometheus /metrics, and a trace id
 * on every request (`x-trace-id` in, echoed out, on every log line of that request).
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { HealthNode } from '../../ports/health.ts';
import type { Logger } from '../../ports/logger.ts';
import type { Metrics } from '../observability/metrics.ts';

export interface HealthSource {
  all(): Promise<HealthNode>;
  one(name: string): Promise<HealthNode | null>;
  /** False once shutdown began: new work is refused with 503. */
  accepting(): boolean;
}

const TRACE_RE = /^[\w.:-]{1,128}$/;

export function createHttpServer(health: HealthSource, metrics: Metrics, log: Logger): FastifyInstance {
  const app = Fastify({ logger: false, genReqId: () => randomUUID(), return503OnClosing: true, forceCloseConnections: false });

  app.addHook('onRequest', async (req, reply) => {
    const incoming = req.headers['x-trace-id'];
    const trace = typeof incoming === 'string' && TRACE_RE.test(incoming) ? incoming : req.id;
    (req as { traceId?: string }).traceId = trace;
    reply.header('x-trace-id', trace);
    (req as { startedAt?: number }).startedAt = performance.now();
    if (!health.accepting()) {
      // While draining, every response closes its connection, so no client reuses a socket we are about to close.
      reply.header('connection', 'close');
      if (!req.url.startsWith('/health')) reply.code(503).send({ code: 'TW_ERR_SHUTTING_DOWN', message: 'the process is shutting down' });
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const seconds = (performance.now() - ((req as { startedAt?: number }).startedAt ?? performance.now())) / 1000;
    metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: req.method, route }, seconds);
    log.debug({ trace_id: (req as { traceId?: string }).traceId, method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(seconds * 1000) }, 'http');
  });
  app.setErrorHandler((error, req, reply) => {
    const err = error as Error & { statusCode?: number };
    const status = err.statusCode ?? 500;
    if (status >= 500) log.error({ trace_id: (req as { traceId?: string }).traceId, err: err.message }, 'request failed');
    reply.code(status).send({ code: status >= 500 ? 'TW_ERR_INTERNAL' : 'TW_ERR_VALIDATION', message: status >= 500 ? 'internal error' : err.message });
  });

  app.get('/health', async (_req, reply) => {
    const node = await health.all();
    reply.code(node.status === 'down' ? 503 : 200).send(node);
  });
  app.get<{ Params: { service: string } }>('/health/:service', async (req, reply) => {
    const node = await health.one(req.params.service);
    if (!node) return reply.code(404).send({ code: 'TW_ERR_NOT_FOUND', message: `service "${req.params.service}" is not running in this process`, field: 'service' });
    reply.code(node.status === 'down' ? 503 : 200).send(node);
  });
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return app;
}
