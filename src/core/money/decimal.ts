/**
 * Exchange-exact numbers. Prices and quantities that cross the exchange boundary are decimals, not
 * floats: `0.1 + 0.2`, 1e-8 steps and steps like 0.001 or 5 must round exactly.
 *
 * Decision: decimal.js (well kept, arbitrary precision, exact base-10) in a private 40-significant-
 * digit context, so another module changing Decimal's global settings cannot change our rounding.
 * Scaled bigints would be faster, but boundary math runs per order, not per tick, and decimal.js
 * keeps the code readable; the per-bar hot paths (features) use floats by design.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { TradewindError } from '../errors.ts';

export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;
/** A decimal as a string ("0.001"), a Dec, or a finite number (converted through its shortest repr). */
export type DecLike = string | number | Dec;

export type RoundMode = 'down' | 'up' | 'nearest';

/** Parses a decimal, naming `field` when the text is not a finite number. */
export function dec(value: DecLike, field = 'value'): Dec {
  if (value instanceof Dec) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TradewindError('TW_ERR_VALIDATION', [field, String(value), 'a finite number']);
    return new Dec(String(value));
  }
  if (typeof value !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) {
    throw new TradewindError('TW_ERR_VALIDATION', [field, JSON.stringify(value), 'a decimal number']);
  }
  return new Dec(value.trim());
}

function positiveStep(step: DecLike, field: string): Dec {
  const s = dec(step, field);
  if (s.lte(0)) throw new TradewindError('TW_ERR_VALIDATION', [field, s.toString(), 'a step greater than 0']);
  return s;
}

const MODE = { down: Dec.ROUND_FLOOR, up: Dec.ROUND_CEIL, nearest: Dec.ROUND_HALF_UP } as const;

/**
 * Rounds `value` to a multiple of `step` (a tickSize or stepSize): `down` toward −∞, `up` toward +∞,
 * `nearest` half away from zero. Steps need not be powers of ten (5, 0.25 work).
 */
export function roundToStep(value: DecLike, step: DecLike, mode: RoundMode, field = 'value'): Dec {
  const s = positiveStep(step, 'step');
  const v = dec(value, field);
  return v.div(s).toDecimalPlaces(0, MODE[mode]).mul(s);
}

/** Number of decimals a step implies: 0.001 → 3, 1 → 0, 5 → 0, 1e-8 → 8. */
export function stepDecimals(step: DecLike): number {
  return positiveStep(step, 'step').decimalPlaces();
}

/** Formats to exactly the step's decimals, as Binance expects ("0.10" for tick 0.01, no exponent). */
export function formatToStep(value: DecLike, step: DecLike): string {
  return dec(value).toFixed(stepDecimals(step));
}

/** Rounds to the step and formats: the string to send for a price or quantity. */
export function toExchange(value: DecLike, step: DecLike, mode: RoundMode, field = 'value'): string {
  return roundToStep(value, step, mode, field).toFixed(stepDecimals(step));
}

export const isMultipleOf = (value: DecLike, step: DecLike): boolean => dec(value).mod(positiveStep(step, 'step')).isZero();
