/** Σ(price × qty) / Σqty, exact: the average entry of add-ons and the VWAP of fills are this one formula. */
import { dec, type Dec, type DecLike } from './decimal.ts';

export interface PriceQty { price: DecLike; qty: DecLike; }

export function weightedPrice(fills: readonly PriceQty[], what = 'weighted price'): Dec {
  let pq = dec(0), q = dec(0);
  for (const f of fills) { const qty = dec(f.qty, 'qty'); pq = pq.add(dec(f.price, 'price').mul(qty)); q = q.add(qty); }
  if (q.lte(0)) throw new RangeError(`${what} needs a positive total quantity`);
  return pq.div(q);
}
