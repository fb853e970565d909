/**
 * Bounded account history: a long-running simulator (a demo left on for weeks) must not grow
 * without limit. Closed orders, trades and income beyond these counts are dropped oldest first;
 * open orders are never dropped.
 */
export const MAX_HISTORY = 50_000;

/** Drops the oldest entries of an append-only list beyond `max` (amortised: trims in chunks). */
export function trimList<T>(list: T[], max = MAX_HISTORY): void {
  if (list.length > max + max / 10) list.splice(0, list.length - max);
}

/** Drops the oldest closed orders of a map keyed by increasing id, keeping every open one. */
export function trimOrders<T>(orders: Map<number, T>, open: Set<number>, max = MAX_HISTORY): void {
  if (orders.size <= max + max / 10) return;
  for (const id of orders.keys()) {
    if (orders.size <= max) break;
    if (!open.has(id)) orders.delete(id);
  }
}
