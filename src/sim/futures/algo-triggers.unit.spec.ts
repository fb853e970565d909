import { describe, expect, it } from 'vitest';
import { conditionMet, trailingFires } from './algo-triggers.ts';

describe('algo trigger rules', () => {
  it.each([
    ['STOP_MARKET', 'SELL', 99, true], ['STOP_MARKET', 'SELL', 101, false], ['STOP_MARKET', 'BUY', 101, true], ['STOP', 'BUY', 99, false],
    ['TAKE_PROFIT_MARKET', 'SELL', 101, true], ['TAKE_PROFIT', 'SELL', 99, false], ['TAKE_PROFIT_MARKET', 'BUY', 99, true],
  ] as const)('%s %s at price %s (trigger 100) → %s', (orderType, side, price, want) => {
    expect(conditionMet({ orderType, side, triggerTicks: 1000 }, price, 0.1)).toBe(want);
  });
  it('a SELL trailing stop waits for activation, follows the high and fires on the callback', () => {
    const t = { activated: false, activateTicks: 1050, extreme: null as number | null, callbackRate: 1, side: 'SELL' as const };
    expect(trailingFires(t, 104, 0.1)).toBe(false); // below activation 105
    expect(trailingFires(t, 106, 0.1)).toBe(false);
    expect(trailingFires(t, 110, 0.1)).toBe(false);
    expect(t.extreme).toBe(110);
    expect(trailingFires(t, 108.95, 0.1)).toBe(false); // 110 × 0.99 = 108.9
    expect(trailingFires(t, 108.9, 0.1)).toBe(true);
  });
});
