import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTradewindError } from '../errors.ts';
import { dec, formatToStep, isMultipleOf, roundToStep, stepDecimals, toExchange } from './decimal.ts';
import { checkOrder, type InstrumentRules } from './filters.ts';

describe('roundToStep', () => {
  it.each([
    ['0.30000000000000004', '0.1', 'down', '0.3'],
    [0.1 + 0.2, '0.1', 'up', '0.4'], // the float is 0.30000000000000004: up must go to 0.4, not stay at 0.3
    ['0.3', '0.1', 'up', '0.3'],
    ['1.23456789', '0.00000001', 'down', '1.23456789'],
    ['0.000000015', '0.00000001', 'nearest', '0.00000002'],
    ['0.000000015', '0.00000001', 'down', '0.00000001'],
    ['12.7', '5', 'down', '10'],
    ['12.5', '5', 'nearest', '15'],
    ['12.4', '5', 'nearest', '10'],
    ['0.0019', '0.001', 'down', '0.001'],
    ['-1.25', '0.1', 'down', '-1.3'],
    ['-1.25', '0.1', 'up', '-1.2'],
    ['117017.149', '0.1', 'nearest', '117017.1'],
    ['3.0', '0.25', 'up', '3'],
  ] as const)('%s to step %s %s → %s', (v, step, mode, want) => {
    expect(roundToStep(v, step, mode).toString()).toBe(want);
  });

  it('formats to the step decimals, no exponent', () => {
    expect(toExchange('0.1', '0.01', 'down')).toBe('0.10');
    expect(toExchange('1e-8', '0.00000001', 'down')).toBe('0.00000001');
    expect(toExchange('123456789.987', '1', 'down')).toBe('123456789');
    expect(formatToStep('5', '0.001')).toBe('5.000');
    expect(stepDecimals('0.00100000')).toBe(3);
    expect(stepDecimals('5')).toBe(0);
  });

  it('names the field on bad input and rejects a zero step', () => {
    const bad = (f: () => unknown, field: string) => {
      try { f(); throw new Error('no throw'); } catch (e) { expect(isTradewindError(e, 'TW_ERR_VALIDATION')).toBe(true); expect((e as Error).message).toContain(field); }
    };
    bad(() => roundToStep('abc', '0.1', 'down', 'price'), 'price');
    bad(() => roundToStep('1', '0', 'down'), 'step');
    bad(() => dec(NaN, 'qty'), 'qty');
    bad(() => dec('1,5', 'qty'), 'qty');
  });

  it('property: a rounded value is a multiple of the step, within one step, on the asked side', () => {
    const steps = ['0.1', '0.01', '0.001', '0.00000001', '5', '0.25', '1'];
    // 40 significant digits: values are bounded away from subnormals, as prices and quantities are
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-20), fc.constantFrom(...steps), (v, step) => {
      const down = roundToStep(v, step, 'down'), up = roundToStep(v, step, 'up'), near = roundToStep(v, step, 'nearest');
      const x = dec(v);
      for (const r of [down, up, near]) expect(isMultipleOf(r, step)).toBe(true);
      expect(down.lte(x) && x.sub(down).lt(step)).toBe(true);
      expect(up.gte(x) && up.sub(x).lt(step)).toBe(true);
      expect(near.sub(x).abs().lte(dec(step).div(2))).toBe(true);
    }));
  });

  it('property: rounded-down qty × price never exceeds the budget', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 2e5, noNaN: true }), fc.constantFrom('0.001', '0.00000001', '1', '5', '0.1'),
      (budget, price, step) => {
        const p = roundToStep(price, '0.01', 'nearest');
        fc.pre(p.gt(0));
        const qty = roundToStep(dec(budget).div(p), step, 'down');
        expect(qty.mul(p).lte(dec(budget))).toBe(true);
      }));
  });
});

describe('checkOrder', () => {
  const btc: InstrumentRules = { symbol: 'BTCUSDT', tickSize: '0.10', minPrice: '556.80', maxPrice: '4529764', stepSize: '0.001', minQty: '0.001', maxQty: '1000', marketStepSize: '0.001', marketMaxQty: '120', minNotional: '100', percentPrice: { multiplierUp: '1.0500', multiplierDown: '0.9500' } };

  it('accepts a valid order', () => {
    expect(checkOrder(btc, { type: 'LIMIT', qty: '0.002', price: '60000.10', referencePrice: '60010' })).toEqual([]);
  });
  it('names each violated filter', () => {
    const v = checkOrder(btc, { type: 'LIMIT', qty: '0.0015', price: '60000.15', referencePrice: '50000' });
    expect(v.map((x) => `${x.filter}:${x.reason}`).sort()).toEqual(['LOT_SIZE:step', 'MIN_NOTIONAL:min', 'PERCENT_PRICE:up', 'PRICE_FILTER:tick']);
    expect(checkOrder(btc, { type: 'MARKET', qty: '130', price: '60000' }).map((x) => `${x.filter}:${x.reason}`)).toEqual(['MARKET_LOT_SIZE:max']);
    expect(checkOrder(btc, { type: 'LIMIT', qty: '0.002', price: '500', referencePrice: '500' }).map((x) => `${x.filter}:${x.reason}`)).toContain('PRICE_FILTER:min');
    expect(checkOrder(btc, { type: 'LIMIT', qty: '1', price: '56000', referencePrice: '60000' }).map((x) => `${x.filter}:${x.reason}`)).toEqual(['PERCENT_PRICE:down']);
  });
});
