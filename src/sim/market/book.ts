/**
 * The synthetic order book of one (market, symbol): a pure function of the mid price, the update
 * sequence and the seed, materialised only when someone looks (REST depth, a depth stream, a taker
 * order). Prices and quantities are integers of ticks and steps, so nothing drifts. Liquidity a
 * taker consumed stays consumed until the next market step replenishes the book.
 */
import { hash01 } from './rng.ts';

export const BOOK_LEVELS = 200;
/** How many steps a level's random size lasts before it is redrawn. */
const NOISE_STEPS = 10;

export interface BookSide { prices: Int32Array | Float64Array; qtys: Float64Array; }
export interface Book { seq: number; bids: BookSide; asks: BookSide; }

export interface BookShape {
  /** Tick and step as numbers (only used to size levels; formatting goes through exact decimals). */
  tick: number;
  step: number;
  /** USDT of resting size at the best level before noise; deeper levels hold more. */
  levelNotional: number;
  /** Minimum half spread as a fraction of mid (0.00002 = 0.2 bp). */
  minHalfSpread: number;
  seed: number;
}

/** Best bid and ask in ticks for a mid price. */
export function touch(mid: number, shape: BookShape): { bid: number; ask: number } {
  const hs = Math.max(shape.tick / 2, mid * shape.minHalfSpread);
  const bid = Math.floor((mid - hs) / shape.tick + 1e-9);
  let ask = Math.ceil((mid + hs) / shape.tick - 1e-9);
  if (ask <= bid) ask = bid + 1;
  return { bid, ask };
}

function levelQty(priceTicks: number, distance: number, mid: number, epoch: number, shape: BookShape, side: number): number {
  const noise = 0.5 + hash01(shape.seed + side, priceTicks, epoch);
  const notional = shape.levelNotional * (0.6 + 0.04 * distance) * noise;
  return Math.max(1, Math.round(notional / (mid * shape.step)));
}

/** The book at a mid price; level sizes are redrawn every NOISE_STEPS market steps (`step` counts steps, not updates). */
export function materializeBook(mid: number, seq: number, shape: BookShape, levels = BOOK_LEVELS, step = seq): Book {
  const { bid, ask } = touch(mid, shape);
  const epoch = Math.floor(step / NOISE_STEPS);
  const bids: BookSide = { prices: new Float64Array(levels), qtys: new Float64Array(levels) };
  const asks: BookSide = { prices: new Float64Array(levels), qtys: new Float64Array(levels) };
  for (let i = 0; i < levels; i++) {
    bids.prices[i] = bid - i; bids.qtys[i] = levelQty(bid - i, i, mid, epoch, shape, 1);
    asks.prices[i] = ask + i; asks.qtys[i] = levelQty(ask + i, i, mid, epoch, shape, 2);
  }
  return { seq, bids, asks };
}

/** Levels whose quantity differs between two books (0 = removed), as Binance diff-depth sends them. */
export function diffSide(prev: BookSide, next: BookSide): [number, number][] {
  const before = new Map<number, number>();
  for (let i = 0; i < prev.prices.length; i++) if (prev.qtys[i]! > 0) before.set(prev.prices[i]!, prev.qtys[i]!);
  const out: [number, number][] = [];
  const seen = new Set<number>();
  for (let i = 0; i < next.prices.length; i++) {
    const p = next.prices[i]!, q = next.qtys[i]!;
    if (q <= 0) continue;
    seen.add(p);
    if (before.get(p) !== q) out.push([p, q]);
  }
  for (const p of before.keys()) if (!seen.has(p)) out.push([p, 0]);
  return out;
}
