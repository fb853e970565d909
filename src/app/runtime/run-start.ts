/**
 * What `tradewind start` does: runs the selected services in this process. Prints ONE JSON line on stdout
 * once they are healthy; logs go to stderr. Exit codes: 0 clean shutdown, 1 forced or failed,
 * 2 invalid configuration, 3 a dependency (Redis/PostgreSQL) unreachable at start.
 */
import { isTradewindError } from '../../core/errors.ts';
import { worstStatus } from '../../ports/health.ts';
import type { Logger } from '../../ports/logger.ts';
import { loadConfig, type LoadedConfig } from '../config/load.ts';
import { redact } from '../config/secrets.ts';
import { createLogger } from '../observability/logger.ts';
import { parseTargets, Runtime } from './runtime.ts';

export const EXIT = { ok: 0, failed: 1, badConfig: 2, dependencyDown: 3 } as const;

export interface StartFlags { target?: string; port?: string; host?: string; dataDir?: string; config?: string; store?: string; bus?: string; exchange?: string; }

export async function runStart(flags: StartFlags): Promise<number> {
  let loaded: LoadedConfig;
  let targets;
  try {
    loaded = loadConfig({ file: flags.config, overrides: { 'http.port': flags.port, 'http.host': flags.host, dataDir: flags.dataDir, 'store.url': flags.store, 'bus.url': flags.bus, 'exchange.profile': flags.exchange } });
    targets = parseTargets(flags.target ?? process.env.TW_TARGET);
  } catch (err) {
    process.stderr.write(`tradewind: ${(err as Error).message}\n`);
    return EXIT.badConfig;
  }
  const log = createLogger(loaded.config.log.level, loaded.secrets);
  const runtime = new Runtime({ targets, loaded, log });
  // A bug that escapes every handler must not leave a half-working trader running: log it as one
  // structured line (secrets redacted), try a graceful stop, and exit 1.
  const fatal = (kind: string) => (err: unknown) => {
    log.error({ code: 'TW_ERR_INTERNAL', fatal: true, kind, err: redact(err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err), loaded.secrets) }, 'fatal: stopping');
    const force = setTimeout(() => process.exit(EXIT.failed), loaded.config.shutdown.graceMs);
    force.unref();
    void runtime.stop().catch(() => undefined).finally(() => process.exit(EXIT.failed));
  };
  process.once('uncaughtException', fatal('uncaughtException'));
  process.once('unhandledRejection', fatal('unhandledRejection'));
  const stopped = waitForSignals(runtime, log, loaded.config.shutdown.graceMs);
  try {
    const started = await runtime.start();
    await waitUntilHealthy(runtime, log);
    process.stdout.write(`${JSON.stringify({ url: started.url, services: started.services })}\n`);
    log.info({ url: started.url, services: started.services }, 'tradewind started');
  } catch (err) {
    const message = redact((err as Error).message, loaded.secrets);
    const code = isTradewindError(err, 'TW_ERR_DEPENDENCY_DOWN') ? EXIT.dependencyDown : isTradewindError(err, 'TW_ERR_CONFIG_INVALID') ? EXIT.badConfig : EXIT.failed;
    log.error({ code: isTradewindError(err) ? err.code : 'TW_ERR_INTERNAL', err: message }, 'start failed');
    process.stderr.write(`tradewind: ${message}\n`);
    await runtime.stop().catch(() => undefined);
    return code;
  }
  return stopped;
}

/** Polls /health's data until no service is down (the exchange or an upstream may still be degraded). */
async function waitUntilHealthy(runtime: Runtime, log: Logger, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const h = await runtime.health();
    const down = (h.dependencies ?? []).filter((s) => s.status === 'down').map((s) => s.name);
    if (down.length === 0 && worstStatus([h.status]) !== 'down') return;
    if (Date.now() > end) throw new Error(`services not healthy after ${timeoutMs} ms: ${down.join(', ')}`);
    log.debug({ down }, 'waiting for services');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with the exit code once a SIGTERM/SIGINT-triggered shutdown finishes; a second signal forces exit 1. */
function waitForSignals(runtime: Runtime, log: Logger, graceMs: number): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) { log.warn({ signal }, 'second signal: forcing exit'); process.exit(EXIT.failed); }
      stopping = true;
      log.info({ signal }, 'shutting down');
      const force = setTimeout(() => { log.error({ graceMs }, 'shutdown took longer than the grace period: forcing exit'); process.exit(EXIT.failed); }, graceMs);
      force.unref();
      runtime.stop().then(() => { clearTimeout(force); log.info({}, 'stopped cleanly'); resolve(EXIT.ok); }, (err) => { log.error({ err: (err as Error).message }, 'shutdown failed'); resolve(EXIT.failed); });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
