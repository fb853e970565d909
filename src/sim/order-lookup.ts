/**
 * Finds an order of one symbol by exchange id or by client id (the latest order with that client
 * id wins: ids may be reused once the earlier order is closed), as Binance's query/cancel do.
 */
export function lookupOrder<T extends { symbol: string; clientOrderId: string }>(orders: Map<number, T>, symbol: string, orderId: number | null, clientId: string | null): T | undefined {
  if (orderId !== null) { const o = orders.get(orderId); return o && o.symbol === symbol ? o : undefined; }
  let found: T | undefined;
  for (const o of orders.values()) if (o.symbol === symbol && o.clientOrderId === clientId) found = o;
  return found;
}
