/**
 * Aggregates 1m bars (or any finer base interval) into a higher interval (5m, 1h, 4h, 1d), buckets
 * aligned to UTC epoch multiples as Binance aligns them. Missing bars are not invented: an aggregate
 * records how many base bars it saw, and every gap (a run of missing base bars) is reported once.
 */
import { TradewindError } from '../errors.ts';

export const MINUTE_MS = 60_000;
export const intervalMs = { '1m': MINUTE_MS, '5m': 5 * MINUTE_MS, '15m': 15 * MINUTE_MS, '1h': 60 * MINUTE_MS, '4h': 240 * MINUTE_MS, '1d': 1440 * MINUTE_MS } as const;
export type Interval = keyof typeof intervalMs;

export interface Bar { openTime: number; open: number; high: number; low: number; close: number; volume: number; }
export interface AggregatedBar extends Bar {
  interval: Interval;
  /** Base bars that went into this bar; `expected` is how many the interval holds. */
  minutes: number;
  expected: number;
  complete: boolean;
}
/** Base bars with open times [fromOpenTime, toOpenTime] (both inclusive) that never arrived. */
export interface Gap { fromOpenTime: number; toOpenTime: number; missingBars: number; }

export class BarAggregator {
  readonly interval: Interval;
  private readonly span: number;
  private readonly base: number;
  private current: AggregatedBar | null = null;
  private lastOpenTime: number | null = null;
  readonly gaps: Gap[] = [];

  constructor(interval: Exclude<Interval, '1m'>, baseInterval: Interval = '1m') {
    this.interval = interval;
    this.span = intervalMs[interval];
    this.base = intervalMs[baseInterval];
    if (this.span <= this.base || this.span % this.base !== 0) throw new RangeError(`cannot aggregate ${baseInterval} bars into ${interval}`);
  }

  /** Adds a base bar; returns the bars it completed (the previous bucket, if this bar starts a new one). */
  push(bar: Bar): AggregatedBar[] {
    if (bar.openTime % this.base !== 0) throw new TradewindError('TW_ERR_VALIDATION', ['openTime', bar.openTime, `a multiple of ${this.base} ms (the base interval)`]);
    const last = this.lastOpenTime;
    if (last !== null && bar.openTime <= last) throw new TradewindError('TW_ERR_VALIDATION', ['openTime', bar.openTime, `a time after the previous bar ${last}`]);
    if (last !== null && bar.openTime > last + this.base) {
      const missing = (bar.openTime - last) / this.base - 1;
      this.gaps.push({ fromOpenTime: last + this.base, toOpenTime: bar.openTime - this.base, missingBars: missing });
    }
    this.lastOpenTime = bar.openTime;
    const bucket = bar.openTime - (bar.openTime % this.span);
    const done: AggregatedBar[] = [];
    const cur = this.current;
    if (cur && cur.openTime === bucket) {
      if (bar.high > cur.high) cur.high = bar.high;
      if (bar.low < cur.low) cur.low = bar.low;
      cur.close = bar.close;
      cur.volume += bar.volume;
      cur.minutes++;
      cur.complete = cur.minutes === cur.expected;
      return done;
    }
    if (cur) done.push(cur);
    const expected = this.span / this.base;
    this.current = { interval: this.interval, openTime: bucket, open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume, minutes: 1, expected, complete: expected === 1 };
    return done;
  }

  /** Returns the bucket in progress (possibly incomplete) and starts afresh. */
  flush(): AggregatedBar | null {
    const cur = this.current;
    this.current = null;
    return cur;
  }
}
