/**
 * Strategy performance statistics (SPEC §1.12, §1.14, §1.15): profit factor, Sharpe, win rate,
 * max drawdown, percentiles, flip share. Analytics: floats.
 */

/** Σ wins / |Σ losses|; Infinity with wins and no losses; NaN with no trades or only zeros. */
export function profitFactor(pnls: readonly number[]): number {
  let win = 0, loss = 0;
  for (const p of pnls) { if (p > 0) win += p; else if (p < 0) loss -= p; }
  if (loss === 0) return win > 0 ? Infinity : NaN;
  return win / loss;
}

/** Share of trades with PnL > 0 (NaN with no trades). */
export function winRate(pnls: readonly number[]): number {
  if (pnls.length === 0) return NaN;
  let w = 0;
  for (const p of pnls) if (p > 0) w++;
  return w / pnls.length;
}

/**
 * Sharpe ratio of per-period returns: `(mean − rf) / sample std × sqrt(periodsPerYear)`.
 * NaN with fewer than 2 returns or zero dispersion.
 */
export function sharpe(returns: readonly number[], periodsPerYear: number, riskFreePerPeriod = 0): number {
  const n = returns.length;
  if (n < 2) return NaN;
  let mean = 0;
  for (const r of returns) mean += r - riskFreePerPeriod;
  mean /= n;
  let m2 = 0;
  for (const r of returns) { const d = r - riskFreePerPeriod - mean; m2 += d * d; }
  const sd = Math.sqrt(m2 / (n - 1));
  return sd > 0 ? (mean / sd) * Math.sqrt(periodsPerYear) : NaN;
}

export interface Drawdown { maxDrawdown: number; maxDrawdownPct: number; peakIndex: number; troughIndex: number; }

/**
 * Largest peak-to-trough fall of an equity curve: absolute and as a share of the peak (0.25 = 25 %).
 * Both 0 for a curve that never falls.
 */
export function maxDrawdown(equity: readonly number[]): Drawdown {
  const out: Drawdown = { maxDrawdown: 0, maxDrawdownPct: 0, peakIndex: 0, troughIndex: 0 };
  if (equity.length === 0) return out;
  let peak = equity[0]!, peakAt = 0;
  for (let i = 1; i < equity.length; i++) {
    const e = equity[i]!;
    if (e > peak) { peak = e; peakAt = i; continue; }
    const dd = peak - e;
    if (dd > out.maxDrawdown) {
      out.maxDrawdown = dd;
      out.maxDrawdownPct = peak > 0 ? dd / peak : NaN;
      out.peakIndex = peakAt;
      out.troughIndex = i;
    }
  }
  return out;
}

/** Equity curve from a start value and per-trade PnLs. */
export function equityCurve(start: number, pnls: readonly number[]): number[] {
  const out = [start];
  let e = start;
  for (const p of pnls) { e += p; out.push(e); }
  return out;
}

/** Percentile `p` ∈ [0, 100] with linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** `flip_pct = #(decision changed) / #(evaluated)` (SPEC §1.14 sensitivity); NaN when nothing was evaluated. */
export function flipPct(before: readonly unknown[], after: readonly unknown[]): number {
  if (before.length !== after.length) throw new RangeError(`flip_pct needs equal-length decision lists, got ${before.length} and ${after.length}`);
  if (before.length === 0) return NaN;
  let flips = 0;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) flips++;
  return flips / before.length;
}
