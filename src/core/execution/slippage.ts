/** Fill quality (SPEC §1.8, §1.12 TCA): VWAP of fills and slippage in bps, positive = cost. */
import { dec, type Dec, type DecLike } from '../money/decimal.ts';
import { weightedPrice, type PriceQty } from '../money/weighted-price.ts';

export type Fill = PriceQty;

export const vwap = (fills: readonly Fill[]): Dec => weightedPrice(fills, 'VWAP');

/** `(VWAP − mid_at_send) / mid_at_send × 1e4`, sign flipped for sells so that positive is a cost. */
export function slipBps(side: 'BUY' | 'SELL', fillVwap: DecLike, midAtSend: DecLike): number {
  const m = dec(midAtSend, 'midAtSend');
  if (m.lte(0)) throw new RangeError(`midAtSend must be > 0, got ${m}`);
  const raw = dec(fillVwap, 'vwap').sub(m).div(m).mul(10_000);
  return (side === 'BUY' ? raw : raw.neg()).toNumber();
}
