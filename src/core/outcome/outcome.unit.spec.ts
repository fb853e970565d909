import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equityCurve, flipPct, maxDrawdown, percentile, profitFactor, sharpe, winRate } from './performance.ts';
import { costShare, labelFor, netPnl, netRoi } from './pnl.ts';

describe('PnL, ROI, labels', () => {
  it('net_pnl = realized + unrealized − fees − funding, exact', () => {
    expect(netPnl({ realized: '10.1', unrealized: '-0.2', fees: '0.3', funding: '0.1' }).toString()).toBe('9.5');
    expect(netPnl({ realized: '0.1', unrealized: '0.2', fees: '0', funding: '-0.05' }).toString()).toBe('0.35'); // funding received
    expect(netRoi('2.4', '24').toString()).toBe('0.1');
    expect(() => netRoi('1', '0')).toThrow(/capital/);
  });
  it.each([['0.005', 'pos'], ['0.0049', 'neutral'], ['-0.005', 'neg'], ['0', 'neutral'], ['0.2', 'pos']] as const)('roi %s → %s', (roi, label) => {
    expect(labelFor(roi)).toBe(label);
  });
  it('cost_share', () => {
    expect(costShare('1', '0.5', '10')!.toString()).toBe('0.15');
    expect(costShare('1', '0', '0')).toBeNull();
  });
});

describe('performance statistics', () => {
  it('profit factor and win rate', () => {
    expect(profitFactor([10, -5, 5, -5])).toBe(1.5);
    expect(profitFactor([1, 2])).toBe(Infinity);
    expect(profitFactor([])).toBeNaN();
    expect(winRate([1, -1, 0, 2])).toBe(0.5);
  });
  it('Sharpe: hand-checked', () => {
    // returns 1 %, 2 %, 3 %: mean 2 %, sample std 1 % → 2 × sqrt(252)
    expect(sharpe([0.01, 0.02, 0.03], 252)).toBeCloseTo(2 * Math.sqrt(252), 9);
    expect(sharpe([0.01], 252)).toBeNaN();
    expect(sharpe([0.01, 0.01], 252)).toBeNaN();
  });
  it('max drawdown: absolute and share of the peak', () => {
    const dd = maxDrawdown([100, 120, 90, 130, 117, 125]);
    expect(dd).toEqual({ maxDrawdown: 30, maxDrawdownPct: 0.25, peakIndex: 1, troughIndex: 2 });
    expect(maxDrawdown([1, 2, 3]).maxDrawdown).toBe(0);
    expect(equityCurve(100, [5, -10])).toEqual([100, 105, 95]);
  });
  it('property: max drawdown equals the brute-force max over all (i ≤ j) of e_i − e_j', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 80 }), (xs) => {
      let want = 0;
      for (let i = 0; i < xs.length; i++) for (let j = i; j < xs.length; j++) want = Math.max(want, xs[i]! - xs[j]!);
      expect(maxDrawdown(xs).maxDrawdown).toBe(want);
    }));
  });
  it('percentiles (type 7, numpy default) and flip_pct', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 90)).toBeCloseTo(3.7, 12);
    expect(percentile([5], 99)).toBe(5);
    expect(() => percentile([1], 101)).toThrow(/percentile/);
    expect(flipPct(['enter', 'skip', 'enter', 'enter'], ['enter', 'enter', 'enter', 'skip'])).toBe(0.5);
    expect(() => flipPct([1], [])).toThrow(/equal-length/);
  });
});
