/**
 * TWAP slicing (SPEC §1.8): N slices every Δt with optional jitter U(−ε, ε) on the interval. Slices
 * are stepSize multiples, each at least minNotional at the reference price; when N slices cannot
 * all meet it, fewer (larger) slices are used; the remainder goes in the last slice.
 */
import { dec, roundToStep, type Dec, type DecLike } from '../money/decimal.ts';

export interface TwapSlice { index: number; qty: Dec; offsetMs: number; }
/** A random source in [0, 1): injected so plans are reproducible (seeded in tests and replays). */
export type RandomSource = () => number;

export function twapPlan(input: { totalQty: DecLike; slices: number; intervalMs: number; jitter?: number; stepSize: DecLike; minNotional: DecLike; refPrice: DecLike; random?: RandomSource }): TwapSlice[] {
  const total = dec(input.totalQty, 'totalQty');
  if (total.lte(0)) throw new RangeError(`totalQty must be > 0, got ${total}`);
  if (!Number.isInteger(input.slices) || input.slices < 1) throw new RangeError(`slices must be an integer ≥ 1, got ${input.slices}`);
  const jitter = input.jitter ?? 0;
  if (jitter < 0 || jitter >= 1) throw new RangeError(`jitter must be in [0, 1), got ${jitter}`);
  if (jitter > 0 && !input.random) throw new RangeError('jitter needs an injected random source');
  if (!total.mod(dec(input.stepSize, 'stepSize')).isZero()) throw new RangeError(`totalQty ${total} is not a multiple of stepSize ${input.stepSize}`);
  const price = dec(input.refPrice, 'refPrice');
  const minNotional = dec(input.minNotional, 'minNotional');

  let n = input.slices;
  let base = roundToStep(total.div(n), input.stepSize, 'down');
  while (n > 1 && (base.lte(0) || base.mul(price).lt(minNotional))) {
    n--;
    base = roundToStep(total.div(n), input.stepSize, 'down');
  }
  if (n === 1) base = total;
  const out: TwapSlice[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const u = jitter > 0 ? input.random!() * 2 - 1 : 0;
      offset += Math.round(input.intervalMs * (1 + jitter * u));
    }
    const qty = i === n - 1 ? total.sub(base.mul(n - 1)) : base;
    out.push({ index: i, qty, offsetMs: offset });
  }
  return out;
}
