/**
 * The simulated market: every listed symbol's price source, its FUT and SPOT books, mark price,
 * premium index and funding (settled every 8 h at 00:00/08:00/16:00 UTC), advanced in fixed steps
 * of simulated time. Step hooks let the matching engines and the streams react to each step.
 */
import { findSimSymbol, simSymbols, type SimSymbol } from '../markets/symbols.ts';
import { touch, type BookShape } from './book.ts';
import { KlineReplayPrice, SyntheticPrice, type PriceSource } from './price-source.ts';
import { hashString, Rng } from './rng.ts';
import { SymbolMarket, type Bar1m } from './symbol-market.ts';

export const STEP_MS = 100;
export const FUNDING_INTERVAL_MS = 8 * 3600 * 1000;
const HISTORY_MINUTES = 1500;
const INTEREST_RATE = 0.0001;

export interface SymbolState {
  def: SimSymbol;
  source: PriceSource;
  index: number;
  premium: number;
  premiumSum: number;
  premiumCount: number;
  lastFundingRate: number;
  fut: SymbolMarket;
  spot: SymbolMarket;
  fundingHistory: { fundingTime: number; fundingRate: number; markPrice: number }[];
  premiumRng: Rng;
}

export type StepHook = (time: number) => void;
export type FundingHook = (symbol: string, rate: number, markPrice: number, time: number) => void;

export interface MarketOptions { seed: number; startTime: number; replay?: Record<string, string>; }

export class Market {
  readonly symbols = new Map<string, SymbolState>();
  time: number;
  private readonly stepHooks: StepHook[] = [];
  private readonly fundingHooks: FundingHook[] = [];
  /** Synthetic USDT/TWD (TWD per USDT) for the FX feature: not a Binance market. */
  readonly usdtTwd: { source: SyntheticPrice; bars: Bar1m[] };

  constructor(readonly opts: MarketOptions) {
    this.time = opts.startTime - (opts.startTime % STEP_MS);
    for (const def of simSymbols) {
      const salt = hashString(def.symbol);
      const replayFile = opts.replay?.[def.symbol];
      const source: PriceSource = replayFile ? KlineReplayPrice.fromCsv(replayFile, 60_000) : new SyntheticPrice(Number(def.startPrice), this.time, opts.seed, salt);
      const index = source.advance(this.time);
      const seedBase = (opts.seed * 7919 + salt) >>> 0;
      const futShape: BookShape = { tick: Number(def.fut.tickSize), step: Number(def.fut.stepSize), levelNotional: 40_000, minHalfSpread: 0.00001, seed: seedBase };
      const spotShape: BookShape = { tick: Number(def.spot.tickSize), step: Number(def.spot.stepSize), levelNotional: 15_000, minHalfSpread: 0.00002, seed: (seedBase + 1) >>> 0 };
      const state: SymbolState = {
        def, source, index, premium: 0.0001, premiumSum: 0, premiumCount: 0, lastFundingRate: INTEREST_RATE,
        fut: new SymbolMarket('FUT', def.symbol, def.fut.tickSize, def.fut.stepSize, futShape, index * 1.0001, this.time),
        spot: new SymbolMarket('SPOT', def.symbol, def.spot.tickSize, def.spot.stepSize, spotShape, index, this.time),
        fundingHistory: [], premiumRng: new Rng(opts.seed, salt ^ 0x5bd1e995),
      };
      if (!replayFile) {
        const history = syntheticHistory(index, this.time, new Rng(opts.seed, salt ^ 0x1234567));
        state.spot.seedBars(history);
        state.fut.seedBars(history.map((b) => ({ ...b, open: b.open * 1.0001, high: b.high * 1.0001, low: b.low * 1.0001, close: b.close * 1.0001 })));
      }
      this.symbols.set(def.symbol, state);
    }
    const fx = new SyntheticPrice(32.1, this.time, opts.seed, 0x7477, { annualVol: 0.04, volOfVol: 0.5, reversion: 50, jumpsPerDay: 0, jumpStd: 0 });
    this.usdtTwd = { source: fx, bars: syntheticHistory(32.1, this.time, new Rng(opts.seed, 0x7478), 0.04) };
  }

  get(symbol: string): SymbolState | undefined { return findSimSymbol(symbol) ? this.symbols.get(symbol) : undefined; }
  onStep(hook: StepHook): void { this.stepHooks.push(hook); }
  onFunding(hook: FundingHook): void { this.fundingHooks.push(hook); }

  markPrice(s: SymbolState): number { return s.index * (1 + s.premium); }
  /** The funding rate that would settle now: P + clamp(I − P, ±0.05 %), P the period's mean premium. */
  predictedFundingRate(s: SymbolState): number {
    const p = s.premiumCount > 0 ? s.premiumSum / s.premiumCount : s.premium;
    return p + Math.min(Math.max(INTEREST_RATE - p, -0.0005), 0.0005);
  }
  nextFundingTime(time = this.time): number { return time - (time % FUNDING_INTERVAL_MS) + FUNDING_INTERVAL_MS; }

  /** Advances in STEP_MS steps until `target`. */
  advanceTo(target: number): void {
    while (this.time + STEP_MS <= target) this.step(this.time + STEP_MS);
  }

  private step(time: number): void {
    const crossesFunding = Math.floor(time / FUNDING_INTERVAL_MS) !== Math.floor(this.time / FUNDING_INTERVAL_MS);
    this.time = time;
    for (const s of this.symbols.values()) {
      s.index = s.source.advance(time);
      // premium: mean-reverting around the interest rate, small noise
      s.premium += 0.01 * (INTEREST_RATE - s.premium) + 0.00002 * s.premiumRng.gauss();
      s.premiumSum += s.premium; s.premiumCount++;
      s.spot.step(s.index, time);
      s.fut.step(s.index * (1 + s.premium), time);
      if (crossesFunding) {
        const rate = this.predictedFundingRate(s);
        const mark = this.markPrice(s);
        s.lastFundingRate = rate;
        s.fundingHistory.push({ fundingTime: time - (time % FUNDING_INTERVAL_MS), fundingRate: rate, markPrice: mark });
        s.premiumSum = 0; s.premiumCount = 0;
        for (const h of this.fundingHooks) h(s.def.symbol, rate, mark, time);
      }
    }
    const fx = this.usdtTwd.source.advance(time);
    touchFxBar(this.usdtTwd.bars, time, fx);
    for (const h of this.stepHooks) h(time);
  }

  /** Best bid/ask of a book in ticks (for the engines). */
  touchOf(m: SymbolMarket): { bid: number; ask: number } { return touch(m.mid, m.shape); }
}

/** 1m bars before `end`, walking backwards from `price` (a reversed random walk is a random walk). */
function syntheticHistory(price: number, end: number, rng: Rng, annualVol = 0.6): Bar1m[] {
  const sigma = annualVol * Math.sqrt(60_000 / (365 * 86_400_000));
  const bars: Bar1m[] = [];
  let close = price;
  const endMinute = end - (end % 60_000);
  for (let i = 1; i <= HISTORY_MINUTES; i++) {
    const open = close * Math.exp(-sigma * rng.gauss());
    const high = Math.max(open, close) * (1 + Math.abs(rng.gauss()) * sigma * 0.5);
    const low = Math.min(open, close) * (1 - Math.abs(rng.gauss()) * sigma * 0.5);
    const volume = 5 + 20 * rng.next();
    bars.push({ openTime: endMinute - i * 60_000, open, high, low, close, volume, quoteVolume: volume * close, trades: 50 + Math.floor(200 * rng.next()), takerBuyVolume: volume / 2, takerBuyQuote: (volume / 2) * close });
    close = open;
  }
  return bars.reverse();
}

function touchFxBar(bars: Bar1m[], time: number, price: number): void {
  const openTime = time - (time % 60_000);
  let bar = bars[bars.length - 1];
  if (!bar || bar.openTime !== openTime) {
    bar = { openTime, open: price, high: price, low: price, close: price, volume: 0, quoteVolume: 0, trades: 0, takerBuyVolume: 0, takerBuyQuote: 0 };
    bars.push(bar);
    if (bars.length > 3 * 1440) bars.splice(0, bars.length - 3 * 1440);
  }
  if (price > bar.high) bar.high = price;
  if (price < bar.low) bar.low = price;
  bar.close = price;
}
