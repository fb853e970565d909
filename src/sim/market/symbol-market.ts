/**
 * One tradable book (FUT or SPOT) of one symbol: its update sequence, the book at the current
 * step with what takers consumed, 1m bars and recent trades. Quantities and prices are kept in
 * integer ticks/steps; `fmtPrice` / `fmtQty` turn them into Binance's exact decimal strings.
 */
import { Dec } from '../../core/money/decimal.ts';
import { BOOK_LEVELS, diffSide, materializeBook, type Book, type BookShape } from './book.ts';
import { Rng } from './rng.ts';

export type MarketKind = 'FUT' | 'SPOT';

export interface Bar1m { openTime: number; open: number; high: number; low: number; close: number; volume: number; quoteVolume: number; trades: number; takerBuyVolume: number; takerBuyQuote: number; }
export interface PublicTrade { id: number; priceTicks: number; qtySteps: number; time: number; isBuyerMaker: boolean; }

const MAX_BARS = 3 * 1440;
const MAX_TRADES = 1000;

export class SymbolMarket {
  readonly tickDec: InstanceType<typeof Dec>;
  readonly stepDec: InstanceType<typeof Dec>;
  readonly priceDecimals: number;
  readonly qtyDecimals: number;
  seq: number;
  /** Market steps taken (level sizes depend on it; taker fills bump `seq` but not this). */
  steps = 0;
  mid: number;
  time: number;
  private book: Book | null = null;
  /** Set by a taker fill: the cached (mutated) book stays valid for the next update id. */
  private bookIsCurrent = false;
  private consumedBids = new Map<number, number>();
  private consumedAsks = new Map<number, number>();
  readonly bars: Bar1m[] = [];
  readonly trades: PublicTrade[] = [];
  private nextTradeId: number;
  private readonly rng: Rng;
  /** While someone streams this book's depth: the book as last logged, and per-update diffs. */
  private tracked: Book | null = null;
  readonly depthLog: { seq: number; bids: [number, number][]; asks: [number, number][] }[] = [];
  private trackers = 0;

  constructor(readonly kind: MarketKind, readonly symbol: string, tickSize: string, stepSize: string, readonly shape: BookShape, mid: number, time: number) {
    this.tickDec = new Dec(tickSize);
    this.stepDec = new Dec(stepSize);
    this.priceDecimals = this.tickDec.decimalPlaces();
    this.qtyDecimals = this.stepDec.decimalPlaces();
    this.seq = 1_000_000 + (shape.seed % 1_000_000);
    this.nextTradeId = 100_000 + (shape.seed % 100_000);
    this.rng = new Rng(shape.seed, kind === 'FUT' ? 1 : 2);
    this.mid = mid;
    this.time = time;
  }

  fmtPrice(ticks: number): string { return this.tickDec.mul(ticks).toFixed(this.priceDecimals); }
  fmtQty(steps: number): string { return this.stepDec.mul(steps).toFixed(this.qtyDecimals); }
  priceOf(ticks: number): number { return ticks * this.shape.tick; }

  /** The book now, with consumed liquidity taken out. */
  currentBook(): Book {
    if (!this.book || this.book.seq !== this.seq) {
      this.book = materializeBook(this.mid, this.seq, this.shape, BOOK_LEVELS, this.steps);
      for (const [p, q] of this.consumedBids) this.takeFrom(this.book.bids, p, q);
      for (const [p, q] of this.consumedAsks) this.takeFrom(this.book.asks, p, q);
    }
    return this.book;
  }

  bestBidTicks(): number { const b = this.currentBook().bids; for (let i = 0; i < b.prices.length; i++) if (b.qtys[i]! > 0) return b.prices[i]!; return NaN; }
  bestAskTicks(): number { const a = this.currentBook().asks; for (let i = 0; i < a.prices.length; i++) if (a.qtys[i]! > 0) return a.prices[i]!; return NaN; }

  /** Starts (or stops) logging per-update depth diffs, so diff streams can be exact for any snapshot. */
  trackDepth(on: boolean): void {
    this.trackers += on ? 1 : -1;
    if (this.trackers > 0 && !this.tracked) this.tracked = cloneBook(this.currentBook());
    if (this.trackers <= 0) { this.trackers = 0; this.tracked = null; this.depthLog.length = 0; }
  }

  /** Every book change gets the next update id; logged as a diff while depth is streamed. */
  private changed(): void {
    this.seq++;
    if (this.book && this.bookIsCurrent) this.book.seq = this.seq;
    this.bookIsCurrent = false;
    if (!this.tracked) return;
    const next = this.currentBook();
    this.depthLog.push({ seq: this.seq, bids: diffSide(this.tracked.bids, next.bids), asks: diffSide(this.tracked.asks, next.asks) });
    if (this.depthLog.length > 2_000) this.depthLog.splice(0, this.depthLog.length - 1_000);
    this.tracked = cloneBook(next);
  }

  /** Advances to a new step: a new mid, a replenished book, a bar update and maybe a market trade. */
  step(mid: number, time: number): void {
    this.mid = mid;
    this.time = time;
    this.consumedBids.clear();
    this.consumedAsks.clear();
    this.steps++;
    this.changed();
    this.touchBar(time, mid, 0, 0, false);
    if (this.rng.next() < 0.3) {
      const buy = this.rng.next() < 0.5;
      const bidTicks = Math.floor(mid / this.shape.tick);
      const priceTicks = buy ? bidTicks + 1 : bidTicks;
      const qtySteps = Math.max(1, Math.round((this.shape.levelNotional * 0.05 * (0.2 + this.rng.next())) / (mid * this.shape.step)));
      this.recordTrade(priceTicks, qtySteps, time, !buy);
    }
  }

  /**
   * Takes up to `qtySteps` from the opposite side for a taker (BUY takes asks), not beyond
   * `limitTicks` (null = market). Returns the fills as [priceTicks, qtySteps].
   */
  take(side: 'BUY' | 'SELL', qtySteps: number, limitTicks: number | null): [number, number][] {
    const book = this.currentBook();
    const levels = side === 'BUY' ? book.asks : book.bids;
    const consumed = side === 'BUY' ? this.consumedAsks : this.consumedBids;
    const fills: [number, number][] = [];
    let left = qtySteps;
    for (let i = 0; i < levels.prices.length && left > 0; i++) {
      const p = levels.prices[i]!;
      if (limitTicks !== null && (side === 'BUY' ? p > limitTicks : p < limitTicks)) break;
      const avail = levels.qtys[i]!;
      if (avail <= 0) continue;
      const q = Math.min(avail, left);
      levels.qtys[i] = avail - q;
      consumed.set(p, (consumed.get(p) ?? 0) + q);
      fills.push([p, q]);
      left -= q;
    }
    // the mutated book IS the book at the next update id (same step, same sizes, minus what was taken)
    if (fills.length > 0) { this.bookIsCurrent = true; this.changed(); }
    return fills;
  }

  /** How much a taker could fill right now within the limit (for FOK). */
  available(side: 'BUY' | 'SELL', limitTicks: number | null): number {
    const levels = side === 'BUY' ? this.currentBook().asks : this.currentBook().bids;
    let total = 0;
    for (let i = 0; i < levels.prices.length; i++) {
      const p = levels.prices[i]!;
      if (limitTicks !== null && (side === 'BUY' ? p > limitTicks : p < limitTicks)) break;
      total += levels.qtys[i]!;
    }
    return total;
  }

  recordTrade(priceTicks: number, qtySteps: number, time: number, isBuyerMaker: boolean): void {
    this.trades.push({ id: this.nextTradeId++, priceTicks, qtySteps, time, isBuyerMaker });
    if (this.trades.length > MAX_TRADES) this.trades.splice(0, this.trades.length - MAX_TRADES);
    this.touchBar(time, this.priceOf(priceTicks), qtySteps * this.shape.step, priceTicks * this.shape.tick * qtySteps * this.shape.step, !isBuyerMaker, true);
  }

  /** Seeds history: complete 1m bars before the start. */
  seedBars(bars: Bar1m[]): void { this.bars.push(...bars); }

  private touchBar(time: number, price: number, volume: number, quote: number, takerBuy: boolean, isTrade = false): void {
    const openTime = time - (time % 60_000);
    let bar = this.bars[this.bars.length - 1];
    if (!bar || bar.openTime !== openTime) {
      bar = { openTime, open: price, high: price, low: price, close: price, volume: 0, quoteVolume: 0, trades: 0, takerBuyVolume: 0, takerBuyQuote: 0 };
      this.bars.push(bar);
      if (this.bars.length > MAX_BARS) this.bars.splice(0, this.bars.length - MAX_BARS);
    }
    if (price > bar.high) bar.high = price;
    if (price < bar.low) bar.low = price;
    bar.close = price;
    if (isTrade) {
      bar.volume += volume; bar.quoteVolume += quote; bar.trades++;
      if (takerBuy) { bar.takerBuyVolume += volume; bar.takerBuyQuote += quote; }
    }
  }

  private takeFrom(side: Book['bids'], priceTicks: number, q: number): void {
    for (let i = 0; i < side.prices.length; i++) if (side.prices[i] === priceTicks) { side.qtys[i] = Math.max(0, side.qtys[i]! - q); return; }
  }
}

function cloneBook(b: Book): Book {
  return { seq: b.seq, bids: { prices: b.bids.prices.slice(), qtys: b.bids.qtys.slice() }, asks: { prices: b.asks.prices.slice(), qtys: b.asks.qtys.slice() } };
}
