/**
 * Wilder's ATR(n), incremental: `ATR_t = ATR_{t−1} + (TR_t − ATR_{t−1}) / n`, seeded with the mean
 * of the first n TRs as TA-Lib does (SPEC §1.2 Decision). NaN until n bars have been seen.
 */
import { trueRange } from './true-range.ts';

export class WilderAtr {
  readonly period: number;
  private prevClose: number | undefined = undefined;
  private seen = 0;
  private seedSum = 0;
  /** Current ATR, NaN while seeding. */
  value = NaN;
  /** True range of the last bar. */
  lastTr = NaN;

  constructor(period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`ATR period must be an integer ≥ 1, got ${period}`);
    this.period = period;
  }

  /** Adds one bar; returns the ATR after it (NaN while seeding). */
  update(high: number, low: number, close: number): number {
    const tr = trueRange(high, low, this.prevClose);
    this.prevClose = close;
    this.lastTr = tr;
    this.seen++;
    if (this.seen < this.period) { this.seedSum += tr; return NaN; }
    if (this.seen === this.period) { this.value = (this.seedSum + tr) / this.period; return this.value; }
    this.value += (tr - this.value) / this.period;
    return this.value;
  }
}
