/**
 * The spot matching engine: LIMIT / MARKET (by quantity or quoteOrderQty) / LIMIT_MAKER and the
 * stop family (STOP_LOSS[_LIMIT], TAKE_PROFIT[_LIMIT]) triggered by the last price, balances with
 * free/locked, commission in the received asset, -1013 filter failures and -2010 rejections as
 * Binance words them, and OCO order lists where one leg's fill (or cancel) ends the other.
 */
import { Dec } from '../../core/money/decimal.ts';
import type { AccountBook, SimAccount, SpotBalance } from '../accounts/accounts.ts';
import { BinanceError } from '../http/binance-error.ts';
import type { Market, SymbolState } from '../market/market.ts';
import { trimList, trimOrders } from '../history-limits.ts';
import { lookupOrder } from '../order-lookup.ts';
import type { UserEvents } from '../user-events.ts';

export type SpotType = 'LIMIT' | 'MARKET' | 'LIMIT_MAKER' | 'STOP_LOSS' | 'STOP_LOSS_LIMIT' | 'TAKE_PROFIT' | 'TAKE_PROFIT_LIMIT';
export type SpotStatus = 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'REJECTED' | 'EXPIRED' | 'PENDING_NEW';
type Side = 'BUY' | 'SELL';

export const SPOT_FEE = '0.001';
const CLIENT_ID_RE = /^[.A-Z:/a-z0-9_-]{1,36}$/;
const ZERO = new Dec(0);
const reject = (msg: string) => new BinanceError(-2010, msg);
const filter = (name: string) => new BinanceError(-1013, `Filter failure: ${name}`);

export interface SpotOrder {
  orderId: number; orderListId: number; symbol: string; clientOrderId: string; side: Side; type: SpotType; timeInForce: 'GTC' | 'IOC' | 'FOK';
  priceTicks: number | null; stopTicks: number | null; qtySteps: number | null; quoteQty: Dec | null;
  filledSteps: number; cumQuote: Dec; status: SpotStatus; time: number; updateTime: number; workingTime: number; isWorking: boolean;
  /** What this order holds locked (released as it fills or ends). */
  locked: Dec; lockAsset: string;
  fills: { price: string; qty: string; commission: string; commissionAsset: string; tradeId: number }[];
}

export interface OrderList { orderListId: number; listClientOrderId: string; symbol: string; orderIds: number[]; listStatusType: string; listOrderStatus: string; transactionTime: number; }
export interface SpotTrade { symbol: string; id: number; orderId: number; orderListId: number; price: string; qty: string; quoteQty: string; commission: string; commissionAsset: string; time: number; isBuyer: boolean; isMaker: boolean; isBestMatch: boolean; }

interface SpotBook { orders: Map<number, SpotOrder>; open: Set<number>; lists: Map<number, OrderList>; trades: SpotTrade[]; }

export interface NewSpotOrder {
  symbol: string; side: Side; type: SpotType; timeInForce: 'GTC' | 'IOC' | 'FOK'; qtySteps: number | null; quoteQty: Dec | null;
  priceTicks: number | null; stopTicks: number | null; clientOrderId: string | null; orderListId?: number;
}

export class SpotEngine {
  private readonly books = new Map<string, SpotBook>();
  private nextOrderId = 12_000_001;
  private nextListId = 5_001;
  private nextTradeId = 60_000_001;
  private clientSeq = 0;

  constructor(private readonly market: Market, private readonly accounts: AccountBook, private readonly events: UserEvents) {
    market.onStep((t) => this.onStep(t));
  }

  book(a: SimAccount): SpotBook {
    let b = this.books.get(a.apiKey);
    if (!b) this.books.set(a.apiKey, (b = { orders: new Map(), open: new Set(), lists: new Map(), trades: [] }));
    return b;
  }

  private bal(a: SimAccount, asset: string): SpotBalance {
    let b = a.spot.balances.get(asset);
    if (!b) a.spot.balances.set(asset, (b = { free: ZERO, locked: ZERO }));
    return b;
  }
  private sym(symbol: string): SymbolState { return this.market.get(symbol)!; }
  private newClientId(): string { return `sim_s${(++this.clientSeq).toString(36).padStart(8, '0')}`; }
  private lastTicks(s: SymbolState): number { return Math.round(s.spot.mid / s.spot.shape.tick); }

  findOrder(a: SimAccount, symbol: string, orderId: number | null, clientId: string | null): SpotOrder | undefined {
    return lookupOrder(this.book(a).orders, symbol, orderId, clientId);
  }

  /** Checks everything a new order must satisfy; throws the Binance error otherwise. */
  private validate(a: SimAccount, r: NewSpotOrder): void {
    const s = this.sym(r.symbol);
    const f = s.def.spot;
    const m = s.spot;
    if (r.clientOrderId !== null) {
      if (!CLIENT_ID_RE.test(r.clientOrderId)) throw new BinanceError(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.");
      const b = this.book(a);
      for (const id of b.open) if (b.orders.get(id)!.clientOrderId === r.clientOrderId) throw reject('Duplicate order sent.');
    }
    const ref = r.priceTicks !== null ? m.tickDec.mul(r.priceTicks) : new Dec(s.spot.mid.toFixed(8));
    if (r.priceTicks !== null && r.priceTicks <= 0) throw filter('PRICE_FILTER');
    if (r.qtySteps !== null) {
      const qty = m.stepDec.mul(r.qtySteps);
      if (qty.lt(f.minQty) || qty.gt(f.maxQty)) throw filter(r.type === 'MARKET' ? 'MARKET_LOT_SIZE' : 'LOT_SIZE');
      const notional = qty.mul(ref);
      if (notional.lt(f.minNotional) || notional.gt(f.maxNotional)) throw filter('NOTIONAL');
    } else if (r.quoteQty !== null && r.quoteQty.lt(f.minNotional)) throw filter('NOTIONAL');
    if (r.priceTicks !== null) {
      const avg = s.spot.mid;
      const p = m.priceOf(r.priceTicks);
      if (p > avg * 5 || p < avg * 0.2) throw filter('PERCENT_PRICE_BY_SIDE');
    }
  }

  place(a: SimAccount, r: NewSpotOrder, now: number): SpotOrder {
    this.validate(a, r);
    const s = this.sym(r.symbol);
    const m = s.spot;
    const last = this.lastTicks(s);
    if (r.stopTicks !== null && this.stopTriggered(r.type, r.side, r.stopTicks, last)) throw reject('Order would trigger immediately.');
    if (r.type === 'LIMIT_MAKER') {
      const crosses = r.side === 'BUY' ? r.priceTicks! >= m.bestAskTicks() : r.priceTicks! <= m.bestBidTicks();
      if (crosses) throw reject('Order would immediately match and take.');
    }
    // lock what the order may spend
    const base = s.def.base, quote = s.def.quote;
    let lockAsset: string, locked: Dec;
    if (r.side === 'SELL') { lockAsset = base; locked = r.qtySteps !== null ? m.stepDec.mul(r.qtySteps) : r.quoteQty!.div(new Dec(m.mid.toFixed(8))).toDecimalPlaces(m.qtyDecimals, Dec.ROUND_DOWN); }
    else {
      lockAsset = quote;
      const price = r.priceTicks !== null ? m.tickDec.mul(r.priceTicks) : m.tickDec.mul(m.bestAskTicks()).mul('1.05'); // a market buy may walk the book
      locked = r.quoteQty ?? m.stepDec.mul(r.qtySteps!).mul(price);
    }
    const bal = this.bal(a, lockAsset);
    if (bal.free.lt(locked)) {
      if (r.type === 'MARKET' && r.side === 'BUY' && r.quoteQty === null) locked = bal.free; // spend what there is; checked against real cost below
      else throw reject('Account has insufficient balance for requested action.');
    }
    const order: SpotOrder = {
      orderId: this.nextOrderId++, orderListId: r.orderListId ?? -1, symbol: r.symbol, clientOrderId: r.clientOrderId ?? this.newClientId(), side: r.side, type: r.type,
      timeInForce: r.timeInForce, priceTicks: r.priceTicks, stopTicks: r.stopTicks, qtySteps: r.qtySteps, quoteQty: r.quoteQty, filledSteps: 0, cumQuote: ZERO, status: 'NEW',
      time: now, updateTime: now, workingTime: r.stopTicks !== null ? -1 : now, isWorking: r.stopTicks === null, locked, lockAsset, fills: [],
    };
    if (r.type === 'MARKET' && r.side === 'BUY' && r.qtySteps !== null) {
      const cost = this.costToBuy(s, r.qtySteps);
      if (cost === null || bal.free.lt(cost)) throw reject('Account has insufficient balance for requested action.');
      order.locked = cost;
    }
    bal.free = bal.free.sub(order.locked);
    bal.locked = bal.locked.add(order.locked);
    a.spot.updateTime = now;
    const b = this.book(a);
    b.orders.set(order.orderId, order);
    trimOrders(b.orders, b.open);
    this.emitExecution(a, order, 'NEW', null, now);
    if (order.isWorking) this.work(a, order, now);
    else b.open.add(order.orderId);
    return order;
  }

  private costToBuy(s: SymbolState, qtySteps: number): Dec | null {
    const m = s.spot;
    const book = m.currentBook().asks;
    let left = qtySteps, cost = ZERO;
    for (let i = 0; i < book.prices.length && left > 0; i++) {
      const q = Math.min(book.qtys[i]!, left);
      if (q <= 0) continue;
      cost = cost.add(m.tickDec.mul(book.prices[i]!).mul(m.stepDec.mul(q)));
      left -= q;
    }
    return left > 0 ? null : cost;
  }

  /** An order that is working: take what crosses, then rest or expire. */
  private work(a: SimAccount, o: SpotOrder, now: number): void {
    const s = this.sym(o.symbol);
    const m = s.spot;
    const b = this.book(a);
    const limit = o.type === 'MARKET' || o.type === 'STOP_LOSS' || o.type === 'TAKE_PROFIT' ? null : o.priceTicks;
    let want = o.qtySteps !== null ? o.qtySteps - o.filledSteps : null;
    if (want === null) {
      // quoteOrderQty: as much base as the quote buys (BUY) or sells for (SELL), walking the book
      want = this.stepsForQuote(s, o.side, o.quoteQty!.sub(o.cumQuote));
    }
    if (o.timeInForce === 'FOK' && o.type === 'LIMIT' && m.available(o.side, limit) < want) { this.end(a, o, 'EXPIRED', now); return; }
    if (o.type !== 'LIMIT_MAKER' && want > 0) for (const [p, q] of m.take(o.side, want, limit)) this.fill(a, o, p, q, false, now);
    if (o.status === 'FILLED') return;
    const resting = (o.type === 'LIMIT' || o.type === 'LIMIT_MAKER' || o.type === 'STOP_LOSS_LIMIT' || o.type === 'TAKE_PROFIT_LIMIT') && o.timeInForce === 'GTC';
    if (resting) b.open.add(o.orderId); else this.end(a, o, 'EXPIRED', now);
  }

  private stepsForQuote(s: SymbolState, side: Side, quote: Dec): number {
    const m = s.spot;
    const levels = side === 'BUY' ? m.currentBook().asks : m.currentBook().bids;
    let left = quote, steps = 0;
    for (let i = 0; i < levels.prices.length && left.gt(0); i++) {
      const price = m.tickDec.mul(levels.prices[i]!);
      const canSteps = Math.min(levels.qtys[i]!, left.div(price.mul(m.stepDec)).floor().toNumber());
      if (canSteps <= 0) break;
      steps += canSteps;
      left = left.sub(price.mul(m.stepDec.mul(canSteps)));
      if (canSteps < levels.qtys[i]!) break;
    }
    return steps;
  }

  private fill(a: SimAccount, o: SpotOrder, priceTicks: number, qtySteps: number, maker: boolean, now: number): void {
    const s = this.sym(o.symbol);
    const m = s.spot;
    const price = m.tickDec.mul(priceTicks), qty = m.stepDec.mul(qtySteps);
    const quote = price.mul(qty);
    const base = s.def.base, quoteAsset = s.def.quote;
    const received = o.side === 'BUY' ? qty : quote;
    const commissionAsset = o.side === 'BUY' ? base : quoteAsset;
    const commission = received.mul(SPOT_FEE).toDecimalPlaces(8, Dec.ROUND_UP);
    const spent = o.side === 'BUY' ? quote : qty;
    const spend = this.bal(a, o.lockAsset);
    const fromLock = Dec.min(spent, o.locked);
    spend.locked = spend.locked.sub(fromLock);
    o.locked = o.locked.sub(fromLock);
    if (spent.gt(fromLock)) spend.free = spend.free.sub(spent.sub(fromLock));
    const recv = this.bal(a, commissionAsset);
    recv.free = recv.free.add(received.sub(commission));
    a.spot.updateTime = now;
    o.filledSteps += qtySteps;
    o.cumQuote = o.cumQuote.add(quote);
    o.updateTime = now;
    // a quoteOrderQty order is done when what is left cannot buy one more step at this price
    const done = o.qtySteps !== null ? o.filledSteps >= o.qtySteps : o.quoteQty!.sub(o.cumQuote).lt(price.mul(m.stepDec));
    o.status = done ? 'FILLED' : 'PARTIALLY_FILLED';
    const tradeId = this.nextTradeId++;
    o.fills.push({ price: price.toFixed(8), qty: qty.toFixed(8), commission: commission.toFixed(8), commissionAsset, tradeId });
    const trades = this.book(a).trades;
    trades.push({ symbol: o.symbol, id: tradeId, orderId: o.orderId, orderListId: o.orderListId, price: price.toFixed(8), qty: qty.toFixed(8), quoteQty: quote.toFixed(8), commission: commission.toFixed(8), commissionAsset, time: now, isBuyer: o.side === 'BUY', isMaker: maker, isBestMatch: true });
    trimList(trades);
    m.recordTrade(priceTicks, qtySteps, now, maker ? o.side === 'BUY' : o.side === 'SELL');
    this.emitExecution(a, o, 'TRADE', { price, qty, commission, commissionAsset, tradeId, maker }, now);
    if (done) this.end(a, o, 'FILLED', now);
    this.emitBalances(a, [o.lockAsset, commissionAsset], now);
  }

  /** Ends an order (releasing its lock); ends the other legs of its OCO list. */
  private end(a: SimAccount, o: SpotOrder, status: 'FILLED' | 'CANCELED' | 'EXPIRED', now: number, fromList = false): void {
    const b = this.book(a);
    b.open.delete(o.orderId);
    if (o.locked.gt(0)) {
      const bal = this.bal(a, o.lockAsset);
      bal.locked = bal.locked.sub(o.locked);
      bal.free = bal.free.add(o.locked);
      o.locked = ZERO;
      this.emitBalances(a, [o.lockAsset], now);
    }
    o.status = status;
    o.updateTime = now;
    if (status !== 'FILLED') this.emitExecution(a, o, status === 'CANCELED' ? 'CANCELED' : 'EXPIRED', null, now);
    if (o.orderListId >= 0 && !fromList) {
      const list = b.lists.get(o.orderListId);
      if (list && list.listOrderStatus !== 'ALL_DONE') {
        for (const id of list.orderIds) { const other = b.orders.get(id)!; if (other !== o && b.open.has(id)) this.end(a, other, status === 'CANCELED' ? 'CANCELED' : 'EXPIRED', now, true); }
        list.listStatusType = 'ALL_DONE'; list.listOrderStatus = 'ALL_DONE'; list.transactionTime = now;
        this.emitList(a, list, now);
      }
    }
  }

  cancel(a: SimAccount, o: SpotOrder, now: number): SpotOrder {
    if (!this.book(a).open.has(o.orderId)) throw new BinanceError(-2011, 'Unknown order sent.');
    this.end(a, o, 'CANCELED', now);
    return o;
  }

  private stopTriggered(type: SpotType, side: Side, stopTicks: number, lastTicks: number): boolean {
    const stopLoss = type === 'STOP_LOSS' || type === 'STOP_LOSS_LIMIT';
    return stopLoss === (side === 'BUY') ? lastTicks >= stopTicks : lastTicks <= stopTicks;
  }

  // ---------------------------------------------------------------- OCO
  placeOco(a: SimAccount, req: { symbol: string; side: Side; qtySteps: number; listClientOrderId: string | null; above: Omit<NewSpotOrder, 'symbol' | 'side' | 'qtySteps' | 'quoteQty'>; below: Omit<NewSpotOrder, 'symbol' | 'side' | 'qtySteps' | 'quoteQty'> }, now: number) {
    const s = this.sym(req.symbol);
    const last = this.lastTicks(s);
    const isLimitLeg = (t: SpotType) => t === 'LIMIT_MAKER' || t === 'TAKE_PROFIT' || t === 'TAKE_PROFIT_LIMIT';
    const isStopLeg = (t: SpotType) => t === 'STOP_LOSS' || t === 'STOP_LOSS_LIMIT';
    const [limitLeg, stopLeg] = isLimitLeg(req.above.type) && (isStopLeg(req.below.type) || req.side === 'SELL') ? [req.above, req.below] : [req.below, req.above];
    if (!(isLimitLeg(limitLeg.type) && (isStopLeg(stopLeg.type) || isLimitLeg(stopLeg.type)))) throw new BinanceError(-1106, 'Invalid OCO leg types.');
    const limitPx = limitLeg.priceTicks ?? limitLeg.stopTicks!;
    const stopPx = stopLeg.stopTicks ?? stopLeg.priceTicks!;
    const ok = req.side === 'SELL' ? limitPx > last && last > stopPx : limitPx < last && last < stopPx;
    if (!ok) throw reject('The relationship of the prices for the orders is not correct.');
    // one quantity, two exits: the legs share one lock, the larger of the two, carried by the first leg.
    // Binance places the below leg first (it gets the lower orderId and is listed first).
    const b = this.book(a);
    const listId = this.nextListId++;
    const list: OrderList = { orderListId: listId, listClientOrderId: req.listClientOrderId ?? this.newClientId(), symbol: req.symbol, orderIds: [], listStatusType: 'EXEC_STARTED', listOrderStatus: 'EXECUTING', transactionTime: now };
    b.lists.set(listId, list);
    const first = this.place(a, { ...req.below, symbol: req.symbol, side: req.side, qtySteps: req.qtySteps, quoteQty: null, orderListId: listId }, now);
    list.orderIds.push(first.orderId);
    const bal = this.bal(a, first.lockAsset);
    const firstLock = first.locked;
    bal.free = bal.free.add(firstLock); bal.locked = bal.locked.sub(firstLock); first.locked = ZERO; // let the second leg check the same funds
    let second: SpotOrder;
    try {
      second = this.place(a, { ...req.above, symbol: req.symbol, side: req.side, qtySteps: req.qtySteps, quoteQty: null, orderListId: listId }, now);
    } catch (e) {
      bal.free = bal.free.sub(firstLock); bal.locked = bal.locked.add(firstLock); first.locked = firstLock;
      b.lists.delete(listId);
      first.orderListId = -1;
      this.end(a, first, 'CANCELED', now);
      throw e;
    }
    const secondLock = second.locked;
    const keep = Dec.max(firstLock, secondLock);
    bal.free = bal.free.add(secondLock).sub(keep); bal.locked = bal.locked.sub(secondLock).add(keep);
    first.locked = keep; second.locked = ZERO;
    list.orderIds.push(second.orderId);
    this.emitList(a, list, now);
    return { list, orders: [first, second] };
  }

  // ---------------------------------------------------------------- per step
  private onStep(now: number): void {
    for (const a of this.accounts.all()) {
      const b = this.books.get(a.apiKey);
      if (!b || b.open.size === 0) continue;
      for (const id of [...b.open]) {
        const o = b.orders.get(id)!;
        if (!b.open.has(id)) continue;
        const s = this.sym(o.symbol);
        if (!o.isWorking) {
          if (this.stopTriggered(o.type, o.side, o.stopTicks!, this.lastTicks(s))) { o.isWorking = true; o.workingTime = now; b.open.delete(id); this.work(a, o, now); }
          continue;
        }
        this.matchResting(a, o, s, now);
      }
    }
  }

  private matchResting(a: SimAccount, o: SpotOrder, s: SymbolState, now: number): void {
    const m = s.spot;
    if (o.priceTicks === null || o.qtySteps === null) return;
    const left = o.qtySteps - o.filledSteps;
    const through = o.side === 'BUY' ? m.bestAskTicks() <= o.priceTicks : m.bestBidTicks() >= o.priceTicks;
    if (through) { this.fill(a, o, o.priceTicks, left, true, now); return; }
    const last = m.trades[m.trades.length - 1];
    if (!last || last.time !== now) return;
    const hits = o.side === 'BUY' ? last.isBuyerMaker && last.priceTicks <= o.priceTicks : !last.isBuyerMaker && last.priceTicks >= o.priceTicks;
    if (hits) this.fill(a, o, o.priceTicks, Math.min(left, last.qtySteps), true, now);
  }

  /** Spot ↔ futures (and back) transfers move USDT (or any asset) here; the futures side is the caller's. */
  adjust(a: SimAccount, asset: string, delta: Dec, now: number): void {
    const bal = this.bal(a, asset);
    if (bal.free.add(delta).lt(0)) throw new BinanceError(-5002, 'You have insufficient balance.');
    bal.free = bal.free.add(delta);
    a.spot.updateTime = now;
    this.events.emit(a.apiKey, 'SPOT', { e: 'balanceUpdate', E: now, a: asset, d: delta.toFixed(8), T: now });
    this.emitBalances(a, [asset], now);
  }

  // ---------------------------------------------------------------- views and events
  view(o: SpotOrder, kind: 'ACK' | 'RESULT' | 'FULL' | 'QUERY') {
    const m = this.sym(o.symbol).spot;
    const base = { symbol: o.symbol, orderId: o.orderId, orderListId: o.orderListId, clientOrderId: o.clientOrderId };
    if (kind === 'ACK') return { ...base, transactTime: o.time };
    const fields = {
      price: o.priceTicks === null ? '0.00000000' : m.tickDec.mul(o.priceTicks).toFixed(8), origQty: o.qtySteps === null ? '0.00000000' : m.stepDec.mul(o.qtySteps).toFixed(8),
      executedQty: m.stepDec.mul(o.filledSteps).toFixed(8), cummulativeQuoteQty: o.cumQuote.toFixed(8), status: o.status, timeInForce: o.timeInForce, type: o.type, side: o.side,
      ...(o.stopTicks !== null ? { stopPrice: m.tickDec.mul(o.stopTicks).toFixed(8) } : {}),
    };
    if (kind === 'QUERY') return { ...base, ...fields, stopPrice: fields.stopPrice ?? '0.00000000', icebergQty: '0.00000000', time: o.time, updateTime: o.updateTime, isWorking: o.isWorking, workingTime: o.workingTime, origQuoteOrderQty: (o.quoteQty ?? ZERO).toFixed(8), selfTradePreventionMode: 'NONE' };
    const result = { ...base, transactTime: o.time, ...fields, origQuoteOrderQty: (o.quoteQty ?? ZERO).toFixed(8), workingTime: o.workingTime, selfTradePreventionMode: 'NONE' };
    return kind === 'FULL' ? { ...result, fills: o.fills } : result;
  }

  listView(a: SimAccount, list: OrderList, withReports: boolean) {
    const b = this.book(a);
    const orders = list.orderIds.map((id) => b.orders.get(id)!);
    return {
      orderListId: list.orderListId, contingencyType: 'OCO', listStatusType: list.listStatusType, listOrderStatus: list.listOrderStatus, listClientOrderId: list.listClientOrderId,
      transactionTime: list.transactionTime, symbol: list.symbol, orders: orders.map((o) => ({ symbol: o.symbol, orderId: o.orderId, clientOrderId: o.clientOrderId })),
      ...(withReports ? { orderReports: orders.map((o) => this.view(o, 'RESULT')) } : {}),
    };
  }

  private emitExecution(a: SimAccount, o: SpotOrder, exec: 'NEW' | 'TRADE' | 'CANCELED' | 'EXPIRED', fill: { price: Dec; qty: Dec; commission: Dec; commissionAsset: string; tradeId: number; maker: boolean } | null, now: number): void {
    if (!this.events.has(a.apiKey, 'SPOT')) return;
    const v = this.view(o, 'RESULT') as Record<string, unknown>;
    this.events.emit(a.apiKey, 'SPOT', {
      e: 'executionReport', E: now, s: o.symbol, c: o.clientOrderId, S: o.side, o: o.type, f: o.timeInForce, q: v.origQty, p: v.price, P: v.stopPrice ?? '0.00000000', F: '0.00000000',
      g: o.orderListId, C: '', x: exec, X: o.status, r: 'NONE', i: o.orderId, l: fill ? fill.qty.toFixed(8) : '0.00000000', z: v.executedQty, L: fill ? fill.price.toFixed(8) : '0.00000000',
      n: fill ? fill.commission.toFixed(8) : '0', N: fill ? fill.commissionAsset : null, T: now, t: fill ? fill.tradeId : -1, v: 0, I: 0, w: o.isWorking && o.status !== 'FILLED', m: fill ? fill.maker : false, M: false,
      O: o.time, Z: o.cumQuote.toFixed(8), Y: fill ? fill.price.mul(fill.qty).toFixed(8) : '0.00000000', Q: (o.quoteQty ?? ZERO).toFixed(8), W: o.workingTime, V: 'NONE',
    });
  }

  private emitBalances(a: SimAccount, assets: string[], now: number): void {
    if (!this.events.has(a.apiKey, 'SPOT')) return;
    this.events.emit(a.apiKey, 'SPOT', { e: 'outboundAccountPosition', E: now, u: now, B: [...new Set(assets)].map((x) => { const b = this.bal(a, x); return { a: x, f: b.free.toFixed(8), l: b.locked.toFixed(8) }; }) });
  }

  private emitList(a: SimAccount, list: OrderList, now: number): void {
    if (!this.events.has(a.apiKey, 'SPOT')) return;
    const v = this.listView(a, list, false);
    this.events.emit(a.apiKey, 'SPOT', { e: 'listStatus', E: now, s: list.symbol, g: list.orderListId, c: 'OCO', l: list.listStatusType, L: list.listOrderStatus, r: 'NONE', C: list.listClientOrderId, T: now, O: v.orders.map((o) => ({ s: o.symbol, i: o.orderId, c: o.clientOrderId })) });
  }

  inspect() {
    return this.accounts.all().map((a) => {
      const b = this.book(a);
      return { apiKey: a.apiKey, openOrders: [...b.open].map((id) => this.view(b.orders.get(id)!, 'QUERY')), fills: b.trades.slice(-500) };
    });
  }
}
