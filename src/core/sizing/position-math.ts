/** Open-position math for S6: ROE, add-on rules, partial take-profit, isolated liquidation price. */
import { dec, roundToStep, type Dec, type DecLike } from '../money/decimal.ts';
import type { PositionSide } from './protection.ts';

/** `roe = unRealizedProfit / isolatedWallet`. */
export function roe(unrealizedPnl: DecLike, isolatedWallet: DecLike): Dec {
  const w = dec(isolatedWallet, 'isolatedWallet');
  if (w.lte(0)) throw new RangeError(`isolatedWallet must be > 0, got ${w}`);
  return dec(unrealizedPnl, 'unrealizedPnl').div(w);
}

export const ADD_ON_ROE_THRESHOLDS = ['0.05', '0.10'] as const;

/** Whether the next add-on is due: `add_on_count < 2` and ROE ≥ 5 % (first) / 10 % (second). */
export function addOnDue(addOnCount: number, currentRoe: DecLike, thresholds: readonly DecLike[] = ADD_ON_ROE_THRESHOLDS): boolean {
  if (addOnCount >= thresholds.length) return false;
  return dec(currentRoe).gte(dec(thresholds[addOnCount]!));
}

/** Partial TP closes `entry_quantities[0]`, never more than is open, floored to stepSize. */
export function partialTakeProfitQty(entryQuantities: readonly DecLike[], openQty: DecLike, stepSize: DecLike): Dec {
  if (entryQuantities.length === 0) return dec(0);
  const first = dec(entryQuantities[0]!, 'entry_quantities[0]');
  const open = dec(openQty, 'openQty');
  return roundToStep(first.lt(open) ? first : open, stepSize, 'down');
}

export interface TrailingStep { roe: DecLike; action: 'breakeven' | 'lock_profit'; lockShare?: DecLike; }
/** SPEC §1.9: ROE ≥ 10 % → SL to breakeven; ROE ≥ 20 % → SL to the price netting +10 % (of margin). */
export const TRAILING_STEPS: readonly TrailingStep[] = [{ roe: '0.10', action: 'breakeven' }, { roe: '0.20', action: 'lock_profit', lockShare: '0.10' }];

/** The highest trailing step reached by this ROE, or null. */
export function trailingStepFor(currentRoe: DecLike, steps: readonly TrailingStep[] = TRAILING_STEPS): TrailingStep | null {
  let hit: TrailingStep | null = null;
  for (const s of steps) if (dec(currentRoe).gte(dec(s.roe))) hit = s;
  return hit;
}

/**
 * Isolated-margin liquidation price estimate (Binance's one-way formula for one position):
 * `LP = (WB + cum − side·q·EP) / (q·MMR − side·q)`, side = +1 long / −1 short, WB the isolated
 * wallet, MMR and cum (maintenance amount) from the leverage bracket of the position's notional.
 */
export function isolatedLiquidationPrice(input: { side: PositionSide; qty: DecLike; entryPrice: DecLike; isolatedWallet: DecLike; maintMarginRate: DecLike; maintAmount: DecLike }): Dec {
  const s = input.side === 'LONG' ? 1 : -1;
  const q = dec(input.qty, 'qty');
  if (q.lte(0)) throw new RangeError(`qty must be > 0, got ${q}`);
  const num = dec(input.isolatedWallet, 'isolatedWallet').add(dec(input.maintAmount, 'maintAmount')).sub(q.mul(dec(input.entryPrice, 'entryPrice')).mul(s));
  const den = q.mul(dec(input.maintMarginRate, 'maintMarginRate')).sub(q.mul(s));
  const lp = num.div(den);
  return lp.lt(0) ? dec(0) : lp;
}
