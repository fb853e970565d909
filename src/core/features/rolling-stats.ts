/**
 * Rolling sample standard deviation and Pearson correlation over the last `window` values, O(1)
 * per update whatever the window.
 *
 * Moments are kept as deviations from the running mean (Welford add, then the exact inverse for the
 * value leaving the window), never as raw Σx² − (Σx)²/n, so prices near 1e5 with tiny moves do not
 * cancel catastrophically. Rounding error that add/remove pairs still accumulate is wiped by an
 * exact two-pass recomputation once every `window` updates: O(window) every `window` updates, so
 * O(1) amortised.
 */

export class RollingStd {
  readonly window: number;
  private readonly buf: Float64Array;
  private head = 0;
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private sinceExact = 0;

  constructor(window: number) {
    if (!Number.isInteger(window) || window < 2) throw new RangeError(`rolling window must be an integer ≥ 2, got ${window}`);
    this.window = window;
    this.buf = new Float64Array(window);
  }

  get count(): number { return this.n; }
  get full(): boolean { return this.n === this.window; }

  /** Adds a value (dropping the oldest when full); returns the sample std, NaN until the window is full. */
  update(x: number): number {
    const w = this.window;
    if (this.n < w) {
      this.n++;
      const d = x - this.mean;
      this.mean += d / this.n;
      this.m2 += d * (x - this.mean);
    } else {
      const old = this.buf[this.head]!;
      // add x (n → n+1), then remove old (n+1 → n)
      const d = x - this.mean;
      const meanAdded = this.mean + d / (w + 1);
      const m2Added = this.m2 + d * (x - meanAdded);
      const meanRemoved = meanAdded - (old - meanAdded) / w;
      this.m2 = m2Added - (old - meanRemoved) * (old - meanAdded);
      this.mean = meanRemoved;
    }
    this.buf[this.head] = x;
    this.head = this.head + 1 === w ? 0 : this.head + 1;
    if (this.n === w && ++this.sinceExact >= w) this.recompute();
    return this.n === w ? Math.sqrt(this.m2 > 0 ? this.m2 / (w - 1) : 0) : NaN;
  }

  /** Sample std of what is in the window now (NaN with fewer than 2 values). */
  get std(): number { return this.n < 2 ? NaN : Math.sqrt(this.m2 > 0 ? this.m2 / (this.n - 1) : 0); }

  private recompute(): void {
    this.sinceExact = 0;
    const b = this.buf;
    let s = 0;
    for (let i = 0; i < this.window; i++) s += b[i]!;
    const mean = s / this.window;
    let m2 = 0;
    for (let i = 0; i < this.window; i++) { const d = b[i]! - mean; m2 += d * d; }
    this.mean = mean;
    this.m2 = m2;
  }
}

export class RollingCorrelation {
  readonly window: number;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private head = 0;
  private n = 0;
  private mx = 0;
  private my = 0;
  private sxx = 0;
  private syy = 0;
  private sxy = 0;
  private sinceExact = 0;

  constructor(window: number) {
    if (!Number.isInteger(window) || window < 2) throw new RangeError(`correlation window must be an integer ≥ 2, got ${window}`);
    this.window = window;
    this.xs = new Float64Array(window);
    this.ys = new Float64Array(window);
  }

  get full(): boolean { return this.n === this.window; }

  /** Adds an aligned pair; returns Pearson's r, NaN until the window is full or when a side is constant. */
  update(x: number, y: number): number {
    const w = this.window;
    // add (n → n+1)
    const n1 = this.n + 1;
    const dx = x - this.mx;
    const dy = y - this.my;
    let mx = this.mx + dx / n1;
    let my = this.my + dy / n1;
    let sxx = this.sxx + dx * (x - mx);
    let syy = this.syy + dy * (y - my);
    let sxy = this.sxy + dx * (y - my);
    if (this.n < w) {
      this.n = n1;
    } else {
      // remove the oldest (w+1 → w): the exact inverse of an add
      const ox = this.xs[this.head]!;
      const oy = this.ys[this.head]!;
      const mxR = mx - (ox - mx) / w;
      const myR = my - (oy - my) / w;
      sxx -= (ox - mxR) * (ox - mx);
      syy -= (oy - myR) * (oy - my);
      sxy -= (ox - mxR) * (oy - my);
      mx = mxR;
      my = myR;
    }
    this.mx = mx; this.my = my; this.sxx = sxx; this.syy = syy; this.sxy = sxy;
    this.xs[this.head] = x;
    this.ys[this.head] = y;
    this.head = this.head + 1 === w ? 0 : this.head + 1;
    if (this.n < w) return NaN;
    if (++this.sinceExact >= w) this.recompute();
    return this.value;
  }

  /** Pearson's r of the window, clamped to [−1, 1]; NaN when not full or a side has zero variance. */
  get value(): number {
    if (this.n < this.window || this.sxx <= 0 || this.syy <= 0) return NaN;
    const r = this.sxy / Math.sqrt(this.sxx * this.syy);
    return r > 1 ? 1 : r < -1 ? -1 : r;
  }

  private recompute(): void {
    this.sinceExact = 0;
    const w = this.window;
    let sx = 0, sy = 0;
    for (let i = 0; i < w; i++) { sx += this.xs[i]!; sy += this.ys[i]!; }
    const mx = sx / w, my = sy / w;
    let sxx = 0, syy = 0, sxy = 0;
    for (let i = 0; i < w; i++) {
      const dx = this.xs[i]! - mx, dy = this.ys[i]! - my;
      sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
    }
    this.mx = mx; this.my = my; this.sxx = sxx; this.syy = syy; this.sxy = sxy;
  }
}
