/** The routing table (SPEC §6): maker wait and TWAP shape by order notional. Versioned in S10. */
import { dec, type DecLike } from '../money/decimal.ts';

export interface RoutingRow { minNotional: number; makerWaitMs: number; twapSlices: number; sliceIntervalMs: number | null; }

export const DEFAULT_ROUTING_TABLE: readonly RoutingRow[] = [
  { minNotional: 0, makerWaitMs: 1500, twapSlices: 1, sliceIntervalMs: null },
  { minNotional: 200, makerWaitMs: 2000, twapSlices: 2, sliceIntervalMs: 600 },
  { minNotional: 500, makerWaitMs: 2500, twapSlices: 3, sliceIntervalMs: 800 },
  { minNotional: 1000, makerWaitMs: 3000, twapSlices: 4, sliceIntervalMs: 1000 },
];

/** The row whose band holds `notional` (bands are [min, next min)); rows must be sorted, first at 0. */
export function routeFor(notional: DecLike, table: readonly RoutingRow[] = DEFAULT_ROUTING_TABLE): RoutingRow {
  const n = dec(notional, 'notional');
  if (n.lt(0)) throw new RangeError(`notional must be ≥ 0, got ${n}`);
  if (table.length === 0 || table[0]!.minNotional !== 0) throw new RangeError('routing table must start at notional 0');
  let row = table[0]!;
  for (const r of table) {
    if (r.minNotional < row.minNotional) throw new RangeError('routing table must be sorted by minNotional');
    if (n.gte(r.minNotional)) row = r;
  }
  return row;
}
