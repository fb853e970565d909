/** True range and log return: the per-bar inputs of ATR and realized volatility (SPEC §1.2). */

/** `TR_t = max(H − L, |H − C_{t−1}|, |L − C_{t−1}|)`; the first bar (no previous close) is `H − L`. */
export function trueRange(high: number, low: number, prevClose: number | undefined): number {
  const hl = high - low;
  if (prevClose === undefined) return hl;
  return Math.max(hl, Math.abs(high - prevClose), Math.abs(low - prevClose));
}

/** `r_t = ln(P_t / P_{t−1})`. */
export const logReturn = (price: number, prevPrice: number): number => Math.log(price / prevPrice);
