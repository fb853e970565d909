import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, isMultipleOf } from '../money/decimal.ts';
import { routeFor } from './routing-table.ts';
import { slipBps, vwap } from './slippage.ts';
import { twapPlan } from './twap.ts';

const seeded = (seed: number) => () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };

describe('routing table', () => {
  it.each([[0, 1500, 1], [199.99, 1500, 1], [200, 2000, 2], [750, 2500, 3], [1000, 3000, 4], [1e9, 3000, 4]])('%s USDT → wait %s ms, %s slices', (n, wait, slices) => {
    const r = routeFor(n);
    expect([r.makerWaitMs, r.twapSlices]).toEqual([wait, slices]);
  });
  it('rejects a negative notional', () => expect(() => routeFor(-1)).toThrow(/notional/));
});

describe('TWAP', () => {
  it('even slices, remainder in the last, interval offsets', () => {
    const plan = twapPlan({ totalQty: '0.010', slices: 3, intervalMs: 800, stepSize: '0.001', minNotional: '100', refPrice: '60000' });
    expect(plan.map((s) => [s.qty.toString(), s.offsetMs])).toEqual([['0.003', 0], ['0.003', 800], ['0.004', 1600]]);
  });
  it('fewer slices when N would break minNotional', () => {
    const plan = twapPlan({ totalQty: '0.005', slices: 4, intervalMs: 1000, stepSize: '0.001', minNotional: '100', refPrice: '60000' });
    expect(plan.map((s) => s.qty.toString())).toEqual(['0.002', '0.003']);
  });
  it('jitter comes from the injected random source and stays within ±ε', () => {
    const a = twapPlan({ totalQty: '4', slices: 4, intervalMs: 1000, jitter: 0.2, stepSize: '1', minNotional: '1', refPrice: '100', random: seeded(7) });
    const b = twapPlan({ totalQty: '4', slices: 4, intervalMs: 1000, jitter: 0.2, stepSize: '1', minNotional: '1', refPrice: '100', random: seeded(7) });
    expect(a.map((s) => s.offsetMs)).toEqual(b.map((s) => s.offsetMs));
    for (let i = 1; i < a.length; i++) { const d = a[i]!.offsetMs - a[i - 1]!.offsetMs; expect(d).toBeGreaterThanOrEqual(800); expect(d).toBeLessThanOrEqual(1200); }
    expect(() => twapPlan({ totalQty: '4', slices: 2, intervalMs: 1, jitter: 0.1, stepSize: '1', minNotional: '1', refPrice: '1' })).toThrow(/random source/);
  });
  it('property: slices sum to the total, are step multiples and each meets minNotional when N > 1', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 100_000 }), (units, n, priceInt) => {
      const total = dec(units).mul('0.001'), price = dec(priceInt);
      const plan = twapPlan({ totalQty: total, slices: n, intervalMs: 500, stepSize: '0.001', minNotional: '5', refPrice: price });
      expect(plan.reduce((s, x) => s.add(x.qty), dec(0)).eq(total)).toBe(true);
      for (const s of plan) expect(isMultipleOf(s.qty, '0.001') && s.qty.gt(0)).toBe(true);
      if (plan.length > 1) for (const s of plan) expect(s.qty.mul(price).gte(5)).toBe(true);
    }));
  });
});

describe('VWAP and slippage', () => {
  it('VWAP of fills; slip positive = cost on both sides', () => {
    expect(vwap([{ price: '100', qty: '1' }, { price: '101', qty: '3' }]).toString()).toBe('100.75');
    expect(slipBps('BUY', '100.75', '100.5')).toBeCloseTo(24.8756, 3);
    expect(slipBps('SELL', '100.25', '100.5')).toBeCloseTo(24.8756, 3);
    expect(slipBps('SELL', '100.75', '100.5')).toBeCloseTo(-24.8756, 3);
  });
});
