/**
 * Row types of every table in `migrations/`, for typed queries (Kysely).
 * NUMERIC columns are exact decimal strings; BIGINT epoch-ms columns are numbers; JSONB is parsed JSON.
 */
import type { ColumnType, Generated } from 'kysely';

type Dec = string;
type Json = ColumnType<unknown, unknown, unknown>;
type DefaultJson = ColumnType<unknown, unknown | undefined, unknown>;
type Market = 'FUT' | 'SPOT';
type Side = 'BUY' | 'SELL';

export interface InstrumentRegistryTable {
  market: Market; symbol: string; status: string; base_asset: string; quote_asset: string;
  tick_size: Dec; step_size: Dec; min_qty: Dec; max_qty: Dec | null; min_notional: Dec | null;
  price_precision: number | null; qty_precision: number | null; filters: DefaultJson; leverage_brackets: Json | null; updated_ms: number;
}
export interface SignalsTable {
  id: string; ts_ms: number; symbol: string; market: Market; action: 'enter' | 'skip'; side: Side | null;
  features: DefaultJson; gate: DefaultJson; rule_hits: DefaultJson; model_score: number | null; model_version: string | null;
  size_mult: Dec | null; config_rev: number; intent_id: string | null; reasons: DefaultJson; dry_run: Generated<boolean>; created_ms: number;
}
export interface IntentsTable {
  intent_id: string; signal_id: string | null; transaction_id: string | null; symbol: string; market: Market; side: Side;
  kind: 'entry' | 'add_on' | 'partial_tp' | 'close' | 'protect' | 'transfer'; qty: Dec; price: Dec | null; margin_usdt: Dec | null;
  leverage: number | null; sl_price: Dec | null; tp_price: Dec | null; state: string; config_rev: number; payload: DefaultJson;
  version: Generated<number>; created_ms: number; updated_ms: number;
}
export interface OrdersTable {
  client_order_id: string; exchange_order_id: string | null; intent_id: string | null; transaction_id: string | null;
  symbol: string; market: Market; side: Side; position_side: string | null; type: string; time_in_force: string | null;
  qty: Dec; price: Dec | null; trigger_price: Dec | null; reduce_only: Generated<boolean>; is_algo: Generated<boolean>;
  status: string; filled_qty: Generated<Dec>; avg_price: Dec | null; raw: Json | null; version: Generated<number>; created_ms: number; updated_ms: number;
}
export interface FillsTable {
  id: string; client_order_id: string; symbol: string; market: Market; side: Side; price: Dec; qty: Dec; quote_qty: Dec;
  fee: Dec; fee_asset: string; is_maker: boolean; realized_pnl: Dec | null; ts_ms: number; raw: Json | null;
}
export type TransactionState = 'PENDING_ENTRY' | 'ACTIVE' | 'PENDING_CLOSING' | 'CLOSED';
export interface PositionsTable {
  transaction_id: string; symbol: string; market: Market; side: 'LONG' | 'SHORT'; state: TransactionState;
  qty: Generated<Dec>; avg_entry: Dec | null; total_margin: Generated<Dec>; leverage: number | null; entry_quantities: DefaultJson;
  add_on_count: Generated<number>; sl_price: Dec | null; tp_price: Dec | null; realized_pnl: Generated<Dec>; fees: Generated<Dec>;
  funding: Generated<Dec>; origin: Generated<string>; config_rev: number | null; opened_ms: number; closed_ms: number | null;
  version: Generated<number>; updated_ms: number;
}
export interface PositionsSnapshotsTable {
  id: Generated<number>; transaction_id: string; ts_ms: number; mark_price: Dec; qty: Dec; unrealized_pnl: Dec; roe: number | null; data: DefaultJson;
}
export interface FundingRecordsTable {
  symbol: string; funding_time_ms: number; funding_rate: Dec; mark_price: Dec | null; transaction_id: Generated<string>; amount_usdt: Dec | null;
}
export interface StrategyEventsTable { id: string; ts_ms: number; type: string; symbol: string | null; payload: DefaultJson; }
export interface LabelsTable {
  signal_id: string; horizon_h: number; t0_ms: number; due_ms: number; net_pnl: Dec | null; net_roi: number | null;
  label: 'pos' | 'neg' | 'neutral' | null; fees: Dec | null; funding: Dec | null; computed_ms: number | null; data: DefaultJson;
}
export interface AutopsiesTable {
  transaction_id: string; built_ms: number; tldr: string | null; tca: Json | null; peers: Json | null; counterfactuals: Json | null;
  narrative: string | null; missing_parts: DefaultJson; version: Generated<number>;
}
export interface ExperimentsTable { id: string; kind: string; status: string; params: DefaultJson; results: Json | null; created_ms: number; finished_ms: number | null; }
export interface ModelsTable { id: string; kind: string; version: string; status: string; metrics: DefaultJson; artifact: Json | null; trained_ms: number; }
export interface ConfigBundlesTable {
  rev: number; parent_rev: number | null; author: string; status: 'draft' | 'approved' | 'canary' | 'active' | 'retired' | 'rolled_back';
  bundle: Json; lint: Json | null; checksum: string; created_ms: number;
}
export interface ConfigActiveTable {
  scope: string; rev: number; canary_rev: number | null; canary_share: number | null; expires_ms: number | null; version: Generated<number>; updated_ms: number;
}
export interface MetricsRollupsTable { name: string; window_len: '1m' | '1h' | '1d'; ts_ms: number; labels_key: Generated<string>; labels: DefaultJson; value: number; }
export interface AlertsTable {
  id: string; rule: string; severity: 'info' | 'warning' | 'critical'; status: 'firing' | 'resolved'; opened_ms: number; resolved_ms: number | null; data: DefaultJson;
}
export interface RolesTable { name: string; permissions: DefaultJson; }
export interface UsersTable { id: string; username: string; password_hash: string; roles: DefaultJson; disabled: Generated<boolean>; created_ms: number; }
export interface AuditLogTable { id: Generated<number>; ts_ms: number; actor: string; action: string; target: string | null; trace_id: string | null; detail: DefaultJson; }
export interface JobLeasesTable {
  name: string; owner: string | null; lease_until_ms: Generated<number>; next_due_ms: Generated<number>; last_started_ms: number | null;
  last_finished_ms: number | null; last_duration_ms: number | null; last_outcome: 'ok' | 'error' | null; last_error: string | null; runs: Generated<number>;
}
export interface ServiceInstancesTable {
  service: string; instance: string; url: string | null; started_ms: number; heartbeat_ms: number; stopped_ms: number | null;
}

export interface Database {
  instrument_registry: InstrumentRegistryTable;
  signals: SignalsTable;
  intents: IntentsTable;
  orders: OrdersTable;
  fills: FillsTable;
  positions: PositionsTable;
  positions_snapshots: PositionsSnapshotsTable;
  funding_records: FundingRecordsTable;
  strategy_events: StrategyEventsTable;
  labels: LabelsTable;
  autopsies: AutopsiesTable;
  experiments: ExperimentsTable;
  models: ModelsTable;
  config_bundles: ConfigBundlesTable;
  config_active: ConfigActiveTable;
  metrics_rollups: MetricsRollupsTable;
  alerts: AlertsTable;
  roles: RolesTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  job_leases: JobLeasesTable;
  service_instances: ServiceInstancesTable;
}

/** The collections SPEC's Data section names (users/roles count as one there). */
export const specCollections = [
  'instrument_registry', 'signals', 'intents', 'orders', 'fills', 'positions', 'positions_snapshots', 'funding_records',
  'strategy_events', 'labels', 'autopsies', 'experiments', 'models', 'config_bundles', 'config_active', 'metrics_rollups',
  'alerts', 'users', 'roles', 'audit_log',
] as const;
