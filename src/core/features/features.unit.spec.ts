import fc from 'fast-check';
import { ATR, getStandardDeviation } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { hasMarketData, readKlines } from '../../../test/support/market-data.ts';
import { BarAggregator } from './bar-aggregator.ts';
import { KlineFeatures } from './kline-features.ts';
import { depthTop1Usdt, liqScore, mid, spreadBps } from './microstructure.ts';
import { OrderStatisticTree } from './order-statistic-tree.ts';
import { RollingPercentileRank } from './percentile-rank.ts';
import { ANNUALIZATION_FACTOR, RealizedVol } from './realized-vol.ts';
import { RollingCorrelation, RollingStd } from './rolling-stats.ts';
import { logReturn, trueRange } from './true-range.ts';
import { WilderAtr } from './wilder-atr.ts';

// ---- batch references (the obvious O(n·window) definitions) ----
function batchStd(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}
function batchCorr(xs: readonly number[], ys: readonly number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length, my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < xs.length; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; syy += (ys[i]! - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}
function batchAtr(bars: readonly { high: number; low: number; close: number }[], n: number): number[] {
  const trs = bars.map((b, i) => trueRange(b.high, b.low, i === 0 ? undefined : bars[i - 1]!.close));
  const out: number[] = [];
  let atr = NaN;
  for (let i = 0; i < trs.length; i++) {
    if (i + 1 < n) { out.push(NaN); continue; }
    atr = i + 1 === n ? trs.slice(0, n).reduce((a, b) => a + b, 0) / n : atr + (trs[i]! - atr) / n;
    out.push(atr);
  }
  return out;
}
const close = (a: number, b: number, rel = 1e-9) => (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

const randomBars = fc.array(fc.tuple(fc.double({ min: -0.02, max: 0.02, noNaN: true }), fc.double({ min: 0, max: 0.01, noNaN: true }), fc.double({ min: 0, max: 0.01, noNaN: true })), { minLength: 1, maxLength: 400 })
  .map((steps) => {
    let c = 100;
    return steps.map(([r, up, dn]) => { const o = c; c = c * Math.exp(r); return { high: Math.max(o, c) * (1 + up), low: Math.min(o, c) * (1 - dn), close: c }; });
  });

describe('true range and log return', () => {
  it('hand-checked', () => {
    expect(trueRange(105, 100, undefined)).toBe(5);
    expect(trueRange(105, 100, 110)).toBe(10); // gap down: |L − C_prev|
    expect(trueRange(112, 108, 100)).toBe(12); // gap up: |H − C_prev|
    expect(trueRange(105, 100, 102)).toBe(5);
    expect(logReturn(110, 100)).toBeCloseTo(0.0953101798, 9);
  });
});

describe('Wilder ATR', () => {
  it('seeds with the mean of the first n TRs, then smooths by 1/n', () => {
    const atr = new WilderAtr(3);
    expect(atr.update(10, 8, 9)).toBeNaN();   // TR 2
    expect(atr.update(11, 9, 10)).toBeNaN();  // TR 2
    expect(atr.update(14, 10, 13)).toBe((2 + 2 + 4) / 3);
    expect(atr.update(13, 12, 12.5)).toBeCloseTo(8 / 3 + (1 - 8 / 3) / 3, 12);
  });
  it('property: incremental equals the batch recomputation', () => {
    fc.assert(fc.property(randomBars, fc.integer({ min: 1, max: 30 }), (bars, n) => {
      const inc = new WilderAtr(n);
      const batch = batchAtr(bars, n);
      bars.forEach((b, i) => expect(close(inc.update(b.high, b.low, b.close), batch[i]!)).toBe(true));
    }));
  });
  it('matches trading-signals ATR (Wilder smoothing) on the real BTCUSDT 5m series', { skip: !hasMarketData }, () => {
    const bars = readKlines('binance-um_BTCUSDT_5m.csv');
    const ours = new WilderAtr(14), peer = new ATR(14);
    let compared = 0;
    for (const b of bars) {
      const a = ours.update(b.high, b.low, b.close);
      const p = peer.update({ high: b.high, low: b.low, close: b.close }, false);
      if (p !== null) { expect(close(a, p, 1e-9)).toBe(true); compared++; }
      else expect(a).toBeNaN();
    }
    expect(compared).toBe(bars.length - 13);
  });
  it('rejects a bad period', () => expect(() => new WilderAtr(0)).toThrow(/integer ≥ 1/));
});

describe('rolling std and realized vol', () => {
  it('hand-checked: std of 2,4,4,4,5,5,7,9 (sample) over a window of 8', () => {
    const s = new RollingStd(8);
    let v = NaN;
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) v = s.update(x);
    expect(v).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.update(2)).toBeCloseTo(batchStd([4, 4, 4, 5, 5, 7, 9, 2]), 12);
  });
  it('property: incremental equals batch on random series and windows', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (xs, w) => {
      const s = new RollingStd(w);
      xs.forEach((x, i) => {
        const got = s.update(x);
        if (i + 1 < w) expect(got).toBeNaN();
        else {
          // Removing a value x leaves rounding of order ε·x² in the sum of squares, so right after a
          // large value leaves, std carries an absolute error up to ~sqrt(ε)·max|x| until the next
          // exact pass; relative to the data's scale that is the guarantee.
          const scale = Math.max(1, ...xs.slice(Math.max(0, i + 1 - 2 * w), i + 1).map(Math.abs));
          expect(Math.abs(got - batchStd(xs.slice(i + 1 - w, i + 1)))).toBeLessThanOrEqual(1e-7 * scale);
        }
      });
    }));
  });
  it('is stable on prices near 1e5 with tiny moves (no catastrophic cancellation)', () => {
    const s = new RollingStd(50);
    const xs: number[] = [];
    let got = NaN;
    for (let i = 0; i < 20_000; i++) { const x = 100_000 + 1e-4 * Math.sin(i * 0.7) + 1e-5 * (i % 7); xs.push(x); got = s.update(x); }
    const want = batchStd(xs.slice(-50));
    expect(Math.abs(got - want) / want).toBeLessThan(1e-6);
  });
  it('rv = sqrt(252) × sample std of log returns; matches trading-signals std (population → sample) on real data', { skip: !hasMarketData }, () => {
    const bars = readKlines('binance-um_BTCUSDT_1h.csv');
    const rv = new RealizedVol(24);
    const rets: number[] = [];
    for (let i = 1; i < bars.length; i++) {
      const r = logReturn(bars[i]!.close, bars[i - 1]!.close);
      rets.push(r);
      const got = rv.update(r);
      if (rets.length >= 24) {
        const window = rets.slice(-24);
        const peerSample = getStandardDeviation(window) * Math.sqrt(24 / 23);
        expect(close(got, ANNUALIZATION_FACTOR * peerSample, 1e-8)).toBe(true);
      }
    }
    expect(ANNUALIZATION_FACTOR).toBe(Math.sqrt(252));
  });
});

describe('rolling correlation', () => {
  it('hand-checked: perfectly linear → 1, mirrored → −1, constant side → NaN', () => {
    const a = new RollingCorrelation(3), b = new RollingCorrelation(3), c = new RollingCorrelation(3);
    let ra = NaN, rb = NaN, rc = NaN;
    for (const x of [1, 2, 3, 4]) { ra = a.update(x, 2 * x + 1); rb = b.update(x, -x); rc = c.update(x, 5); }
    expect(ra).toBeCloseTo(1, 12);
    expect(rb).toBeCloseTo(-1, 12);
    expect(rc).toBeNaN();
  });
  it('property: incremental equals batch Pearson', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }).map((i) => i / 997), fc.integer({ min: -1000, max: 1000 }).map((i) => i / 991)), { minLength: 3, maxLength: 300 }), fc.integer({ min: 3, max: 30 }), (pairs, w) => {
      const c = new RollingCorrelation(w);
      pairs.forEach(([x, y], i) => {
        const got = c.update(x, y);
        if (i + 1 < w) { expect(got).toBeNaN(); return; }
        const win = pairs.slice(i + 1 - w, i + 1);
        const want = batchCorr(win.map((p) => p[0]), win.map((p) => p[1]));
        if (!Number.isFinite(want)) { expect(got).toBeNaN(); return; } // a constant side: undefined r
        expect(Math.abs(got - want)).toBeLessThan(1e-6);
      });
    }));
  });
});

describe('percentile rank', () => {
  it('hand-checked weak rank, window includes the value', () => {
    const p = new RollingPercentileRank(4);
    expect([3, 1, 2].map((x) => p.update(x))).toEqual([NaN, NaN, NaN]);
    expect(p.update(2)).toBe(3 / 4); // window 3,1,2,2: values ≤ 2 are 1,2,2
    expect(p.update(5)).toBe(1); // window 1,2,2,5
    expect(p.update(0)).toBe(1 / 4); // window 2,2,5,0
  });
  it('property: matches a sort of the window', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 500 }), fc.integer({ min: 1, max: 60 }), (xs, w) => {
      const p = new RollingPercentileRank(w, true);
      xs.forEach((x, i) => {
        const win = xs.slice(Math.max(0, i + 1 - w), i + 1).sort((a, b) => a - b);
        let le = 0;
        while (le < win.length && win[le]! <= x) le++;
        expect(p.update(x)).toBe(le / win.length);
      });
    }));
  });
  it('the tree keeps counts through many inserts and deletes', () => {
    const t = new OrderStatisticTree(4);
    for (let i = 0; i < 1000; i++) t.insert(i % 10);
    expect(t.count).toBe(1000);
    expect(t.countLess(5)).toBe(500);
    for (let i = 0; i < 10; i++) expect(t.delete(i)).toBe(true);
    expect(t.delete(42)).toBe(false);
    expect(t.count).toBe(990);
    expect(t.countLessOrEqual(0)).toBe(99);
  });
});

describe('microstructure', () => {
  it('mid, spread_bps, depth_top1_usdt, liq_score', () => {
    expect(mid(99, 101)).toBe(100);
    expect(spreadBps(99.99, 100.01)).toBeCloseTo(2, 9);
    expect(depthTop1Usdt(99, 3, 101, 2)).toBe(200);
    expect(liqScore(50_000, 100_000)).toBe(0.5);
    expect(liqScore(250_000, 100_000)).toBe(1);
    expect(() => liqScore(1, 0)).toThrow(/threshold/);
  });
});

describe('bar aggregation', () => {
  const m = 60_000;
  it('aggregates 1m into 5m and reports gaps without inventing minutes', () => {
    const agg = new BarAggregator('5m');
    const done = [];
    for (const t of [0, 1, 2, 4, 5, 6, 12]) done.push(...agg.push({ openTime: t * m, open: t, high: t + 1, low: t - 1, close: t + 0.5, volume: 1 }));
    done.push(agg.flush()!);
    expect(done.map((b) => [b.openTime / m, b.open, b.high, b.low, b.close, b.volume, b.minutes, b.complete])).toEqual([
      [0, 0, 5, -1, 4.5, 4, 4, false], [5, 5, 7, 4, 6.5, 2, 2, false], [10, 12, 13, 11, 12.5, 1, 1, false],
    ]);
    expect(agg.gaps).toEqual([{ fromOpenTime: 3 * m, toOpenTime: 3 * m, missingBars: 1 }, { fromOpenTime: 7 * m, toOpenTime: 11 * m, missingBars: 5 }]);
  });
  it('rejects out-of-order and unaligned bars by field', () => {
    const agg = new BarAggregator('1h');
    agg.push({ openTime: 5 * m, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    expect(() => agg.push({ openTime: 5 * m, open: 1, high: 1, low: 1, close: 1, volume: 1 })).toThrow(/openTime/);
    expect(() => agg.push({ openTime: 6 * m + 1, open: 1, high: 1, low: 1, close: 1, volume: 1 })).toThrow(/openTime/);
  });
  it('real data: BTCUSDT 5m aggregated to 1h equals Binance 1h bars exactly', { skip: !hasMarketData }, () => {
    const fives = readKlines('binance-um_BTCUSDT_5m.csv');
    const hours = new Map(readKlines('binance-um_BTCUSDT_1h.csv').map((b) => [b.openTime, b]));
    const agg = new BarAggregator('1h', '5m');
    let matched = 0;
    for (const b of fives) for (const h of agg.push(b)) {
      const ref = hours.get(h.openTime);
      if (!ref) continue;
      expect([h.open, h.high, h.low, h.close, h.complete]).toEqual([ref.open, ref.high, ref.low, ref.close, true]);
      expect(h.volume).toBeCloseTo(ref.volume, 6);
      matched++;
    }
    expect(matched).toBeGreaterThan(800);
    expect(agg.gaps).toEqual([]);
  });
  it('real data: the COIN-M 1m day reports its one missing minute', { skip: !hasMarketData }, () => {
    const agg = new BarAggregator('1d');
    for (const b of readKlines('binance-cm_BTCUSD-PERP_1m_2022-12-13.csv')) agg.push(b);
    const day = agg.flush()!;
    expect(agg.gaps).toHaveLength(1);
    expect(agg.gaps[0]!.missingBars).toBe(1);
    expect([day.minutes, day.expected, day.complete]).toEqual([1439, 1440, false]);
  });
});

describe('kline features', () => {
  it('corr is empty for rows the pair lacks and uses aligned returns across them', () => {
    const f = new KlineFeatures({ atrN: 2, rvWindow: 2, corrWindow: 2 });
    const rows = [[100, 10], [101, 10.1], [102, NaN], [104, 10.5], [103, 10.2]].map(([c, p]) => ({ ...f.update(c! + 1, c! - 1, c!, p!) }));
    expect(rows.map((r) => Number.isNaN(r.corr))).toEqual([true, true, true, false, false]);
    expect(rows[1]!.logReturn).toBeCloseTo(Math.log(101 / 100), 12);
    expect(rows[0]!.tr).toBe(2);
    expect(rows[1]!.atr).toBe(2);
  });
});
