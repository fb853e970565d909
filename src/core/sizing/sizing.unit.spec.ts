import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, isMultipleOf, roundToStep } from '../money/decimal.ts';
import { futuresEntrySize, spotEntrySize } from './entry-size.ts';
import { addOnDue, isolatedLiquidationPrice, partialTakeProfitQty, roe, trailingStepFor } from './position-math.ts';
import { averageEntry, netPnlAtExit, priceThatNets, stopDistance, stopLossPrice, takeProfitPrice } from './protection.ts';

const btc = { stepSize: '0.001', minQty: '0.001', maxQty: '1000', minNotional: '100' };

describe('entry sizing', () => {
  it('FUT: margin 20 × size_mult, × leverage, floored to step; margin recomputed from what is bought', () => {
    const r = futuresEntrySize({ sizeMult: '1.2', leverage: 10, price: '60000', rules: btc });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.qty.toString()).toBe('0.004'); // 240 / 60000 = 0.004
    expect(r.notional.toString()).toBe('240');
    expect(r.margin!.toString()).toBe('24');
    const floored = futuresEntrySize({ sizeMult: '1', leverage: 10, price: '61000', rules: btc });
    expect(floored.ok && floored.qty.toString()).toBe('0.003'); // 200/61000 = 0.00327… → 0.003
  });
  it('FUT: skips below minNotional / minQty with the reason', () => {
    const r = futuresEntrySize({ sizeMult: '0.25', leverage: 5, price: '60000', rules: btc });
    expect(r).toMatchObject({ ok: false, reason: 'below_min_qty' }); // 25/60000 = 0.0004 → 0
    const n = futuresEntrySize({ sizeMult: '1', leverage: 5, price: '60000', rules: btc });
    expect(n).toMatchObject({ ok: false, reason: 'below_min_notional' }); // qty .001 → 60 < 100
    expect(() => futuresEntrySize({ sizeMult: '1', leverage: 0, price: '1', rules: btc })).toThrow(/leverage/);
  });
  it('SPOT: floor(quote_budget / price)', () => {
    const r = spotEntrySize({ quoteBudget: '500', price: '3000.5', rules: { stepSize: '0.0001', minQty: '0.0001', maxQty: '9000', minNotional: '5' } });
    expect(r.ok && r.qty.toString()).toBe('0.1666');
  });
  it('property: rounded qty × price never exceeds margin × leverage', () => {
    fc.assert(fc.property(fc.integer({ min: 25, max: 200 }), fc.integer({ min: 1, max: 125 }), fc.integer({ min: 100, max: 20_000_000 }), (multPct, lev, priceCents) => {
      const price = dec(priceCents).div(100);
      const r = futuresEntrySize({ sizeMult: dec(multPct).div(100), leverage: lev, price, rules: { ...btc, minQty: '0', minNotional: '0' } });
      if (!r.ok) return;
      expect(r.qty.mul(price).lte(dec(20).mul(dec(multPct).div(100)).mul(lev))).toBe(true);
      expect(isMultipleOf(r.qty, btc.stepSize)).toBe(true);
    }));
  });
});

describe('stop loss', () => {
  it('d = min(ATR_mult × ATR, max_loss / qty), SL rounded toward the entry', () => {
    expect(stopDistance({ atr: 100, atrMult: '1.5', maxLossUsdt: '5', qty: '0.01' }).toString()).toBe('150');
    expect(stopDistance({ atr: 1000, atrMult: '1.5', maxLossUsdt: '5', qty: '0.01' }).toString()).toBe('500');
    expect(stopDistance({ atr: null, atrMult: '1.5', maxLossUsdt: '5', qty: '0.01' }).toString()).toBe('500');
    expect(stopLossPrice({ side: 'LONG', entry: '60000.05', distance: '150.07', tickSize: '0.1' }).toString()).toBe('59850'); // 59849.98 → up
    expect(stopLossPrice({ side: 'SHORT', entry: '60000.05', distance: '150.07', tickSize: '0.1' }).toString()).toBe('60150.1'); // 60150.12 → down
  });
  it('property: the stop never risks more than max_loss_usdt (plus fees, paid separately)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 100_00, max: 100_000_00 }), fc.double({ min: 0, max: 5000, noNaN: true }), fc.integer({ min: 1, max: 100 }), fc.constantFrom<'LONG' | 'SHORT'>('LONG', 'SHORT'), (qtyMilli, entryCents, atr, maxLoss, side) => {
      const qty = dec(qtyMilli).div(1000), entry = dec(entryCents).div(100);
      const d = stopDistance({ atr, atrMult: '1.5', maxLossUsdt: maxLoss, qty });
      const sl = stopLossPrice({ side, entry, distance: d, tickSize: '0.01' });
      const loss = (side === 'LONG' ? entry.sub(sl) : sl.sub(entry)).mul(qty);
      expect(loss.lte(maxLoss)).toBe(true);
      expect(isMultipleOf(sl, '0.01')).toBe(true);
    }));
  });
});

describe('take profit and "price that nets X"', () => {
  it('hand-checked long: 0.004 BTC @ 60000, margin 24, fees 0.04 % → TP nets ≥ 2.4 USDT', () => {
    const entryFees = dec('0.004').mul(60000).mul('0.0004'); // 0.096
    const tp = takeProfitPrice({ side: 'LONG', qty: '0.004', avgEntry: '60000', sumMargins: '24', entryFees, exitFeeRate: '0.0004', tickSize: '0.1' });
    // (2.4 + 0.096 + 240) / (0.004 × 0.9996) = 60648.259… → 60648.3
    expect(tp.toString()).toBe('60648.3');
    expect(netPnlAtExit({ side: 'LONG', qty: '0.004', avgEntry: '60000', entryFees, exitFeeRate: '0.0004', exitPrice: tp }).gte('2.4')).toBe(true);
    expect(netPnlAtExit({ side: 'LONG', qty: '0.004', avgEntry: '60000', entryFees, exitFeeRate: '0.0004', exitPrice: tp.sub('0.1') }).lt('2.4')).toBe(true);
  });
  it('breakeven is above the entry for a long and below for a short', () => {
    const be = (side: 'LONG' | 'SHORT') => priceThatNets({ side, qty: '1', avgEntry: '100', entryFees: '0.05', exitFeeRate: '0.0005', targetPnl: 0, tickSize: '0.01' });
    expect(be('LONG').toString()).toBe('100.11'); // 100.05/0.9995 = 100.1000…
    expect(be('SHORT').toString()).toBe('99.9'); // 99.95/1.0005 = 99.9000…
  });
  it('property: TP nets at least the target after entry and exit fees, both sides', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1_00, max: 100_000_00 }), fc.integer({ min: 1, max: 125 }), fc.integer({ min: 0, max: 10 }), fc.constantFrom<'LONG' | 'SHORT'>('LONG', 'SHORT'), (qtyMilli, entryCents, lev, feeBp, side) => {
      const qty = dec(qtyMilli).div(1000), avg = dec(entryCents).div(100), fee = dec(feeBp).div(10_000);
      const margin = qty.mul(avg).div(lev), entryFees = qty.mul(avg).mul(fee);
      const tp = takeProfitPrice({ side, qty, avgEntry: avg, sumMargins: margin, entryFees, exitFeeRate: fee, tickSize: '0.01' });
      fc.pre(tp.gt(0));
      expect(netPnlAtExit({ side, qty, avgEntry: avg, entryFees, exitFeeRate: fee, exitPrice: tp }).gte(margin.mul('0.1'))).toBe(true);
    }));
  });
  it('add-on average entry', () => {
    expect(averageEntry([{ price: '100', qty: '1' }, { price: '110', qty: '3' }]).toString()).toBe('107.5');
    expect(() => averageEntry([])).toThrow(/positive total/);
  });
});

describe('position math', () => {
  it('ROE, add-on thresholds, trailing steps, partial TP', () => {
    expect(roe('1.2', '24').toString()).toBe('0.05');
    expect(addOnDue(0, '0.05')).toBe(true);
    expect(addOnDue(1, '0.09')).toBe(false);
    expect(addOnDue(1, '0.10')).toBe(true);
    expect(addOnDue(2, '0.50')).toBe(false);
    expect(trailingStepFor('0.05')).toBeNull();
    expect(trailingStepFor('0.12')!.action).toBe('breakeven');
    expect(trailingStepFor('0.25')!.action).toBe('lock_profit');
    expect(partialTakeProfitQty(['0.004', '0.002'], '0.006', '0.001').toString()).toBe('0.004');
    expect(partialTakeProfitQty(['0.004'], '0.003', '0.001').toString()).toBe('0.003');
  });
  it('isolated liquidation price (Binance formula) and its sanity: a long liquidates below entry', () => {
    // 1 BTC long @ 60000, 10x → wallet 6000, MMR 0.4 %, cum 0: LP = (6000 − 60000) / (0.004 − 1) = 54216.867…
    const lp = isolatedLiquidationPrice({ side: 'LONG', qty: '1', entryPrice: '60000', isolatedWallet: '6000', maintMarginRate: '0.004', maintAmount: '0' });
    expect(lp.toDecimalPlaces(3).toString()).toBe('54216.867');
    const sp = isolatedLiquidationPrice({ side: 'SHORT', qty: '1', entryPrice: '60000', isolatedWallet: '6000', maintMarginRate: '0.004', maintAmount: '0' });
    expect(sp.toDecimalPlaces(3).toString()).toBe('65737.052'); // 66000 / 1.004
    // at LP the remaining margin equals the maintenance margin
    const equity = dec(6000).add(lp.sub(60000));
    expect(equity.sub(lp.mul('0.004')).abs().lt('1e-20')).toBe(true);
    expect(roundToStep(lp, '0.1', 'down').lt(60000)).toBe(true);
  });
});
