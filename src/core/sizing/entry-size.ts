/**
 * Entry sizing (SPEC §1.6 FUT, §1.7 SPOT). Quantities round DOWN to stepSize (never more exposure
 * than asked); an entry below minQty or minNotional is a skip with that reason, not an order.
 */
import { Dec, dec, roundToStep, type DecLike } from '../money/decimal.ts';
import type { InstrumentRules } from '../money/filters.ts';

export const MARGIN_BASE_USDT = '20';

export type SizingResult =
  | { ok: true; qty: Dec; notional: Dec; margin: Dec | null }
  | { ok: false; reason: 'below_min_qty' | 'below_min_notional' | 'above_max_qty'; detail: string; qty: Dec };

function checkSize(qty: Dec, price: Dec, rules: Pick<InstrumentRules, 'minQty' | 'maxQty' | 'minNotional'>, margin: Dec | null): SizingResult {
  const notional = qty.mul(price);
  if (qty.lt(rules.minQty)) return { ok: false, reason: 'below_min_qty', detail: `qty ${qty} < minQty ${rules.minQty}`, qty };
  if (qty.gt(rules.maxQty)) return { ok: false, reason: 'above_max_qty', detail: `qty ${qty} > maxQty ${rules.maxQty}`, qty };
  if (notional.lt(rules.minNotional)) return { ok: false, reason: 'below_min_notional', detail: `notional ${notional} < minNotional ${rules.minNotional}`, qty };
  return { ok: true, qty, notional, margin };
}

/**
 * FUT: `margin = margin_base × size_mult`, `notional = margin × leverage`,
 * `qty = floor_to_step(notional / price)`. The returned notional is qty × price (what is really
 * bought), and margin is that notional / leverage.
 */
export function futuresEntrySize(input: { marginBase?: DecLike; sizeMult: DecLike; leverage: number; price: DecLike; rules: Pick<InstrumentRules, 'stepSize' | 'minQty' | 'maxQty' | 'minNotional'> }): SizingResult {
  if (!Number.isInteger(input.leverage) || input.leverage < 1 || input.leverage > 125) throw new RangeError(`leverage must be an integer 1–125, got ${input.leverage}`);
  const price = dec(input.price, 'price');
  if (price.lte(0)) throw new RangeError(`price must be > 0, got ${price}`);
  const margin = dec(input.marginBase ?? MARGIN_BASE_USDT, 'marginBase').mul(dec(input.sizeMult, 'sizeMult'));
  const qty = roundToStep(margin.mul(input.leverage).div(price), input.rules.stepSize, 'down');
  const result = checkSize(qty, price, input.rules, null);
  return result.ok ? { ...result, margin: result.notional.div(input.leverage) } : result;
}

/** SPOT: `qty = floor_to_step(quote_budget / price)`. */
export function spotEntrySize(input: { quoteBudget: DecLike; price: DecLike; rules: Pick<InstrumentRules, 'stepSize' | 'minQty' | 'maxQty' | 'minNotional'> }): SizingResult {
  const price = dec(input.price, 'price');
  if (price.lte(0)) throw new RangeError(`price must be > 0, got ${price}`);
  const qty = roundToStep(dec(input.quoteBudget, 'quoteBudget').div(price), input.rules.stepSize, 'down');
  return checkSize(qty, price, input.rules, null);
}

export { Dec };
