/** Size multipliers (SPEC §1.4, §1.5): rule multipliers multiply then clamp; the model's piecewise multiplier. */

export interface ClampRange { min: number; max: number; }
/** Default clamp ranges of the rule actions (SPEC §1.4 Decision), configurable in the bundle. */
export const DEFAULT_CLAMPS = { size_mult: { min: 0.25, max: 2 }, tp_mult: { min: 0.5, max: 3 }, sl_mult: { min: 0.5, max: 2 } } as const satisfies Record<string, ClampRange>;

export function clamp(x: number, range: ClampRange): number {
  if (Number.isNaN(x)) throw new RangeError('cannot clamp NaN');
  return x < range.min ? range.min : x > range.max ? range.max : x;
}

/** Product of the multipliers of every matching rule, clamped (1 when none matched). */
export function combineMultipliers(multipliers: readonly number[], range: ClampRange): number {
  let m = 1;
  for (const x of multipliers) {
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`multiplier must be a finite number ≥ 0, got ${x}`);
    m *= x;
  }
  return clamp(m, range);
}

export type MlSizing = { skip: true; mult: 0 } | { skip: false; mult: number };

/** `p > 0.85 → ×1.2; 0.6 ≤ p ≤ 0.85 → ×1.0; 0.4 ≤ p < 0.6 → ×0.5; p < 0.4 → skip`. */
export function mlSizeMultiplier(p: number): MlSizing {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`model probability must be in [0, 1], got ${p}`);
  if (p > 0.85) return { skip: false, mult: 1.2 };
  if (p >= 0.6) return { skip: false, mult: 1.0 };
  if (p >= 0.4) return { skip: false, mult: 0.5 };
  return { skip: true, mult: 0 };
}

/** `size_mult = clamp(size_mult_rules × size_mult_ml)`; null when the model says skip. */
export function finalSizeMultiplier(rulesMult: number, p: number | null, range: ClampRange = DEFAULT_CLAMPS.size_mult): number | null {
  if (p === null) return clamp(rulesMult, range);
  const ml = mlSizeMultiplier(p);
  return ml.skip ? null : clamp(rulesMult * ml.mult, range);
}
