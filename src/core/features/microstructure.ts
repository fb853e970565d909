/** Top-of-book features (SPEC §1.1/§1.2). Analytics: floats are fine here. */

export const mid = (bestBid: number, bestAsk: number): number => (bestBid + bestAsk) / 2;

/** `(ask − bid) / mid × 1e4`. */
export function spreadBps(bestBid: number, bestAsk: number): number {
  const m = mid(bestBid, bestAsk);
  return m > 0 ? ((bestAsk - bestBid) / m) * 1e4 : NaN;
}

/** `min(bidTop1Qty, askTop1Qty) × mid`: what can be traded at the touch on the thinner side. */
export const depthTop1Usdt = (bestBid: number, bidQty: number, bestAsk: number, askQty: number): number =>
  Math.min(bidQty, askQty) * mid(bestBid, bestAsk);

/** `min(depth_top1_usdt / threshold, 1)`. */
export function liqScore(depthTop1: number, thresholdUsdt: number): number {
  if (!(thresholdUsdt > 0)) throw new RangeError(`liq_score threshold must be > 0, got ${thresholdUsdt}`);
  return Math.min(Math.max(depthTop1, 0) / thresholdUsdt, 1);
}
