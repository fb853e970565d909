/**
 * Stop-loss and take-profit prices (SPEC §1.6, §1.9). Every rounding goes toward less risk: the
 * stop toward the entry (a smaller loss), the profit target away from it (at least the target).
 */
import { dec, roundToStep, type Dec, type DecLike } from '../money/decimal.ts';
import { weightedPrice, type PriceQty } from '../money/weighted-price.ts';

export type PositionSide = 'LONG' | 'SHORT';

/** `d = min(ATR_mult × ATR, max_loss_usdt / qty)`; the loss cap alone when ATR is not known yet. */
export function stopDistance(input: { atr: number | null; atrMult: DecLike; maxLossUsdt: DecLike; qty: DecLike }): Dec {
  const qty = dec(input.qty, 'qty');
  if (qty.lte(0)) throw new RangeError(`qty must be > 0, got ${qty}`);
  const dLossCap = dec(input.maxLossUsdt, 'maxLossUsdt').div(qty);
  if (input.atr === null || !Number.isFinite(input.atr)) return dLossCap;
  const dAtr = dec(input.atrMult, 'atrMult').mul(dec(input.atr, 'atr'));
  return dAtr.lt(dLossCap) ? dAtr : dLossCap;
}

/** SL: long `entry − d`, short `entry + d`, rounded to tick toward the entry. */
export function stopLossPrice(input: { side: PositionSide; entry: DecLike; distance: DecLike; tickSize: DecLike }): Dec {
  const entry = dec(input.entry, 'entry');
  const d = dec(input.distance, 'distance');
  return input.side === 'LONG' ? roundToStep(entry.sub(d), input.tickSize, 'up') : roundToStep(entry.add(d), input.tickSize, 'down');
}

export type EntryFill = PriceQty;

/** Σ(p·q) / Σq over the entry and add-on fills. */
export const averageEntry = (fills: readonly EntryFill[]): Dec => weightedPrice(fills, 'average entry');

/**
 * The exit price at which closing the whole position nets `targetPnl` after the entry fees already
 * paid and the exit fee (`exitFeeRate` × exit notional). Long: `(target + entryFees + q·avg) /
 * (q·(1 − f))`; short: `(q·avg − entryFees − target) / (q·(1 + f))`. Rounded to tick away from the
 * entry, so the net is at least the target. `targetPnl = 0` is the fee-aware breakeven.
 */
export function priceThatNets(input: { side: PositionSide; qty: DecLike; avgEntry: DecLike; entryFees: DecLike; exitFeeRate: DecLike; targetPnl: DecLike; tickSize: DecLike }): Dec {
  const q = dec(input.qty, 'qty');
  if (q.lte(0)) throw new RangeError(`qty must be > 0, got ${q}`);
  const avg = dec(input.avgEntry, 'avgEntry');
  const fees = dec(input.entryFees, 'entryFees');
  const f = dec(input.exitFeeRate, 'exitFeeRate');
  const target = dec(input.targetPnl, 'targetPnl');
  if (input.side === 'LONG') return roundToStep(target.add(fees).add(q.mul(avg)).div(q.mul(dec(1).sub(f))), input.tickSize, 'up');
  return roundToStep(q.mul(avg).sub(fees).sub(target).div(q.mul(dec(1).add(f))), input.tickSize, 'down');
}

/** Net PnL of closing at `exitPrice` (entry fees already paid, exit fee at `exitFeeRate`). */
export function netPnlAtExit(input: { side: PositionSide; qty: DecLike; avgEntry: DecLike; entryFees: DecLike; exitFeeRate: DecLike; exitPrice: DecLike }): Dec {
  const q = dec(input.qty), p = dec(input.exitPrice), avg = dec(input.avgEntry);
  const gross = input.side === 'LONG' ? p.sub(avg).mul(q) : avg.sub(p).mul(q);
  return gross.sub(dec(input.entryFees)).sub(p.mul(q).mul(dec(input.exitFeeRate)));
}

export const TP_TARGET_SHARE_OF_MARGIN = '0.10';

/** TP: the price netting `0.10 × Σ margins` after entry and exit fees (taker exit unless configured). */
export function takeProfitPrice(input: { side: PositionSide; qty: DecLike; avgEntry: DecLike; sumMargins: DecLike; entryFees: DecLike; exitFeeRate: DecLike; tickSize: DecLike; targetShare?: DecLike }): Dec {
  const target = dec(input.sumMargins, 'sumMargins').mul(dec(input.targetShare ?? TP_TARGET_SHARE_OF_MARGIN, 'targetShare'));
  return priceThatNets({ ...input, targetPnl: target });
}
