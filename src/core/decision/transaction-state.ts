/**
 * The transaction state machine (SPEC §1.10): PENDING_ENTRY → ACTIVE → PENDING_CLOSING → CLOSED.
 * Decision: an entry that never fills closes straight from PENDING_ENTRY, and a close that fails
 * (e.g. reduce-only rejected, partial) returns PENDING_CLOSING → ACTIVE. Anything else is a typed
 * TW_ERR_ILLEGAL_TRANSITION, never a silent overwrite.
 */
import { TradewindError } from '../errors.ts';

export const transactionStates = ['PENDING_ENTRY', 'ACTIVE', 'PENDING_CLOSING', 'CLOSED'] as const;
export type TransactionState = (typeof transactionStates)[number];

const allowed: Record<TransactionState, readonly TransactionState[]> = {
  PENDING_ENTRY: ['ACTIVE', 'CLOSED'],
  ACTIVE: ['PENDING_CLOSING'],
  PENDING_CLOSING: ['CLOSED', 'ACTIVE'],
  CLOSED: [],
};

export const canTransition = (from: TransactionState, to: TransactionState): boolean => allowed[from].includes(to);

/** Returns `to` when the move is legal; throws TW_ERR_ILLEGAL_TRANSITION otherwise. */
export function transition(from: TransactionState, to: TransactionState): TransactionState {
  if (!transactionStates.includes(from)) throw new TradewindError('TW_ERR_VALIDATION', ['state', JSON.stringify(from), transactionStates.join(' | ')]);
  if (!canTransition(from, to)) throw new TradewindError('TW_ERR_ILLEGAL_TRANSITION', [from, to], { details: { from, to, allowed: allowed[from] } });
  return to;
}
