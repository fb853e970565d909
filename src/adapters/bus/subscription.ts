/**
 * The read → handle → ack loop shared by every Bus adapter. Handlers run one at a time per
 * subscription, so per-key order holds; a handler that throws leaves its entry pending for
 * redelivery; entries a dead consumer left pending are claimed after `claimIdleMs`.
 */
import type { Bus, Delivery, SubscribeOptions, Subscription } from '../../ports/bus.ts';

export interface SubscriptionHooks {
  /** Called when a read or claim fails (e.g. the connection dropped); the loop backs off and retries. */
  onError?: (err: unknown) => void;
  /** Waits `ms` unless stopped earlier. */
  pause: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
}

export function runSubscription(bus: Bus, opts: SubscribeOptions, hooks: SubscriptionHooks): Subscription {
  const stop = new AbortController();
  const count = opts.count ?? 100;
  const blockMs = opts.blockMs ?? 500;
  // Claim scans run at most twice per idle period: often enough to rescue a dead consumer's entries quickly.
  const claimEveryMs = opts.claimIdleMs === undefined ? Infinity : Math.max(20, opts.claimIdleMs / 2);
  let lastClaimAt = -Infinity;

  const handleAll = async (deliveries: Delivery[]) => {
    const done: string[] = [];
    for (const d of deliveries) {
      try {
        await opts.handler(d);
        done.push(d.id);
      } catch (err) {
        hooks.onError?.(err); // left pending: claimed and redelivered later
      }
    }
    if (done.length > 0) await bus.ack(opts.stream, opts.group, done);
  };

  const loop = (async () => {
    await bus.ensureGroup(opts.stream, opts.group, '0');
    while (!stop.signal.aborted) {
      try {
        if (opts.claimIdleMs !== undefined && hooks.now() - lastClaimAt >= claimEveryMs) {
          lastClaimAt = hooks.now();
          const claimed = await bus.claimStale(opts.stream, opts.group, opts.consumer, opts.claimIdleMs, count);
          if (claimed.length > 0) await handleAll(claimed);
        }
        if (stop.signal.aborted) break;
        const fresh = await bus.read(opts.stream, opts.group, opts.consumer, { count, blockMs });
        if (fresh.length > 0) await handleAll(fresh);
      } catch (err) {
        if (stop.signal.aborted) break;
        hooks.onError?.(err);
        await hooks.pause(200, stop.signal).catch(() => undefined);
      }
    }
  })();

  return {
    async stop() {
      stop.abort();
      await loop;
    },
  };
}
