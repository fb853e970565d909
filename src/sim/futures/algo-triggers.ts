/**
 * When a conditional (algo) order fires (binance-protocol.md §2.10): STOP / STOP_MARKET BUY when the
 * working price ≥ trigger, SELL when ≤; TAKE_PROFIT(_MARKET) the other way round; a trailing stop
 * activates at its activation price (or at once), tracks the best price since, and fires on a
 * `callbackRate` % retreat from it.
 */
import type { AlgoOrder } from './types.ts';

export function conditionMet(algo: Pick<AlgoOrder, 'triggerTicks' | 'orderType' | 'side'>, price: number, tick: number): boolean {
  if (algo.triggerTicks === null) return false;
  const trigger = algo.triggerTicks * tick;
  const stop = algo.orderType === 'STOP' || algo.orderType === 'STOP_MARKET';
  return stop === (algo.side === 'BUY') ? price >= trigger : price <= trigger;
}

/** Updates a trailing stop with a new price; true when it fires. Mutates `activated` and `extreme`. */
export function trailingFires(algo: Pick<AlgoOrder, 'activated' | 'activateTicks' | 'extreme' | 'callbackRate' | 'side'>, price: number, tick: number): boolean {
  if (!algo.activated) {
    const act = algo.activateTicks! * tick;
    if (algo.side === 'SELL' ? price >= act : price <= act) algo.activated = true; else return false;
  }
  algo.extreme = algo.extreme === null ? price : algo.side === 'SELL' ? Math.max(algo.extreme, price) : Math.min(algo.extreme, price);
  const rate = algo.callbackRate! / 100;
  return algo.side === 'SELL' ? price <= algo.extreme * (1 - rate) : price >= algo.extreme * (1 + rate);
}
