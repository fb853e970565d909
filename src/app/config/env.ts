/**
 * Environment variables → config paths. Values are strings; numbers and booleans are converted
 * here so that "abc" for a port still reaches validation as a non-integer and is reported there.
 */
export const envMapping: Record<string, string> = {
  TW_HTTP_HOST: 'http.host',
  TW_HTTP_PORT: 'http.port',
  TW_DATA_DIR: 'dataDir',
  TW_STORE_URL: 'store.url',
  TW_BUS_URL: 'bus.url',
  TW_BUS_MAXLEN: 'bus.maxLen',
  TW_EXCHANGE_PROFILE: 'exchange.profile',
  TW_EXCHANGE_LIVE_CONFIRM: 'exchange.liveConfirm',
  TW_SIM_SEED: 'sim.seed',
  TW_SIM_URL: 'sim.url',
  TW_LOG_LEVEL: 'log.level',
  TW_SHUTDOWN_GRACE_MS: 'shutdown.graceMs',
  TW_STARTUP_DEPENDENCY_TIMEOUT_MS: 'startup.dependencyTimeoutMs',
};

/** Converts an env/flag string the way its target field expects, leaving bad text for validation to name. */
export function coerce(path: string, raw: string): unknown {
  if (/(port|maxLen|seed|graceMs|TimeoutMs)$/.test(path)) return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (path.endsWith('liveConfirm')) return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
  if (path === 'store.url' && (raw === '' || raw === 'pglite')) return null;
  if (path === 'sim.url' && (raw === '' || raw === 'embedded')) return null;
  return raw;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof o[p] !== 'object' || o[p] === null) o[p] = {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts.at(-1)!] = value;
}
