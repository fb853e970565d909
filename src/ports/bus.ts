/**
 * Bus port: named streams of envelopes with consumer groups and at-least-once delivery.
 * Implementations: in-process, Redis Streams (one node), Redis Streams (Cluster).
 * One contract suite (test/contracts/bus.contract.ts) runs against all of them.
 */
import type { Envelope } from '../core/envelope.ts';
import type { HealthNode } from './health.ts';

export interface Delivery {
  /** Transport id of this entry (Redis stream id form `ms-seq` for every adapter). */
  readonly id: string;
  readonly stream: string;
  readonly envelope: Envelope;
  /** 1 on first delivery; grows on each redelivery/claim. */
  readonly deliveryCount: number;
}

export interface ReadOptions {
  /** Most entries to return. */
  count?: number;
  /** Wait up to this long for new entries when none are ready (0 = do not wait). */
  blockMs?: number;
}

export interface PendingSummary {
  count: number;
  /** Pending entries per consumer name. */
  consumers: Record<string, number>;
}

export interface SubscribeOptions {
  stream: string;
  group: string;
  consumer: string;
  /** Called once per delivery; the entry is acked when it resolves, left pending when it throws. */
  handler: (delivery: Delivery) => Promise<void>;
  count?: number;
  blockMs?: number;
  /** Entries pending on another consumer longer than this are claimed (redelivered here). */
  claimIdleMs?: number;
}

export interface Subscription {
  /** Stops reading; resolves when in-flight handlers have finished (no new reads after the call). */
  stop(): Promise<void>;
}

export interface Bus {
  readonly kind: 'memory' | 'redis' | 'redis-cluster';
  /** Appends an envelope to `envelope.stream`; returns the transport id. */
  publish(envelope: Envelope): Promise<string>;
  /** Appends many (pipelined where the transport allows); ids in input order. */
  publishMany(envelopes: readonly Envelope[]): Promise<string[]>;
  /** Creates the group if missing. `from`: '0' = whole stream, '$' = only new entries. */
  ensureGroup(stream: string, group: string, from?: '0' | '$'): Promise<void>;
  /** Reads entries never delivered to this group. */
  read(stream: string, group: string, consumer: string, opts?: ReadOptions): Promise<Delivery[]>;
  ack(stream: string, group: string, ids: readonly string[]): Promise<number>;
  /** Moves entries idle longer than `minIdleMs` on any consumer to `consumer`, and returns them. */
  claimStale(stream: string, group: string, consumer: string, minIdleMs: number, count?: number): Promise<Delivery[]>;
  pending(stream: string, group: string): Promise<PendingSummary>;
  /** Entries in the stream the group has not yet acked (produced − acked). @see SPEC §1.15 */
  lag(stream: string, group: string): Promise<number>;
  /** A read/ack/claim loop around `handler`. */
  subscribe(opts: SubscribeOptions): Subscription;
  health(): Promise<HealthNode>;
  close(): Promise<void>;
}
