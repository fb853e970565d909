import { afterAll, describe, expect, it } from 'vitest';
import { serviceNames } from '../../src/ports/service.ts';
import { runTradewind, tempDir, type Running } from '../support/tradewind-process.ts';

const started: Running[] = [];
afterAll(async () => { await Promise.all(started.map((r) => r.stop('SIGKILL'))); });
const start = (args: string[], env: Record<string, string> = {}) => { const r = runTradewind(args, env); started.push(r); return r; };

describe('tradewind start (embedded defaults)', () => {
  it('prints one JSON line, then /health shows all twelve services with their dependency trees', async () => {
    const secret = 'SECRET-value-that-must-not-leak-42';
    const r = start(['start', '--port', '0', '--data-dir', tempDir('e2e')], { TW_BINANCE_API_KEY: 'KEY-value-that-must-not-leak-42', TW_BINANCE_API_SECRET: secret, TW_LOG_LEVEL: 'debug' });
    const { url, services } = await r.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(services).toEqual([...serviceNames]);
    const res = await fetch(`${url}/health`, { headers: { 'x-trace-id': 'trace-e2e-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-trace-id')).toBe('trace-e2e-1');
    const health = await res.json() as { status: string; dependencies: { name: string; status: string; dependencies: { name: string; status: string; latency_ms: number }[] }[] };
    expect(health.status).toBe('up');
    expect(health.dependencies.map((d) => d.name)).toEqual([...serviceNames]);
    for (const svc of health.dependencies) {
      expect(svc.status, svc.name).toBe('up');
      const deps = svc.dependencies.map((d) => d.name);
      expect(deps).toContain('store:pglite');
      expect(deps).toContain('bus:memory');
      for (const d of svc.dependencies) expect(d.latency_ms).toBeGreaterThanOrEqual(0);
    }
    const router = health.dependencies.find((d) => d.name === 'router')!;
    expect(router.dependencies.map((d) => d.name)).toEqual(expect.arrayContaining(['exchange:sim', 'service:strategy']));
    const one = await fetch(`${url}/health/reconciler`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as { name: string }).name).toBe('reconciler');
    expect((await fetch(`${url}/health/nope`)).status).toBe(404);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('tw_service_state{service="router",state="running"} 1');
    expect(metrics).toContain('tw_http_requests_total');
    expect(metrics).toMatch(/^tw_process_cpu_user_seconds_total \d/m);
    expect(await r.stop()).toBe(0);
    expect(r.stdout().trim().split('\n')).toHaveLength(1);
    expect(r.stderr()).toContain('"trace_id":"trace-e2e-1"');
    for (const text of [r.stdout(), r.stderr(), JSON.stringify(health)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('KEY-value-that-must-not-leak-42');
    }
  });

  it('--target runs only the named services', async () => {
    const r = start(['start', '--port', '0', '--data-dir', tempDir('e2e'), '--target=router,reconciler']);
    const { url, services } = await r.ready;
    expect(services).toEqual(['router', 'reconciler']);
    const health = await (await fetch(`${url}/health`)).json() as { dependencies: { name: string }[] };
    expect(health.dependencies.map((d) => d.name)).toEqual(['router', 'reconciler']);
    expect(await r.stop()).toBe(0);
  });
});

describe('tradewind start: documented failures', () => {
  it('exits 2 naming the field for a bad config value', async () => {
    const r = start(['start', '--data-dir', tempDir('e2e')], { TW_HTTP_PORT: 'abc' });
    const code = await r.exited;
    expect(code).toBe(2);
    expect(r.stderr()).toContain('config field "http.port" was "abc", expected an integer 0–65535');
    expect(r.stdout()).toBe('');
  });

  it('exits 2 for an unknown --target', async () => {
    const r = start(['start', '--port', '0', '--target=router,nonsense']);
    expect(await r.exited).toBe(2);
    expect(r.stderr()).toContain('config field "--target" was "router,nonsense", expected "all" or a comma-separated list');
  });

  it('exits 3 naming Redis when the bus is unreachable', async () => {
    const r = start(['start', '--port', '0', '--data-dir', tempDir('e2e')], { TW_BUS_URL: 'redis://:pw-redis-123@127.0.0.1:1', TW_STARTUP_DEPENDENCY_TIMEOUT_MS: '1000' });
    expect(await r.exited).toBe(3);
    expect(r.stderr()).toContain('127.0.0.1:1');
    expect(r.stderr()).not.toContain('pw-redis-123');
  });

  it('exits 3 naming PostgreSQL when the store is unreachable, without the password', async () => {
    const r = start(['start', '--port', '0'], { TW_STORE_URL: 'postgres://tw:pw-pg-123@127.0.0.1:1/tradewind', TW_STARTUP_DEPENDENCY_TIMEOUT_MS: '1000' });
    expect(await r.exited).toBe(3);
    expect(r.stderr()).toContain('postgres 127.0.0.1:1/tradewind');
    expect(r.stderr()).not.toContain('pw-pg-123');
  });

  it('finishes in-flight requests on SIGTERM under load and exits 0', async () => {
    const r = start(['start', '--port', '0', '--data-dir', tempDir('e2e')]);
    const { url } = await r.ready;
    let signalled = false;
    const outcomes: { beforeSignal: boolean; ok: boolean; status?: number; error?: string }[] = [];
    const worker = async () => {
      for (let i = 0; i < 60; i++) {
        const beforeSignal = !signalled;
        try {
          const res = await fetch(`${url}/health`);
          await res.text();
          outcomes.push({ beforeSignal, ok: true, status: res.status });
        } catch (e) {
          outcomes.push({ beforeSignal, ok: false, error: String((e as Error).cause ?? e) });
          if (signalled) return; // the server is gone: expected after the signal
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));
    // signal once the load is really flowing (a fixed sleep is too short on a loaded machine)
    for (const end = Date.now() + 10_000; outcomes.length < 16 && Date.now() < end;) await new Promise((res) => setTimeout(res, 20));
    signalled = true;
    r.proc.kill('SIGTERM');
    await load;
    expect(await r.exited).toBe(0);
    const before = outcomes.filter((o) => o.beforeSignal);
    expect(before.length).toBeGreaterThan(8);
    expect(before.filter((o) => !(o.ok && (o.status === 200 || o.status === 503)))).toEqual([]);
    expect(r.stderr()).toContain('stopped cleanly');
  });
});
