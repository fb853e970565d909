/**
 * The USDⓈ-M futures matching engine and accounts: order validation with Binance's codes, taking
 * liquidity from the synthetic book (slippage), resting LIMIT orders filled as the market moves
 * (partial fills from the tape), one-way and hedge positions, cross and isolated margin, fees,
 * realized PnL, funding settlement, liquidation, and conditional orders on the Algo Order API.
 * Money is exact (decimal strings); prices/quantities are integer ticks/steps inside.
 */
import { Dec } from '../../core/money/decimal.ts';
import type { AccountBook, SimAccount } from '../accounts/accounts.ts';
import { BinanceError } from '../http/binance-error.ts';
import type { Market, SymbolState } from '../market/market.ts';
import type { SymbolMarket } from '../market/symbol-market.ts';
import { lookupOrder } from '../order-lookup.ts';
import type { UserEvents } from '../user-events.ts';
import { trimList, trimOrders } from '../history-limits.ts';
import { conditionMet, trailingFires } from './algo-triggers.ts';
import { maxNotionalFor } from './brackets.ts';
import { FuturesMargin } from './margin.ts';
import { FuturesViews, type FillReport } from './views.ts';
import {
  MAKER_FEE, TAKER_FEE,
  type AlgoOrder, type AlgoType, type FutOrder, type FuturesBook, type Income, type Position, type PositionSide, type Side, type Tif,
} from './types.ts';

const CLIENT_ID_RE = /^[.A-Z:/a-z0-9_-]{1,36}$/;
const ZERO = new Dec(0);
const err = (code: number, msg: string) => new BinanceError(code, msg);

export interface NewOrder {
  symbol: string; side: Side; type: 'LIMIT' | 'MARKET'; positionSide: PositionSide; timeInForce: Tif;
  qtySteps: number; priceTicks: number | null; reduceOnly: boolean; clientOrderId: string | null; algoId?: number | null; closePosition?: boolean;
}

export class FuturesEngine {
  private readonly books = new Map<string, FuturesBook>();
  private nextOrderId = 4_000_000_001;
  private nextAlgoId = 1_000_001;
  private nextTradeId = 900_000_001;
  private nextTranId = 7_000_000_001;
  private clientSeq = 0;
  /** Margin, PnL and balance figures of an account (read-only). */
  readonly margin: FuturesMargin;
  /** Binance-shaped representations of orders, algo orders, positions and user-data events. */
  readonly views: FuturesViews = new FuturesViews(this);

  constructor(private readonly market: Market, private readonly accounts: AccountBook, private readonly events: UserEvents) {
    this.margin = new FuturesMargin(market, (a) => this.book(a));
    market.onStep((t) => this.onStep(t));
    market.onFunding((symbol, rate, mark, t) => this.settleFunding(symbol, rate, mark, t));
  }

  book(a: SimAccount): FuturesBook {
    let b = this.books.get(a.apiKey);
    if (!b) {
      b = { dualSide: false, leverage: new Map(), marginType: new Map(), positions: new Map(), orders: new Map(), openOrders: new Set(), algos: new Map(), openAlgos: new Set(), trades: [], income: [] };
      this.books.set(a.apiKey, b);
    }
    return b;
  }

  // ---------------------------------------------------------------- wallet
  private setWallet(a: SimAccount, v: Dec, time: number): void {
    const asset = a.futures.assets.get('USDT');
    if (asset) asset.wallet = v; else a.futures.assets.set('USDT', { wallet: v });
    a.futures.updateTime = time;
  }

  // ---------------------------------------------------------------- orders
  sym(symbol: string): SymbolState { return this.market.get(symbol)!; }

  private positionKey(symbol: string, side: PositionSide) { return `${symbol}|${side}`; }
  position(a: SimAccount, symbol: string, side: PositionSide): Position {
    const b = this.book(a);
    const k = this.positionKey(symbol, side);
    let p = b.positions.get(k);
    if (!p) b.positions.set(k, (p = { symbol, positionSide: side, amt: ZERO, entry: ZERO, updateTime: 0 }));
    return p;
  }

  private newClientId(): string { return `sim_${(++this.clientSeq).toString(36).padStart(8, '0')}`; }

  findOrder(a: SimAccount, symbol: string, orderId: number | null, clientId: string | null): FutOrder | undefined {
    return lookupOrder(this.book(a).orders, symbol, orderId, clientId);
  }

  /** Validates and places a regular order; returns it after any immediate matching. */
  place(a: SimAccount, req: NewOrder, now: number): FutOrder {
    const b = this.book(a);
    const s = this.sym(req.symbol);
    const def = s.def.fut;
    if (b.dualSide && req.positionSide === 'BOTH') throw err(-4061, "Order's position side does not match user's setting.");
    if (!b.dualSide && req.positionSide !== 'BOTH') throw err(-4061, "Order's position side does not match user's setting.");
    if (b.dualSide && req.reduceOnly) throw err(-1106, "Parameter 'reduceOnly' sent when not required.");
    if (req.clientOrderId !== null) {
      if (!CLIENT_ID_RE.test(req.clientOrderId)) throw err(-4015, 'Client order id is not valid.');
      for (const id of b.openOrders) if (b.orders.get(id)!.clientOrderId === req.clientOrderId) throw err(-4116, 'clientOrderId is duplicated');
    }
    const step = s.fut.stepDec, tick = s.fut.tickDec;
    const qty = step.mul(req.qtySteps);
    if (req.qtySteps <= 0) throw err(-4003, 'Quantity less than or equal to zero.');
    if (qty.lt(def.minQty)) throw err(-4004, 'Quantity less than min quantity.');
    if (qty.gt(req.type === 'MARKET' ? def.marketMaxQty : def.maxQty)) throw err(-4005, 'Quantity greater than max quantity.');
    const mark = this.margin.markOf(req.symbol);
    if (req.type === 'LIMIT') {
      const price = tick.mul(req.priceTicks!);
      if (price.lt(def.minPrice)) throw err(-4013, 'Price less than min price.');
      if (price.gt(def.maxPrice)) throw err(-4016, 'Price is higher than mark price multiplier cap.');
      if (req.side === 'BUY' && price.gt(mark.mul('1.05'))) throw err(-4016, 'Price is higher than mark price multiplier cap.');
      if (req.side === 'SELL' && price.lt(mark.mul('0.95'))) throw err(-4024, 'Price is lower than mark price multiplier floor.');
    }
    const refPrice = req.type === 'LIMIT' ? tick.mul(req.priceTicks!) : mark;
    if (!req.reduceOnly && qty.mul(refPrice).lt(def.minNotional)) throw err(-4164, `Order's notional must be no smaller than ${def.minNotional} (unless you choose reduce only).`);

    // reduce-only: must shrink an existing position; never flips it
    let qtySteps = req.qtySteps;
    const closing = this.closingPosition(a, req);
    if (req.reduceOnly) {
      if (!closing || closing.amt.isZero()) throw err(-2022, 'ReduceOnly Order is rejected.');
      const posSteps = closing.amt.abs().div(step).toNumber();
      if (posSteps <= 0) throw err(-2022, 'ReduceOnly Order is rejected.');
      qtySteps = Math.min(qtySteps, posSteps);
    }
    const opening = !req.reduceOnly && !(b.dualSide && closing !== null);
    if (opening) {
      const lev = this.margin.leverage(a, req.symbol);
      const notional = qty.mul(refPrice);
      const existing = this.signedAmtFor(a, req.symbol).abs().mul(mark);
      if (existing.add(notional).gt(maxNotionalFor(lev))) throw err(-2027, 'Exceeded the maximum allowable position at current leverage.');
      const need = notional.div(lev).add(notional.mul(TAKER_FEE));
      if (need.gt(this.margin.totals(a).available)) throw err(-2019, 'Margin is insufficient.');
    }
    if (req.timeInForce === 'GTX' && req.type === 'LIMIT') {
      const crosses = req.side === 'BUY' ? req.priceTicks! >= s.fut.bestAskTicks() : req.priceTicks! <= s.fut.bestBidTicks();
      if (crosses) throw err(-5022, 'Due to the order could not be executed as maker, the Post Only order will be rejected.');
    }
    const limit = req.type === 'LIMIT' ? req.priceTicks : null;
    if (req.timeInForce === 'FOK' && req.type === 'LIMIT' && s.fut.available(req.side, limit) < qtySteps) {
      throw err(-5021, 'Due to the order could not be filled immediately, the FOK order has been rejected.');
    }

    const order: FutOrder = {
      orderId: this.nextOrderId++, symbol: req.symbol, clientOrderId: req.clientOrderId ?? this.newClientId(), side: req.side, positionSide: req.positionSide,
      type: req.type, origType: req.type, timeInForce: req.type === 'MARKET' ? 'GTC' : req.timeInForce, priceTicks: limit, qtySteps, filledSteps: 0, cumQuote: ZERO,
      reduceOnly: req.reduceOnly, closePosition: req.closePosition ?? false, stopPrice: '0', workingType: 'CONTRACT_PRICE', status: 'NEW', time: now, updateTime: now, algoId: req.algoId ?? null,
    };
    b.orders.set(order.orderId, order);
    trimOrders(b.orders, b.openOrders);
    this.emitOrder(a, order, 'NEW', null, now);
    // take what crosses
    const fills = s.fut.take(order.side, qtySteps, limit);
    for (const [p, q] of fills) this.fill(a, order, p, q, false, now);
    const left = order.qtySteps - order.filledSteps;
    if (left > 0) {
      if (order.type === 'MARKET' || order.timeInForce === 'IOC' || order.timeInForce === 'FOK') this.finish(a, order, 'EXPIRED', now);
      else b.openOrders.add(order.orderId);
    }
    return order;
  }

  private signedAmtFor(a: SimAccount, symbol: string): Dec {
    let t = ZERO;
    for (const p of this.book(a).positions.values()) if (p.symbol === symbol) t = t.add(this.margin.signedAmt(p));
    return t;
  }

  /** The position an order would reduce, or null when it opens/extends one. */
  private closingPosition(a: SimAccount, req: { symbol: string; side: Side; positionSide: PositionSide }): Position | null {
    if (req.positionSide === 'LONG') return req.side === 'SELL' ? this.position(a, req.symbol, 'LONG') : null;
    if (req.positionSide === 'SHORT') return req.side === 'BUY' ? this.position(a, req.symbol, 'SHORT') : null;
    const p = this.position(a, req.symbol, 'BOTH');
    if (p.amt.isZero()) return null;
    return (p.amt.gt(0) && req.side === 'SELL') || (p.amt.lt(0) && req.side === 'BUY') ? p : null;
  }

  cancel(a: SimAccount, order: FutOrder, now: number): FutOrder {
    if (!this.book(a).openOrders.has(order.orderId)) throw err(-2011, 'Unknown order sent.');
    this.finish(a, order, 'CANCELED', now);
    return order;
  }

  /**
   * `PUT /fapi/v1/order`: a resting LIMIT order's price and/or quantity, keeping its id. A new price
   * that crosses the book takes liquidity at once, as a taker.
   */
  modify(a: SimAccount, order: FutOrder, side: Side, qtySteps: number, priceTicks: number, now: number): FutOrder {
    if (!this.book(a).openOrders.has(order.orderId)) throw err(-2013, 'Order does not exist.');
    if (order.type !== 'LIMIT') throw err(-4145, 'Modification of this order type is not supported.');
    if (side !== order.side) throw err(-1117, 'Invalid side.');
    if (qtySteps === order.qtySteps && priceTicks === order.priceTicks) throw err(-5027, 'No need to modify the order.');
    if (qtySteps <= order.filledSteps) throw err(-4003, 'Quantity less than or equal to zero.');
    const s = this.sym(order.symbol);
    const mark = this.margin.markOf(order.symbol);
    const price = s.fut.tickDec.mul(priceTicks);
    if (price.lt(s.def.fut.minPrice)) throw err(-4013, 'Price less than min price.');
    if (order.side === 'BUY' && price.gt(mark.mul('1.05'))) throw err(-4016, 'Price is higher than mark price multiplier cap.');
    if (order.side === 'SELL' && price.lt(mark.mul('0.95'))) throw err(-4024, 'Price is lower than mark price multiplier floor.');
    if (!order.reduceOnly && s.fut.stepDec.mul(qtySteps).mul(price).lt(s.def.fut.minNotional)) throw err(-4164, `Order's notional must be no smaller than ${s.def.fut.minNotional} (unless you choose reduce only).`);
    order.qtySteps = qtySteps;
    order.priceTicks = priceTicks;
    order.updateTime = now;
    this.emitOrder(a, order, 'AMENDMENT', null, now);
    for (const [p, q] of s.fut.take(order.side, qtySteps - order.filledSteps, priceTicks)) this.fill(a, order, p, q, false, now);
    return order;
  }

  private finish(a: SimAccount, order: FutOrder, status: 'CANCELED' | 'EXPIRED' | 'FILLED', now: number): void {
    const b = this.book(a);
    b.openOrders.delete(order.orderId);
    order.status = status;
    order.updateTime = now;
    if (status !== 'FILLED') this.emitOrder(a, order, status === 'CANCELED' ? 'CANCELED' : 'EXPIRED', null, now);
    if (order.algoId !== null) {
      const algo = b.algos.get(order.algoId);
      if (algo && (status === 'FILLED' || status === 'EXPIRED' || status === 'CANCELED')) { algo.algoStatus = 'FINISHED'; algo.updateTime = now; this.emitAlgo(a, algo, now); }
    }
  }

  /** Applies one fill: position, realized PnL, fee, order state, trade record, events. */
  private fill(a: SimAccount, order: FutOrder, priceTicks: number, qtySteps: number, maker: boolean, now: number): void {
    const s = this.sym(order.symbol);
    const price = s.fut.tickDec.mul(priceTicks), qty = s.fut.stepDec.mul(qtySteps);
    const notional = price.mul(qty);
    const fee = notional.mul(maker ? MAKER_FEE : TAKER_FEE).toDecimalPlaces(8, Dec.ROUND_HALF_UP);
    const realized = this.applyToPosition(a, order, price, qty, now);
    this.setWallet(a, this.margin.wallet(a).add(realized).sub(fee), now);
    order.filledSteps += qtySteps;
    order.cumQuote = order.cumQuote.add(notional);
    order.updateTime = now;
    order.status = order.filledSteps >= order.qtySteps ? 'FILLED' : 'PARTIALLY_FILLED';
    s.fut.recordTrade(priceTicks, qtySteps, now, maker ? order.side === 'BUY' : order.side === 'SELL');
    const b = this.book(a);
    const trade = {
      id: this.nextTradeId++, orderId: order.orderId, symbol: order.symbol, side: order.side, positionSide: order.positionSide, price: price.toFixed(s.fut.priceDecimals), qty: qty.toFixed(s.fut.qtyDecimals),
      quoteQty: notional.toFixed(), commission: fee.toFixed(8), commissionAsset: 'USDT' as const, realizedPnl: realized.toFixed(8), maker, buyer: order.side === 'BUY', time: now,
    };
    b.trades.push(trade);
    trimList(b.trades);
    this.addIncome(a, order.symbol, 'COMMISSION', fee.neg(), now, String(trade.id));
    if (!realized.isZero()) this.addIncome(a, order.symbol, 'REALIZED_PNL', realized, now, String(trade.id));
    if (order.status === 'FILLED') this.finish(a, order, 'FILLED', now);
    this.emitOrder(a, order, 'TRADE', { price, qty, fee, maker, realized, tradeId: trade.id }, now);
    this.emitAccount(a, order.symbol, 'ORDER', now);
  }

  private applyToPosition(a: SimAccount, order: FutOrder, price: Dec, qty: Dec, now: number): Dec {
    const p = this.position(a, order.symbol, order.positionSide);
    p.updateTime = now;
    if (order.positionSide !== 'BOTH') {
      const opens = (order.positionSide === 'LONG') === (order.side === 'BUY');
      if (opens) { p.entry = p.amt.mul(p.entry).add(qty.mul(price)).div(p.amt.add(qty)); p.amt = p.amt.add(qty); return ZERO; }
      const closeQty = Dec.min(qty, p.amt);
      const realized = price.sub(p.entry).mul(closeQty).mul(order.positionSide === 'LONG' ? 1 : -1);
      p.amt = p.amt.sub(closeQty);
      if (p.amt.isZero()) p.entry = ZERO;
      return realized;
    }
    const signed = order.side === 'BUY' ? qty : qty.neg();
    if (p.amt.isZero() || p.amt.isNeg() === signed.isNeg()) {
      const total = p.amt.abs().add(qty);
      p.entry = p.amt.abs().mul(p.entry).add(qty.mul(price)).div(total);
      p.amt = p.amt.add(signed);
      return ZERO;
    }
    const closeQty = Dec.min(qty, p.amt.abs());
    const realized = price.sub(p.entry).mul(closeQty).mul(p.amt.isNeg() ? -1 : 1);
    const after = p.amt.add(signed);
    if (after.isZero()) p.entry = ZERO;
    else if (after.isNeg() !== p.amt.isNeg()) p.entry = price; // flipped: the remainder opened at this price
    p.amt = after;
    return realized;
  }

  private addIncome(a: SimAccount, symbol: string, incomeType: Income['incomeType'], amount: Dec, now: number, tradeId = ''): void {
    const income = this.book(a).income;
    income.push({ symbol, incomeType, income: amount.toFixed(8), asset: 'USDT', info: incomeType, time: now, tranId: this.nextTranId++, tradeId });
    trimList(income);
  }

  /** A transfer into (+) or out of (−) the futures wallet. */
  transfer(a: SimAccount, amount: Dec, now: number): void {
    const next = this.margin.wallet(a).add(amount);
    if (next.lt(0) || (amount.lt(0) && amount.neg().gt(this.margin.totals(a).available))) throw err(-5013, 'Asset transfer failed: insufficient balance');
    this.setWallet(a, next, now);
    this.addIncome(a, '', 'TRANSFER', amount, now);
    this.emitAccount(a, null, 'DEPOSIT', now);
  }

  setLeverage(a: SimAccount, symbol: string, leverage: number) {
    const notional = this.signedAmtFor(a, symbol).abs().mul(this.margin.markOf(symbol));
    const max = maxNotionalFor(leverage);
    if (notional.gt(max)) throw err(-2027, 'Exceeded the maximum allowable position at current leverage.');
    this.book(a).leverage.set(symbol, leverage);
    return { leverage, maxNotionalValue: String(max), symbol };
  }

  setMarginType(a: SimAccount, symbol: string, type: 'CROSSED' | 'ISOLATED') {
    if (this.margin.marginType(a, symbol) === type) throw err(-4046, 'No need to change margin type.');
    const b = this.book(a);
    if ([...b.openOrders].some((id) => b.orders.get(id)!.symbol === symbol)) throw err(-4047, 'Margin type cannot be changed if there exists open orders.');
    if (!this.signedAmtFor(a, symbol).isZero()) throw err(-4048, 'Margin type cannot be changed if there exists position.');
    b.marginType.set(symbol, type);
    return { code: 200, msg: 'success' };
  }

  setDualSide(a: SimAccount, dual: boolean) {
    const b = this.book(a);
    if (b.dualSide === dual) throw err(-4059, 'No need to change position side.');
    if (b.openOrders.size > 0) throw err(-4067, 'Position side cannot be changed if there exists open orders.');
    if ([...b.positions.values()].some((p) => !p.amt.isZero())) throw err(-4068, 'Position side cannot be changed if there exists position.');
    b.dualSide = dual;
    return { code: 200, msg: 'success' };
  }

  // ---------------------------------------------------------------- algo (conditional) orders
  placeAlgo(a: SimAccount, req: Omit<AlgoOrder, 'algoId' | 'algoStatus' | 'createTime' | 'updateTime' | 'triggerTime' | 'actualOrderId' | 'extreme' | 'activated' | 'clientAlgoId'> & { clientAlgoId: string | null }, now: number): AlgoOrder {
    const b = this.book(a);
    if (req.clientAlgoId !== null) {
      if (!CLIENT_ID_RE.test(req.clientAlgoId)) throw err(-4015, 'Client order id is not valid.');
      for (const id of b.openAlgos) if (b.algos.get(id)!.clientAlgoId === req.clientAlgoId) throw err(-20132, 'The client algo id is duplicated');
    }
    if (b.dualSide && req.positionSide === 'BOTH') throw err(-4061, "Order's position side does not match user's setting.");
    if (!b.dualSide && req.positionSide !== 'BOTH') throw err(-4061, "Order's position side does not match user's setting.");
    const s = this.sym(req.symbol);
    const algo: AlgoOrder = { ...req, clientAlgoId: req.clientAlgoId ?? this.newClientId(), algoId: this.nextAlgoId++, algoStatus: 'NEW', createTime: now, updateTime: now, triggerTime: 0, actualOrderId: null, extreme: null, activated: req.activateTicks === null };
    if (algo.orderType !== 'TRAILING_STOP_MARKET' && conditionMet(algo, this.triggerPrice(s, algo), s.fut.shape.tick)) throw err(-2021, 'Order would immediately trigger.');
    b.algos.set(algo.algoId, algo);
    b.openAlgos.add(algo.algoId);
    this.emitAlgo(a, algo, now);
    return algo;
  }

  cancelAlgo(a: SimAccount, algo: AlgoOrder, now: number): AlgoOrder {
    const b = this.book(a);
    if (!b.openAlgos.has(algo.algoId)) throw err(-20124, 'Invalid algo id or it has been completed.');
    b.openAlgos.delete(algo.algoId);
    algo.algoStatus = 'CANCELED';
    algo.updateTime = now;
    this.emitAlgo(a, algo, now);
    return algo;
  }

  private triggerPrice(s: SymbolState, algo: AlgoOrder): number {
    return algo.workingType === 'MARK_PRICE' ? this.market.markPrice(s) : s.fut.mid;
  }

  private fireAlgo(a: SimAccount, algo: AlgoOrder, now: number): void {
    const b = this.book(a);
    b.openAlgos.delete(algo.algoId);
    algo.algoStatus = 'TRIGGERING'; algo.triggerTime = now; algo.updateTime = now;
    this.emitAlgo(a, algo, now);
    const s = this.sym(algo.symbol);
    let qtySteps = algo.qtySteps ?? 0;
    let reduceOnly = algo.reduceOnly;
    if (algo.closePosition) {
      const p = this.closingPosition(a, algo);
      qtySteps = p ? p.amt.abs().div(s.fut.stepDec).toNumber() : 0;
      reduceOnly = !b.dualSide;
    }
    try {
      if (qtySteps <= 0) throw err(-2022, 'ReduceOnly Order is rejected.');
      const market = algo.orderType.endsWith('MARKET');
      const order = this.place(a, { symbol: algo.symbol, side: algo.side, type: market ? 'MARKET' : 'LIMIT', positionSide: algo.positionSide, timeInForce: algo.timeInForce, qtySteps, priceTicks: market ? null : algo.priceTicks, reduceOnly, clientOrderId: null, algoId: algo.algoId, closePosition: algo.closePosition }, now);
      order.origType = algo.orderType;
      order.stopPrice = algo.triggerTicks !== null ? s.fut.fmtPrice(algo.triggerTicks) : '0';
      order.workingType = algo.workingType;
      algo.actualOrderId = order.orderId;
      algo.algoStatus = order.status === 'FILLED' || order.status === 'EXPIRED' ? 'FINISHED' : 'TRIGGERED';
    } catch (e) {
      algo.algoStatus = 'REJECTED';
      if (!(e instanceof BinanceError)) throw e;
    }
    algo.updateTime = now;
    this.emitAlgo(a, algo, now);
  }

  // ---------------------------------------------------------------- per step
  private onStep(now: number): void {
    for (const a of this.accounts.all()) {
      const b = this.books.get(a.apiKey);
      if (!b) continue;
      for (const id of [...b.openOrders]) this.matchResting(a, b.orders.get(id)!, now);
      for (const id of [...b.openAlgos]) {
        const algo = b.algos.get(id)!;
        const s = this.sym(algo.symbol);
        const price = this.triggerPrice(s, algo);
        const hit = algo.orderType === 'TRAILING_STOP_MARKET' ? trailingFires(algo, price, s.fut.shape.tick) : conditionMet(algo, price, s.fut.shape.tick);
        if (hit) this.fireAlgo(a, algo, now);
      }
      this.liquidate(a, b, now);
    }
  }

  /** A resting order fills fully when the market trades through it, partly when the tape prints at its price. */
  private matchResting(a: SimAccount, o: FutOrder, now: number): void {
    const m: SymbolMarket = this.sym(o.symbol).fut;
    const left = o.qtySteps - o.filledSteps;
    if (left <= 0 || o.priceTicks === null) return;
    const through = o.side === 'BUY' ? m.bestAskTicks() <= o.priceTicks : m.bestBidTicks() >= o.priceTicks;
    if (through) { this.fill(a, o, o.priceTicks, left, true, now); return; }
    const last = m.trades[m.trades.length - 1];
    if (!last || last.time !== now) return;
    const hitsUs = o.side === 'BUY' ? last.isBuyerMaker && last.priceTicks <= o.priceTicks : !last.isBuyerMaker && last.priceTicks >= o.priceTicks;
    if (hitsUs) this.fill(a, o, o.priceTicks, Math.min(left, last.qtySteps), true, now);
  }

  private liquidate(a: SimAccount, b: FuturesBook, now: number): void {
    let anyCross = false;
    for (const p of b.positions.values()) if (!p.amt.isZero() && this.margin.marginType(a, p.symbol) === 'CROSSED') anyCross = true;
    const close = (p: Position) => {
      const s = this.sym(p.symbol);
      const side: Side = this.margin.signedAmt(p).gt(0) ? 'SELL' : 'BUY';
      const qtySteps = p.amt.abs().div(s.fut.stepDec).toNumber();
      for (const id of [...b.openOrders]) { const o = b.orders.get(id)!; if (o.symbol === p.symbol) this.finish(a, o, 'CANCELED', now); }
      const order: FutOrder = {
        orderId: this.nextOrderId++, symbol: p.symbol, clientOrderId: `autoclose-${now}`, side, positionSide: p.positionSide, type: 'MARKET', origType: 'LIQUIDATION', timeInForce: 'IOC',
        priceTicks: null, qtySteps, filledSteps: 0, cumQuote: ZERO, reduceOnly: true, closePosition: false, stopPrice: '0', workingType: 'CONTRACT_PRICE', status: 'NEW', time: now, updateTime: now, algoId: null,
      };
      b.orders.set(order.orderId, order);
      const markTicks = Math.round(this.market.markPrice(s) / s.fut.shape.tick);
      this.fill(a, order, markTicks, qtySteps, false, now);
    };
    if (anyCross) {
      const t = this.margin.totals(a);
      const crossMaint = [...b.positions.values()].filter((p) => !p.amt.isZero() && this.margin.marginType(a, p.symbol) === 'CROSSED').reduce((acc, p) => acc.add(this.margin.maintMargin(p)), ZERO);
      if (t.wallet.add(t.unrealizedCross).sub(t.isolated).lte(crossMaint)) for (const p of [...b.positions.values()]) if (!p.amt.isZero() && this.margin.marginType(a, p.symbol) === 'CROSSED') close(p);
    }
    for (const p of [...b.positions.values()]) {
      if (p.amt.isZero() || this.margin.marginType(a, p.symbol) !== 'ISOLATED') continue;
      if (this.margin.isolatedWallet(a, p).add(this.margin.unrealized(p)).lte(this.margin.maintMargin(p))) close(p);
    }
  }

  private settleFunding(symbol: string, rate: number, mark: number, now: number): void {
    for (const a of this.accounts.all()) {
      const b = this.books.get(a.apiKey);
      if (!b) continue;
      for (const p of b.positions.values()) {
        if (p.symbol !== symbol || p.amt.isZero()) continue;
        const payment = this.margin.signedAmt(p).mul(mark.toFixed(8)).mul(rate.toFixed(8)).neg().toDecimalPlaces(8, Dec.ROUND_HALF_UP);
        this.setWallet(a, this.margin.wallet(a).add(payment), now);
        this.addIncome(a, symbol, 'FUNDING_FEE', payment, now);
        this.emitAccount(a, symbol, 'FUNDING_FEE', now);
      }
    }
  }

  // ---------------------------------------------------------------- events (shapes in views.ts)
  private emitOrder(a: SimAccount, o: FutOrder, exec: 'NEW' | 'TRADE' | 'CANCELED' | 'EXPIRED' | 'AMENDMENT', fill: FillReport | null, now: number): void {
    if (this.events.has(a.apiKey, 'FUT')) this.events.emit(a.apiKey, 'FUT', this.views.orderTradeUpdate(o, exec, fill, now));
  }

  private emitAccount(a: SimAccount, symbol: string | null, reason: string, now: number): void {
    if (this.events.has(a.apiKey, 'FUT')) this.events.emit(a.apiKey, 'FUT', this.views.accountUpdate(a, symbol, reason, now));
  }

  private emitAlgo(a: SimAccount, algo: AlgoOrder, now: number): void {
    if (this.events.has(a.apiKey, 'FUT')) this.events.emit(a.apiKey, 'FUT', this.views.algoUpdate(a, algo, now));
  }

  /** Inspection: every account's futures state. */
  inspect() { return this.views.inspect(this.accounts.all()); }
}

export type { AlgoType };
