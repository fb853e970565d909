/**
 * User-data events (ORDER_TRADE_UPDATE, ACCOUNT_UPDATE, ALGO_UPDATE on futures; executionReport,
 * outboundAccountPosition, listStatus, balanceUpdate on spot) fanned out to whoever listens for an
 * account: the WebSocket user streams. Fault injection may drop some before they leave.
 */
export type UserMarket = 'FUT' | 'SPOT';
export type UserEventListener = (event: Record<string, unknown>) => void;

export class UserEvents {
  private readonly listeners = new Map<string, Set<UserEventListener>>();
  /** Returns true to drop an event (fault injection: lost user-data events). */
  dropFilter: (market: UserMarket) => boolean = () => false;
  emitted = 0;
  dropped = 0;

  subscribe(apiKey: string, market: UserMarket, fn: UserEventListener): () => void {
    const k = `${market}:${apiKey}`;
    let set = this.listeners.get(k);
    if (!set) this.listeners.set(k, (set = new Set()));
    set.add(fn);
    return () => { set.delete(fn); };
  }

  /** Whether anyone listens: lets producers skip building events nobody will receive. */
  has(apiKey: string, market: UserMarket): boolean { return (this.listeners.get(`${market}:${apiKey}`)?.size ?? 0) > 0; }

  emit(apiKey: string, market: UserMarket, event: Record<string, unknown>): void {
    const set = this.listeners.get(`${market}:${apiKey}`);
    if (!set || set.size === 0) return;
    if (this.dropFilter(market)) { this.dropped++; return; }
    this.emitted++;
    for (const fn of set) fn(event);
  }
}
