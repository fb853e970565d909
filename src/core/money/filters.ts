/**
 * Order checks against an instrument's exchange filters, before a request is sent, so a violation
 * comes back as a named reason instead of a -1013 / -4164 from the exchange.
 */
import { dec, isMultipleOf, type DecLike } from './decimal.ts';

export interface InstrumentRules {
  symbol: string;
  tickSize: string;
  minPrice?: string;
  maxPrice?: string;
  stepSize: string;
  minQty: string;
  maxQty: string;
  /** MARKET_LOT_SIZE, when it differs from LOT_SIZE. */
  marketStepSize?: string;
  marketMinQty?: string;
  marketMaxQty?: string;
  /** MIN_NOTIONAL (FUT: `notional`) or NOTIONAL (SPOT: `minNotional`). */
  minNotional: string;
  maxNotional?: string;
  /** PERCENT_PRICE (FUT) or PERCENT_PRICE_BY_SIDE (SPOT, same multipliers both sides here). */
  percentPrice?: { multiplierUp: string; multiplierDown: string };
}

export type FilterViolation =
  | { filter: 'PRICE_FILTER'; reason: 'tick' | 'min' | 'max'; detail: string }
  | { filter: 'LOT_SIZE' | 'MARKET_LOT_SIZE'; reason: 'step' | 'min' | 'max'; detail: string }
  | { filter: 'MIN_NOTIONAL' | 'NOTIONAL'; reason: 'min' | 'max'; detail: string }
  | { filter: 'PERCENT_PRICE'; reason: 'up' | 'down'; detail: string };

export interface OrderToCheck {
  type: 'LIMIT' | 'MARKET';
  qty: DecLike;
  /** Limit price; for MARKET the reference (mark/last) price used for notional. */
  price: DecLike;
  /** The price PERCENT_PRICE compares against (mark price on FUT, weighted average on SPOT). */
  referencePrice?: DecLike;
}

/** All filter violations of one order; an empty list means the exchange should accept it. */
export function checkOrder(rules: InstrumentRules, order: OrderToCheck): FilterViolation[] {
  const out: FilterViolation[] = [];
  const price = dec(order.price, 'price');
  const qty = dec(order.qty, 'qty');
  if (order.type === 'LIMIT') {
    if (!isMultipleOf(price, rules.tickSize)) out.push({ filter: 'PRICE_FILTER', reason: 'tick', detail: `price ${price} is not a multiple of tickSize ${rules.tickSize}` });
    if (rules.minPrice && dec(rules.minPrice).gt(0) && price.lt(rules.minPrice)) out.push({ filter: 'PRICE_FILTER', reason: 'min', detail: `price ${price} < minPrice ${rules.minPrice}` });
    if (rules.maxPrice && dec(rules.maxPrice).gt(0) && price.gt(rules.maxPrice)) out.push({ filter: 'PRICE_FILTER', reason: 'max', detail: `price ${price} > maxPrice ${rules.maxPrice}` });
  }
  const market = order.type === 'MARKET' && rules.marketStepSize !== undefined;
  const lot = market ? 'MARKET_LOT_SIZE' : 'LOT_SIZE';
  const step = market ? rules.marketStepSize! : rules.stepSize;
  const minQty = market ? rules.marketMinQty ?? rules.minQty : rules.minQty;
  const maxQty = market ? rules.marketMaxQty ?? rules.maxQty : rules.maxQty;
  if (!isMultipleOf(qty, step)) out.push({ filter: lot, reason: 'step', detail: `qty ${qty} is not a multiple of stepSize ${step}` });
  if (qty.lt(minQty)) out.push({ filter: lot, reason: 'min', detail: `qty ${qty} < minQty ${minQty}` });
  if (qty.gt(maxQty)) out.push({ filter: lot, reason: 'max', detail: `qty ${qty} > maxQty ${maxQty}` });
  const notional = qty.mul(price);
  if (notional.lt(rules.minNotional)) out.push({ filter: 'MIN_NOTIONAL', reason: 'min', detail: `notional ${notional} < minNotional ${rules.minNotional}` });
  if (rules.maxNotional && notional.gt(rules.maxNotional)) out.push({ filter: 'MIN_NOTIONAL', reason: 'max', detail: `notional ${notional} > maxNotional ${rules.maxNotional}` });
  if (rules.percentPrice && order.referencePrice !== undefined && order.type === 'LIMIT') {
    const ref = dec(order.referencePrice, 'referencePrice');
    const up = ref.mul(rules.percentPrice.multiplierUp);
    const down = ref.mul(rules.percentPrice.multiplierDown);
    if (price.gt(up)) out.push({ filter: 'PERCENT_PRICE', reason: 'up', detail: `price ${price} > ${up} (reference ${ref} × ${rules.percentPrice.multiplierUp})` });
    if (price.lt(down)) out.push({ filter: 'PERCENT_PRICE', reason: 'down', detail: `price ${price} < ${down} (reference ${ref} × ${rules.percentPrice.multiplierDown})` });
  }
  return out;
}
