/**
 * The one immutable event envelope carried on every bus stream.
 * @see ../shared/STYLE.md practice 4 (identity + two times, frozen once created).
 */
export interface Envelope<T = unknown> {
  /** Unique event id; consumers deduplicate on it. */
  readonly id: string;
  /** Event type, e.g. `mkt.tick`, `order.filled`. */
  readonly type: string;
  /** Bus stream the event belongs to (a name from `streams.ts`). */
  readonly stream: string;
  /** Partition key (usually the symbol); order is kept per key. */
  readonly key: string;
  /** When the thing happened (ms since epoch, from the source's clock). */
  readonly ts_event: number;
  /** When this envelope was created (ms since epoch, from our Clock). */
  readonly ts_init: number;
  /** Service that created it. */
  readonly source: string;
  /** Trace id that follows one chain of events across services. */
  readonly correlation_id: string;
  /** Id of the event that caused this one, if any. */
  readonly causation_id: string | null;
  readonly schema_v: number;
  readonly data: T;
}

export interface EnvelopeInit<T> {
  id: string;
  type: string;
  stream: string;
  key?: string;
  ts_event?: number;
  ts_init: number;
  source: string;
  correlation_id?: string;
  causation_id?: string | null;
  schema_v?: number;
  data: T;
}

/** Returns a frozen envelope; ids and times are passed in so the core stays free of clocks and randomness. */
export function createEnvelope<T>(init: EnvelopeInit<T>): Envelope<T> {
  return Object.freeze({
    id: init.id,
    type: init.type,
    stream: init.stream,
    key: init.key ?? '',
    ts_event: init.ts_event ?? init.ts_init,
    ts_init: init.ts_init,
    source: init.source,
    correlation_id: init.correlation_id ?? init.id,
    causation_id: init.causation_id ?? null,
    schema_v: init.schema_v ?? 1,
    data: init.data,
  });
}

/** Returns a new envelope caused by `parent`: same trace id, causation = parent id. */
export function deriveEnvelope<T>(parent: Envelope, init: Omit<EnvelopeInit<T>, 'correlation_id' | 'causation_id'>): Envelope<T> {
  return createEnvelope({ ...init, correlation_id: parent.correlation_id, causation_id: parent.id });
}
