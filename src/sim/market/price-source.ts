/**
 * Where a symbol's mid price comes from: a seeded synthetic process (log-price random walk whose
 * log-volatility mean-reverts, giving volatility clusters, plus rare jumps), or a replay of a
 * Binance kline CSV interpolated through each bar's open → low/high → close path.
 */
import { readFileSync } from 'node:fs';
import { headerColumns, parseKlineRow, type KlineColumns } from '../../core/features/kline-csv.ts';
import { Rng } from './rng.ts';

export interface PriceSource {
  /** The mid price after advancing to `t` (ms); calls come with non-decreasing t. */
  advance(t: number): number;
  /** Moves the price by a relative jump from now on (control API: flash crashes, liquidation tests). */
  shock(relative: number): void;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface SyntheticParams {
  /** Long-run annualised volatility (0.6 = 60 %). */
  annualVol: number;
  /** Volatility of log-volatility, per sqrt(year). */
  volOfVol: number;
  /** Mean-reversion speed of log-volatility, per year. */
  reversion: number;
  /** Expected jumps per day and their standard deviation (log-return). */
  jumpsPerDay: number;
  jumpStd: number;
}

export const DEFAULT_SYNTHETIC: SyntheticParams = { annualVol: 0.6, volOfVol: 3, reversion: 200, jumpsPerDay: 2, jumpStd: 0.006 };

export class SyntheticPrice implements PriceSource {
  private logPrice: number;
  private logVol: number;
  private t: number;
  private readonly rng: Rng;

  constructor(start: number, startTime: number, seed: number, salt: number, private readonly p: SyntheticParams = DEFAULT_SYNTHETIC) {
    this.logPrice = Math.log(start);
    this.logVol = Math.log(p.annualVol);
    this.t = startTime;
    this.rng = new Rng(seed, salt);
  }

  advance(t: number): number {
    if (t > this.t) {
      const dtYears = (t - this.t) / YEAR_MS;
      const sq = Math.sqrt(dtYears);
      this.logVol += this.p.reversion * (Math.log(this.p.annualVol) - this.logVol) * dtYears + this.p.volOfVol * sq * this.rng.gauss();
      const vol = Math.exp(this.logVol);
      let r = -0.5 * vol * vol * dtYears + vol * sq * this.rng.gauss();
      const jumpP = (this.p.jumpsPerDay * (t - this.t)) / 86_400_000;
      if (this.rng.next() < jumpP) r += this.p.jumpStd * this.rng.gauss();
      this.logPrice += r;
      this.t = t;
    }
    return Math.exp(this.logPrice);
  }

  shock(relative: number): void { this.logPrice += Math.log1p(relative); }
}

interface ReplayBar { openTime: number; open: number; high: number; low: number; close: number; }

/** Replays kline bars: inside a bar the price moves open → (low, high or high, low) → close linearly. */
export class KlineReplayPrice implements PriceSource {
  private i = 0;
  private factor = 1;
  constructor(private readonly bars: ReplayBar[], private readonly barMs: number) {
    if (bars.length === 0) throw new Error('kline replay needs at least one bar');
  }

  static fromCsv(path: string, barMs: number): KlineReplayPrice {
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
    let cols: KlineColumns | undefined;
    let openIdx = 1; // Binance's column order: open_time, open, high, low, close, …
    const bars: ReplayBar[] = [];
    lines.forEach((line, n) => {
      if (n === 0) {
        cols = headerColumns(line) ?? undefined;
        if (cols) { openIdx = line.split(',').map((c) => c.trim().toLowerCase()).indexOf('open'); if (openIdx < 0) throw new Error(`${path}: header has no "open" column`); return; }
      }
      const r = parseKlineRow(line, cols);
      bars.push({ openTime: r.openTime, open: Number(line.split(',')[openIdx]), high: r.high, low: r.low, close: r.close });
    });
    return new KlineReplayPrice(bars, barMs);
  }

  get startTime(): number { return this.bars[0]!.openTime; }

  advance(t: number): number {
    while (this.i + 1 < this.bars.length && this.bars[this.i + 1]!.openTime <= t) this.i++;
    const b = this.bars[this.i]!;
    const f = Math.min(Math.max((t - b.openTime) / this.barMs, 0), 1);
    const path = b.close >= b.open ? [b.open, b.low, b.high, b.close] : [b.open, b.high, b.low, b.close];
    const seg = Math.min(Math.floor(f * 3), 2);
    const local = f * 3 - seg;
    return (path[seg]! + (path[seg + 1]! - path[seg]!) * local) * this.factor;
  }

  shock(relative: number): void { this.factor *= 1 + relative; }
}
