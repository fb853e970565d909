/**
 * Percentile rank of the newest value among the last `window` values (SPEC §1.2 `rv_pctile`:
 * today's rv among the last 365 daily values), O(log window) per update.
 *
 * Decision: the "weak" rank, `#{v ≤ x} / N` over a window that includes x itself, so the result is
 * in (0, 1] and the maximum of the window ranks 1 (scipy's `percentileofscore(kind="weak") / 100`).
 * It is reported once the window is full; `partial` reports it from the first value.
 */
import { OrderStatisticTree } from './order-statistic-tree.ts';

export class RollingPercentileRank {
  readonly window: number;
  private readonly buf: Float64Array;
  private head = 0;
  private n = 0;
  private readonly tree: OrderStatisticTree;

  constructor(window: number, private readonly partial = false) {
    if (!Number.isInteger(window) || window < 1) throw new RangeError(`percentile window must be an integer ≥ 1, got ${window}`);
    this.window = window;
    this.buf = new Float64Array(window);
    this.tree = new OrderStatisticTree(window + 1);
  }

  /** Adds `x` and returns its rank in (0, 1] among the window (NaN until full unless `partial`). */
  update(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (this.n === this.window) this.tree.delete(this.buf[this.head]!); else this.n++;
    this.buf[this.head] = x;
    this.head = this.head + 1 === this.window ? 0 : this.head + 1;
    this.tree.insert(x);
    if (this.n < this.window && !this.partial) return NaN;
    return this.tree.countLessOrEqual(x) / this.n;
  }

  /** Rank of an arbitrary value against the current window, without adding it. */
  rankOf(x: number): number { return this.n === 0 ? NaN : this.tree.countLessOrEqual(x) / this.n; }
}
