import { describe, expect, it } from 'vitest';
import { isTradewindError } from '../errors.ts';
import { combineMultipliers, DEFAULT_CLAMPS, finalSizeMultiplier, mlSizeMultiplier } from './size-multiplier.ts';
import { canTransition, transition, transactionStates } from './transaction-state.ts';

describe('size multipliers', () => {
  it.each([[0.9, 1.2], [0.85, 1.0], [0.6, 1.0], [0.59, 0.5], [0.4, 0.5]])('p = %s → ×%s', (p, m) => {
    expect(mlSizeMultiplier(p)).toEqual({ skip: false, mult: m });
  });
  it('p < 0.4 skips; p outside [0,1] is an error', () => {
    expect(mlSizeMultiplier(0.39).skip).toBe(true);
    expect(() => mlSizeMultiplier(1.2)).toThrow(/probability/);
    expect(() => mlSizeMultiplier(NaN)).toThrow(/probability/);
  });
  it('rule multipliers multiply, then clamp; the model multiplies in, then clamp again', () => {
    expect(combineMultipliers([1.5, 1.5], DEFAULT_CLAMPS.size_mult)).toBe(2);
    expect(combineMultipliers([0.5, 0.4], DEFAULT_CLAMPS.size_mult)).toBe(0.25);
    expect(combineMultipliers([], DEFAULT_CLAMPS.size_mult)).toBe(1);
    expect(finalSizeMultiplier(1.5, 0.9)).toBeCloseTo(1.8, 12);
    expect(finalSizeMultiplier(2, 0.9)).toBe(2);
    expect(finalSizeMultiplier(1, 0.1)).toBeNull();
    expect(finalSizeMultiplier(0.3, 0.5)).toBe(0.25);
    expect(() => combineMultipliers([-1], DEFAULT_CLAMPS.size_mult)).toThrow(/multiplier/);
  });
});

describe('transaction state machine', () => {
  it('the happy path and the documented side exits', () => {
    expect(transition('PENDING_ENTRY', 'ACTIVE')).toBe('ACTIVE');
    expect(transition('ACTIVE', 'PENDING_CLOSING')).toBe('PENDING_CLOSING');
    expect(transition('PENDING_CLOSING', 'CLOSED')).toBe('CLOSED');
    expect(transition('PENDING_ENTRY', 'CLOSED')).toBe('CLOSED');
    expect(transition('PENDING_CLOSING', 'ACTIVE')).toBe('ACTIVE');
  });
  it('every other move is a typed TW_ERR_ILLEGAL_TRANSITION', () => {
    const legal = new Set(['PENDING_ENTRY>ACTIVE', 'PENDING_ENTRY>CLOSED', 'ACTIVE>PENDING_CLOSING', 'PENDING_CLOSING>CLOSED', 'PENDING_CLOSING>ACTIVE']);
    for (const from of transactionStates) for (const to of transactionStates) {
      const key = `${from}>${to}`;
      expect(canTransition(from, to)).toBe(legal.has(key));
      if (legal.has(key)) continue;
      try { transition(from, to); throw new Error(`${key} was allowed`); } catch (e) {
        expect(isTradewindError(e, 'TW_ERR_ILLEGAL_TRANSITION')).toBe(true);
        expect((e as Error).message).toBe(`transition ${from} → ${to} is not allowed`);
      }
    }
  });
  it('an unknown state names the field', () => {
    expect(() => transition('OPEN' as never, 'CLOSED')).toThrow(/state/);
  });
});
