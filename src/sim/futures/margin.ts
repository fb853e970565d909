/**
 * Margin figures of a futures account, as Binance computes them for one-way/hedge and cross/isolated
 * positions: mark price, unrealized PnL, position and open-order initial margin, maintenance margin
 * (leverage brackets), isolated wallet, available balance. Read-only: the engine changes state.
 */
import { Dec } from '../../core/money/decimal.ts';
import type { SimAccount } from '../accounts/accounts.ts';
import type { Market } from '../market/market.ts';
import { bracketFor } from './brackets.ts';
import { DEFAULT_LEVERAGE, type FuturesBook, type Position } from './types.ts';

const ZERO = new Dec(0);

export class FuturesMargin {
  constructor(private readonly market: Market, private readonly bookOf: (a: SimAccount) => FuturesBook) {}

  wallet(a: SimAccount): Dec { return a.futures.assets.get('USDT')?.wallet ?? ZERO; }
  leverage(a: SimAccount, symbol: string): number { return this.bookOf(a).leverage.get(symbol) ?? DEFAULT_LEVERAGE; }
  marginType(a: SimAccount, symbol: string): 'CROSSED' | 'ISOLATED' { return this.bookOf(a).marginType.get(symbol) ?? 'CROSSED'; }
  private readonly markCache = new Map<string, { time: number; mark: Dec }>();
  /** The mark price as an exact 8-decimal number, cached per market step (it only moves with steps). */
  markOf(symbol: string): Dec {
    const c = this.markCache.get(symbol);
    if (c && c.time === this.market.time) return c.mark;
    const mark = new Dec(this.market.markPrice(this.market.get(symbol)!).toFixed(8));
    this.markCache.set(symbol, { time: this.market.time, mark });
    return mark;
  }
  /** Signed size: long > 0. */
  signedAmt(p: Position): Dec { return p.positionSide === 'SHORT' ? p.amt.neg() : p.amt; }
  unrealized(p: Position): Dec { return this.markOf(p.symbol).sub(p.entry).mul(this.signedAmt(p)); }
  positionIM(a: SimAccount, p: Position): Dec { return this.signedAmt(p).abs().mul(this.markOf(p.symbol)).div(this.leverage(a, p.symbol)); }
  /** Isolated wallet: the margin the position was opened with. */
  isolatedWallet(a: SimAccount, p: Position): Dec { return this.marginType(a, p.symbol) === 'ISOLATED' ? p.amt.abs().mul(p.entry).div(this.leverage(a, p.symbol)) : ZERO; }
  maintMargin(p: Position): Dec {
    const notional = this.signedAmt(p).abs().mul(this.markOf(p.symbol));
    const b = bracketFor(notional.toNumber());
    return notional.mul(b.maintMarginRatio).sub(b.cum).clampedTo(0, Infinity);
  }
  openOrderIM(a: SimAccount, symbol?: string): Dec {
    let total = ZERO;
    const b = this.bookOf(a);
    for (const id of b.openOrders) {
      const o = b.orders.get(id)!;
      if (o.reduceOnly || (symbol && o.symbol !== symbol)) continue;
      const s = this.market.get(o.symbol)!;
      const price = o.priceTicks !== null ? s.fut.tickDec.mul(o.priceTicks) : this.markOf(o.symbol);
      total = total.add(s.fut.stepDec.mul(o.qtySteps - o.filledSteps).mul(price).div(this.leverage(a, o.symbol)));
    }
    return total;
  }
  totals(a: SimAccount) {
    let unrealizedCross = ZERO, unrealized = ZERO, posIM = ZERO, maint = ZERO, isolated = ZERO;
    for (const p of this.bookOf(a).positions.values()) {
      if (p.amt.isZero()) continue;
      const u = this.unrealized(p);
      unrealized = unrealized.add(u);
      maint = maint.add(this.maintMargin(p));
      if (this.marginType(a, p.symbol) === 'ISOLATED') isolated = isolated.add(this.isolatedWallet(a, p));
      else { unrealizedCross = unrealizedCross.add(u); posIM = posIM.add(this.positionIM(a, p)); }
    }
    const wallet = this.wallet(a);
    const orderIM = this.openOrderIM(a);
    const available = wallet.add(unrealizedCross).sub(posIM).sub(orderIM).sub(isolated);
    return { wallet, unrealized, unrealizedCross, posIM, orderIM, maint, isolated, available: available.lt(0) ? ZERO : available, marginBalance: wallet.add(unrealized) };
  }
}
