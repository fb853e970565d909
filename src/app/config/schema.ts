/**
 * The one typed configuration schema. Every leaf has a `description` that doubles as the
 * "expected …" text of a validation error. Secrets are not part of the file schema: they come from
 * the environment or a secret file only (see secrets.ts).
 */
import Type from 'typebox';

const Url = (description: string) => Type.String({ minLength: 1, description });

export const ExchangeUrls = Type.Object({
  futuresRest: Url('a futures REST base URL'),
  spotRest: Url('a spot REST base URL'),
  futuresWs: Url('a futures WebSocket base URL'),
  spotWs: Url('a spot WebSocket base URL'),
}, { additionalProperties: false });

export const ConfigSchema = Type.Object({
  http: Type.Object({
    host: Type.String({ minLength: 1, description: 'a host name or IP address to listen on' }),
    port: Type.Integer({ minimum: 0, maximum: 65535, description: 'an integer 0–65535 (0 picks a free port)' }),
  }, { additionalProperties: false }),
  dataDir: Type.String({ minLength: 1, description: 'a folder for the embedded database' }),
  store: Type.Object({
    url: Type.Union([Type.Null(), Type.String({ pattern: '^postgres(ql)?://', description: 'a postgres:// URL' })], { description: 'null (embedded PGlite in dataDir) or a postgres:// URL' }),
  }, { additionalProperties: false }),
  bus: Type.Object({
    url: Type.String({ pattern: '^(memory|redis://.+|rediss://.+|redis-cluster://.+)$', description: '"memory", a redis:// URL or redis-cluster://host:port,host:port' }),
    maxLen: Type.Integer({ minimum: 100, description: 'an integer ≥ 100 (entries kept per stream)' }),
  }, { additionalProperties: false }),
  exchange: Type.Object({
    profile: Type.Union([Type.Literal('sim'), Type.Literal('testnet'), Type.Literal('live')], { description: 'one of "sim", "testnet", "live"' }),
    liveConfirm: Type.Boolean({ description: 'true or false (true is required to trade live)' }),
    testnet: ExchangeUrls,
    live: ExchangeUrls,
  }, { additionalProperties: false }),
  sim: Type.Object({
    seed: Type.Integer({ minimum: 0, description: 'a non-negative integer seed' }),
    url: Type.Union([Type.Null(), Type.String({ pattern: '^https?://[^\\s]+$', description: 'an http(s):// URL of a running `tradewind sim`' })], { description: 'null (start the simulator in this process) or the URL of a running `tradewind sim`' }),
  }, { additionalProperties: false }),
  log: Type.Object({
    level: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')], { description: 'one of fatal, error, warn, info, debug, trace, silent' }),
  }, { additionalProperties: false }),
  shutdown: Type.Object({
    graceMs: Type.Integer({ minimum: 0, maximum: 600_000, description: 'an integer 0–600000 (ms to finish in-flight work)' }),
  }, { additionalProperties: false }),
  startup: Type.Object({
    dependencyTimeoutMs: Type.Integer({ minimum: 100, maximum: 120_000, description: 'an integer 100–120000 (ms to wait for Redis/PostgreSQL at start)' }),
  }, { additionalProperties: false }),
}, { additionalProperties: false });

export type Config = Type.Static<typeof ConfigSchema>;

export const defaultConfig: Config = {
  http: { host: '127.0.0.1', port: 8080 },
  dataDir: '.tradewind/data',
  store: { url: null },
  bus: { url: 'memory', maxLen: 100_000 },
  exchange: {
    profile: 'sim',
    liveConfirm: false,
    testnet: {
      futuresRest: 'https://testnet.binancefuture.com',
      spotRest: 'https://testnet.binance.vision',
      futuresWs: 'wss://fstream.binancefuture.com',
      spotWs: 'wss://stream.testnet.binance.vision',
    },
    live: {
      futuresRest: 'https://fapi.binance.com',
      spotRest: 'https://api.binance.com',
      futuresWs: 'wss://fstream.binance.com',
      spotWs: 'wss://stream.binance.com:9443',
    },
  },
  sim: { seed: 1, url: null },
  log: { level: 'info' },
  shutdown: { graceMs: 10_000 },
  startup: { dependencyTimeoutMs: 5_000 },
};
