/** Realized volatility `rv_m = sqrt(252) × std(r_{t−m+1..t})` (SPEC §1.2; 252 kept from the original). */
import { RollingStd } from './rolling-stats.ts';

export const TRADING_DAYS_PER_YEAR = 252;
export const ANNUALIZATION_FACTOR = Math.sqrt(TRADING_DAYS_PER_YEAR);

export class RealizedVol {
  private readonly std: RollingStd;
  constructor(window: number) { this.std = new RollingStd(window); }
  /** Adds a log return; returns rv, NaN until the window is full. */
  update(logReturn: number): number { return ANNUALIZATION_FACTOR * this.std.update(logReturn); }
}
