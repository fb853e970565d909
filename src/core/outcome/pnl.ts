/** Outcome money math (SPEC §1.11, §1.12): net PnL, net ROI, labels, cost share. Exact decimals. */
import { dec, type Dec, type DecLike } from '../money/decimal.ts';

/**
 * `net_pnl = realized + unrealized − fees − funding`. `fees` are commissions paid (≥ 0); `funding` is
 * funding PAID, so funding received is a negative number here (Binance's FUNDING_FEE income has the
 * opposite sign: pass `-income`).
 */
export function netPnl(input: { realized: DecLike; unrealized: DecLike; fees: DecLike; funding: DecLike }): Dec {
  return dec(input.realized, 'realized').add(dec(input.unrealized, 'unrealized')).sub(dec(input.fees, 'fees')).sub(dec(input.funding, 'funding'));
}

/** `net_roi = net_pnl / (Σ margin | Σ spot_cost)`. */
export function netRoi(pnl: DecLike, capital: DecLike): Dec {
  const c = dec(capital, 'capital');
  if (c.lte(0)) throw new RangeError(`capital (Σ margin or Σ spot cost) must be > 0, got ${c}`);
  return dec(pnl, 'netPnl').div(c);
}

export type OutcomeLabel = 'pos' | 'neg' | 'neutral';
export const DEFAULT_LABEL_THRESHOLDS = { pos: '0.005', neg: '-0.005' } as const;

/** pos when ROI ≥ +0.5 %, neg when ≤ −0.5 %, else neutral (thresholds configurable). */
export function labelFor(roi: DecLike, thresholds: { pos: DecLike; neg: DecLike } = DEFAULT_LABEL_THRESHOLDS): OutcomeLabel {
  const r = dec(roi, 'roi');
  if (r.gte(dec(thresholds.pos))) return 'pos';
  if (r.lte(dec(thresholds.neg))) return 'neg';
  return 'neutral';
}

/** `cost_share = (fees + funding) / gross_pnl`; null when gross PnL is zero (undefined share). */
export function costShare(fees: DecLike, funding: DecLike, grossPnl: DecLike): Dec | null {
  const g = dec(grossPnl, 'grossPnl');
  if (g.isZero()) return null;
  return dec(fees, 'fees').add(dec(funding, 'funding')).div(g);
}
