-- Every collection of SPEC's Data section (PostgreSQL 15 and PGlite share this file).
-- Money and quantities are NUMERIC (exact, read back as strings); times are BIGINT epoch ms
-- (one integer type on both engines, the unit Binance uses, no time-zone parsing).
-- Rows two writers may race on carry `version` for optimistic concurrency.

CREATE TABLE instrument_registry (
  market          TEXT    NOT NULL CHECK (market IN ('FUT', 'SPOT')),
  symbol          TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  base_asset      TEXT    NOT NULL,
  quote_asset     TEXT    NOT NULL,
  tick_size       NUMERIC NOT NULL,
  step_size       NUMERIC NOT NULL,
  min_qty         NUMERIC NOT NULL,
  max_qty         NUMERIC,
  min_notional    NUMERIC,
  price_precision INTEGER,
  qty_precision   INTEGER,
  filters         JSONB   NOT NULL DEFAULT '{}',
  leverage_brackets JSONB,
  updated_ms      BIGINT  NOT NULL,
  PRIMARY KEY (market, symbol)
);

CREATE TABLE signals (
  id            TEXT PRIMARY KEY,
  ts_ms         BIGINT  NOT NULL,
  symbol        TEXT    NOT NULL,
  market        TEXT    NOT NULL CHECK (market IN ('FUT', 'SPOT')),
  action        TEXT    NOT NULL CHECK (action IN ('enter', 'skip')),
  side          TEXT    CHECK (side IN ('BUY', 'SELL')),
  features      JSONB   NOT NULL DEFAULT '{}',
  gate          JSONB   NOT NULL DEFAULT '{}',
  rule_hits     JSONB   NOT NULL DEFAULT '[]',
  model_score   DOUBLE PRECISION,
  model_version TEXT,
  size_mult     NUMERIC,
  config_rev    INTEGER NOT NULL,
  intent_id     TEXT,
  reasons       JSONB   NOT NULL DEFAULT '[]',
  dry_run       BOOLEAN NOT NULL DEFAULT FALSE,
  created_ms    BIGINT  NOT NULL
);
CREATE INDEX signals_symbol_ts ON signals (symbol, ts_ms);

CREATE TABLE intents (
  intent_id      TEXT PRIMARY KEY,
  signal_id      TEXT,
  transaction_id TEXT,
  symbol         TEXT    NOT NULL,
  market         TEXT    NOT NULL CHECK (market IN ('FUT', 'SPOT')),
  side           TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
  kind           TEXT    NOT NULL CHECK (kind IN ('entry', 'add_on', 'partial_tp', 'close', 'protect', 'transfer')),
  qty            NUMERIC NOT NULL,
  price          NUMERIC,
  margin_usdt    NUMERIC,
  leverage       INTEGER,
  sl_price       NUMERIC,
  tp_price       NUMERIC,
  state          TEXT    NOT NULL,
  config_rev     INTEGER NOT NULL,
  payload        JSONB   NOT NULL DEFAULT '{}',
  version        INTEGER NOT NULL DEFAULT 1,
  created_ms     BIGINT  NOT NULL,
  updated_ms     BIGINT  NOT NULL
);

CREATE TABLE orders (
  client_order_id   TEXT PRIMARY KEY,
  exchange_order_id TEXT,
  intent_id         TEXT,
  transaction_id    TEXT,
  symbol            TEXT    NOT NULL,
  market            TEXT    NOT NULL CHECK (market IN ('FUT', 'SPOT')),
  side              TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
  position_side     TEXT,
  type              TEXT    NOT NULL,
  time_in_force     TEXT,
  qty               NUMERIC NOT NULL,
  price             NUMERIC,
  trigger_price     NUMERIC,
  reduce_only       BOOLEAN NOT NULL DEFAULT FALSE,
  is_algo           BOOLEAN NOT NULL DEFAULT FALSE,
  status            TEXT    NOT NULL,
  filled_qty        NUMERIC NOT NULL DEFAULT 0,
  avg_price         NUMERIC,
  raw               JSONB,
  version           INTEGER NOT NULL DEFAULT 1,
  created_ms        BIGINT  NOT NULL,
  updated_ms        BIGINT  NOT NULL,
  UNIQUE (market, exchange_order_id)
);
CREATE INDEX orders_intent ON orders (intent_id);
CREATE INDEX orders_open ON orders (market, symbol) WHERE status IN ('PENDING', 'NEW', 'PARTIALLY_FILLED', 'UNKNOWN');

CREATE TABLE fills (
  id              TEXT PRIMARY KEY,
  client_order_id TEXT    NOT NULL,
  symbol          TEXT    NOT NULL,
  market          TEXT    NOT NULL CHECK (market IN ('FUT', 'SPOT')),
  side            TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
  price           NUMERIC NOT NULL,
  qty             NUMERIC NOT NULL,
  quote_qty       NUMERIC NOT NULL,
  fee             NUMERIC NOT NULL,
  fee_asset       TEXT    NOT NULL,
  is_maker        BOOLEAN NOT NULL,
  realized_pnl    NUMERIC,
  ts_ms           BIGINT  NOT NULL,
  raw             JSONB
);
CREATE INDEX fills_order ON fills (client_order_id);

CREATE TABLE positions (
  transaction_id   TEXT PRIMARY KEY,
  symbol           TEXT    NOT NULL,
  market           TEXT    NOT NULL CHECK (market IN ('FUT', 'SPOT')),
  side             TEXT    NOT NULL CHECK (side IN ('LONG', 'SHORT')),
  state            TEXT    NOT NULL CHECK (state IN ('PENDING_ENTRY', 'ACTIVE', 'PENDING_CLOSING', 'CLOSED')),
  qty              NUMERIC NOT NULL DEFAULT 0,
  avg_entry        NUMERIC,
  total_margin     NUMERIC NOT NULL DEFAULT 0,
  leverage         INTEGER,
  entry_quantities JSONB   NOT NULL DEFAULT '[]',
  add_on_count     INTEGER NOT NULL DEFAULT 0,
  sl_price         NUMERIC,
  tp_price         NUMERIC,
  realized_pnl     NUMERIC NOT NULL DEFAULT 0,
  fees             NUMERIC NOT NULL DEFAULT 0,
  funding          NUMERIC NOT NULL DEFAULT 0,
  origin           TEXT    NOT NULL DEFAULT 'strategy',
  config_rev       INTEGER,
  opened_ms        BIGINT  NOT NULL,
  closed_ms        BIGINT,
  version          INTEGER NOT NULL DEFAULT 1,
  updated_ms       BIGINT  NOT NULL
);
-- One open transaction per market, symbol and side: a second concurrent entry is impossible.
CREATE UNIQUE INDEX positions_one_open ON positions (market, symbol, side) WHERE state <> 'CLOSED';

CREATE TABLE positions_snapshots (
  id             BIGSERIAL PRIMARY KEY,
  transaction_id TEXT    NOT NULL,
  ts_ms          BIGINT  NOT NULL,
  mark_price     NUMERIC NOT NULL,
  qty            NUMERIC NOT NULL,
  unrealized_pnl NUMERIC NOT NULL,
  roe            DOUBLE PRECISION,
  data           JSONB   NOT NULL DEFAULT '{}'
);
CREATE INDEX positions_snapshots_tx ON positions_snapshots (transaction_id, ts_ms);

CREATE TABLE funding_records (
  symbol          TEXT    NOT NULL,
  funding_time_ms BIGINT  NOT NULL,
  funding_rate    NUMERIC NOT NULL,
  mark_price      NUMERIC,
  -- '' for the market's rate; a transaction id for what that position paid or received.
  transaction_id  TEXT    NOT NULL DEFAULT '',
  amount_usdt     NUMERIC,
  PRIMARY KEY (symbol, funding_time_ms, transaction_id)
);

CREATE TABLE strategy_events (
  id       TEXT PRIMARY KEY,
  ts_ms    BIGINT NOT NULL,
  type     TEXT   NOT NULL,
  symbol   TEXT,
  payload  JSONB  NOT NULL DEFAULT '{}'
);
CREATE INDEX strategy_events_type_ts ON strategy_events (type, ts_ms);

CREATE TABLE labels (
  signal_id   TEXT    NOT NULL,
  horizon_h   INTEGER NOT NULL CHECK (horizon_h > 0),
  t0_ms       BIGINT  NOT NULL,
  due_ms      BIGINT  NOT NULL,
  net_pnl     NUMERIC,
  net_roi     DOUBLE PRECISION,
  label       TEXT    CHECK (label IN ('pos', 'neg', 'neutral')),
  fees        NUMERIC,
  funding     NUMERIC,
  computed_ms BIGINT,
  data        JSONB   NOT NULL DEFAULT '{}',
  PRIMARY KEY (signal_id, horizon_h)
);
CREATE INDEX labels_due ON labels (due_ms) WHERE computed_ms IS NULL;

CREATE TABLE autopsies (
  transaction_id  TEXT PRIMARY KEY,
  built_ms        BIGINT  NOT NULL,
  tldr            TEXT,
  tca             JSONB,
  peers           JSONB,
  counterfactuals JSONB,
  narrative       TEXT,
  missing_parts   JSONB   NOT NULL DEFAULT '[]',
  version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE experiments (
  id          TEXT PRIMARY KEY,
  kind        TEXT   NOT NULL,
  status      TEXT   NOT NULL,
  params      JSONB  NOT NULL DEFAULT '{}',
  results     JSONB,
  created_ms  BIGINT NOT NULL,
  finished_ms BIGINT
);

CREATE TABLE models (
  id         TEXT PRIMARY KEY,
  kind       TEXT   NOT NULL,
  version    TEXT   NOT NULL,
  status     TEXT   NOT NULL,
  metrics    JSONB  NOT NULL DEFAULT '{}',
  artifact   JSONB,
  trained_ms BIGINT NOT NULL,
  UNIQUE (kind, version)
);

CREATE TABLE config_bundles (
  rev        INTEGER PRIMARY KEY,
  parent_rev INTEGER,
  author     TEXT   NOT NULL,
  status     TEXT   NOT NULL CHECK (status IN ('draft', 'approved', 'canary', 'active', 'retired', 'rolled_back')),
  bundle     JSONB  NOT NULL,
  lint       JSONB,
  checksum   TEXT   NOT NULL,
  created_ms BIGINT NOT NULL
);

CREATE TABLE config_active (
  scope        TEXT PRIMARY KEY,
  rev          INTEGER NOT NULL,
  canary_rev   INTEGER,
  canary_share DOUBLE PRECISION,
  expires_ms   BIGINT,
  version      INTEGER NOT NULL DEFAULT 1,
  updated_ms   BIGINT  NOT NULL
);

CREATE TABLE metrics_rollups (
  name       TEXT   NOT NULL,
  window_len TEXT   NOT NULL CHECK (window_len IN ('1m', '1h', '1d')),
  ts_ms      BIGINT NOT NULL,
  labels_key TEXT   NOT NULL DEFAULT '',
  labels     JSONB  NOT NULL DEFAULT '{}',
  value      DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (name, window_len, ts_ms, labels_key)
);

CREATE TABLE alerts (
  id          TEXT PRIMARY KEY,
  rule        TEXT   NOT NULL,
  severity    TEXT   NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  status      TEXT   NOT NULL CHECK (status IN ('firing', 'resolved')),
  opened_ms   BIGINT NOT NULL,
  resolved_ms BIGINT,
  data        JSONB  NOT NULL DEFAULT '{}'
);

CREATE TABLE roles (
  name        TEXT PRIMARY KEY,
  permissions JSONB NOT NULL DEFAULT '[]'
);

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT    NOT NULL UNIQUE,
  password_hash TEXT    NOT NULL,
  roles         JSONB   NOT NULL DEFAULT '[]',
  disabled      BOOLEAN NOT NULL DEFAULT FALSE,
  created_ms    BIGINT  NOT NULL
);

CREATE TABLE audit_log (
  id       BIGSERIAL PRIMARY KEY,
  ts_ms    BIGINT NOT NULL,
  actor    TEXT   NOT NULL,
  action   TEXT   NOT NULL,
  target   TEXT,
  trace_id TEXT,
  detail   JSONB  NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_ts ON audit_log (ts_ms);

-- Scheduler: one row per job; the lease makes a job run once across replicas, and the
-- recorded last run keeps a restarted process from running it again before it is due.
CREATE TABLE job_leases (
  name             TEXT PRIMARY KEY,
  owner            TEXT,
  lease_until_ms   BIGINT  NOT NULL DEFAULT 0,
  next_due_ms      BIGINT  NOT NULL DEFAULT 0,
  last_started_ms  BIGINT,
  last_finished_ms BIGINT,
  last_duration_ms BIGINT,
  last_outcome     TEXT CHECK (last_outcome IN ('ok', 'error')),
  last_error       TEXT,
  runs             INTEGER NOT NULL DEFAULT 0
);
