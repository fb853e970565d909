/**
 * Binance-shaped views of the futures engine's state: order, algo-order and position objects as
 * the REST API returns them, and the ORDER_TRADE_UPDATE / ACCOUNT_UPDATE / ALGO_UPDATE payloads.
 * @see ../shared/spec/binance-protocol.md §2.9–§2.16, §4.5
 */
import { Dec } from '../../core/money/decimal.ts';
import type { SimAccount } from '../accounts/accounts.ts';
import { bracketFor, maxNotionalFor } from './brackets.ts';
import type { FuturesEngine } from './engine.ts';
import type { AlgoOrder, FutOrder, Position } from './types.ts';

export interface FillReport { price: Dec; qty: Dec; fee: Dec; maker: boolean; realized: Dec; tradeId: number; }

const ZERO = new Dec(0);

export class FuturesViews {
  constructor(private readonly e: FuturesEngine) {}

  orderView(o: FutOrder, withTime: boolean) {
    const s = this.e.sym(o.symbol);
    const executed = s.fut.stepDec.mul(o.filledSteps);
    return {
      orderId: o.orderId, symbol: o.symbol, status: o.status, clientOrderId: o.clientOrderId, price: o.priceTicks === null ? '0' : s.fut.fmtPrice(o.priceTicks),
      avgPrice: o.filledSteps > 0 ? o.cumQuote.div(executed).toFixed(Math.max(5, s.fut.priceDecimals)) : '0.00000', origQty: s.fut.fmtQty(o.qtySteps), executedQty: executed.toFixed(s.fut.qtyDecimals),
      cumQty: executed.toFixed(s.fut.qtyDecimals), cumQuote: o.cumQuote.toFixed(), timeInForce: o.timeInForce, type: o.type, origType: o.origType, reduceOnly: o.reduceOnly,
      closePosition: o.closePosition, side: o.side, positionSide: o.positionSide, stopPrice: o.stopPrice, workingType: o.workingType, priceProtect: false, priceMatch: 'NONE',
      selfTradePreventionMode: 'NONE', goodTillDate: 0, ...(withTime ? { time: o.time } : {}), updateTime: o.updateTime,
    };
  }

  algoView(a: SimAccount, algo: AlgoOrder) {
    const s = this.e.sym(algo.symbol);
    const child = algo.actualOrderId !== null ? this.e.book(a).orders.get(algo.actualOrderId) : undefined;
    return {
      algoId: algo.algoId, clientAlgoId: algo.clientAlgoId, algoType: 'CONDITIONAL', orderType: algo.orderType, symbol: algo.symbol, side: algo.side, positionSide: algo.positionSide,
      timeInForce: algo.timeInForce, quantity: algo.qtySteps === null ? '0' : s.fut.fmtQty(algo.qtySteps), algoStatus: algo.algoStatus,
      triggerPrice: algo.triggerTicks === null ? '0' : s.fut.fmtPrice(algo.triggerTicks), price: algo.priceTicks === null ? '0' : s.fut.fmtPrice(algo.priceTicks),
      icebergQuantity: null, selfTradePreventionMode: 'NONE', workingType: algo.workingType, priceMatch: 'NONE', closePosition: algo.closePosition, priceProtect: algo.priceProtect,
      reduceOnly: algo.reduceOnly, activatePrice: algo.activateTicks === null ? '' : s.fut.fmtPrice(algo.activateTicks), callbackRate: algo.callbackRate === null ? '' : String(algo.callbackRate),
      createTime: algo.createTime, updateTime: algo.updateTime, triggerTime: algo.triggerTime, goodTillDate: 0,
      actualOrderId: algo.actualOrderId === null ? '' : String(algo.actualOrderId), actualPrice: child && child.filledSteps > 0 ? child.cumQuote.div(s.fut.stepDec.mul(child.filledSteps)).toFixed(s.fut.priceDecimals) : '0',
      actualType: child?.type ?? '', actualQty: child ? s.fut.fmtQty(child.filledSteps) : '0', tpOrderType: '',
    };
  }

  positionView(a: SimAccount, p: Position, v3: boolean) {
    const s = this.e.sym(p.symbol);
    const mark = this.e.margin.markOf(p.symbol);
    const signed = this.e.margin.signedAmt(p);
    const lev = this.e.margin.leverage(a, p.symbol);
    const isolated = this.e.margin.marginType(a, p.symbol) === 'ISOLATED';
    const iw = this.e.margin.isolatedWallet(a, p);
    const upnl = this.e.margin.unrealized(p);
    const b = bracketFor(signed.abs().mul(mark).toNumber());
    let liq = ZERO;
    if (!signed.isZero()) {
      const wb = isolated ? iw : this.e.margin.totals(a).wallet;
      const side = signed.gt(0) ? 1 : -1;
      const q = signed.abs();
      liq = wb.add(b.cum).sub(q.mul(p.entry).mul(side)).div(q.mul(b.maintMarginRatio).sub(q.mul(side)));
      if (liq.lt(0)) liq = ZERO;
    }
    const common = {
      symbol: p.symbol, positionSide: p.positionSide, positionAmt: signed.toFixed(s.fut.qtyDecimals), entryPrice: p.entry.toFixed(8), breakEvenPrice: signed.isZero() ? '0.0' : p.entry.mul(signed.gt(0) ? '1.0005' : '0.9995').toFixed(8),
      markPrice: mark.toFixed(8), unRealizedProfit: upnl.toFixed(8), liquidationPrice: liq.toFixed(8), isolatedMargin: isolated ? iw.add(upnl).toFixed(8) : '0',
      notional: signed.mul(mark).toFixed(8), isolatedWallet: iw.toFixed(8), updateTime: p.updateTime,
    };
    if (v3) return { ...common, marginAsset: 'USDT', initialMargin: this.e.margin.positionIM(a, p).toFixed(8), maintMargin: this.e.margin.maintMargin(p).toFixed(8), positionInitialMargin: this.e.margin.positionIM(a, p).toFixed(8), openOrderInitialMargin: this.e.margin.openOrderIM(a, p.symbol).toFixed(8), adl: 0, bidNotional: '0', askNotional: '0' };
    return { ...common, marginType: isolated ? 'isolated' : 'cross', isAutoAddMargin: 'false', leverage: String(lev), maxNotionalValue: String(maxNotionalFor(lev)) };
  }

  orderTradeUpdate(o: FutOrder, exec: 'NEW' | 'TRADE' | 'CANCELED' | 'EXPIRED' | 'AMENDMENT', fill: FillReport | null, now: number) {
    const s = this.e.sym(o.symbol);
    const v = this.orderView(o, false);
    return {
      e: 'ORDER_TRADE_UPDATE', E: now, T: now,
      o: {
        s: o.symbol, c: o.clientOrderId, S: o.side, o: o.type, f: o.timeInForce, q: v.origQty, p: v.price, ap: v.avgPrice, sp: o.stopPrice, x: exec, X: o.status, i: o.orderId,
        l: fill ? fill.qty.toFixed(s.fut.qtyDecimals) : '0', z: v.executedQty, L: fill ? fill.price.toFixed(s.fut.priceDecimals) : '0', N: 'USDT', n: fill ? fill.fee.toFixed(8) : '0',
        T: now, t: fill ? fill.tradeId : 0, b: '0', a: '0', m: fill ? fill.maker : false, R: o.reduceOnly, wt: o.workingType, ot: o.origType, ps: o.positionSide, cp: o.closePosition,
        rp: fill ? fill.realized.toFixed(8) : '0', pP: false, si: 0, ss: 0, V: 'NONE', pm: 'NONE', gtd: 0, er: '0',
      },
    };
  }

  accountUpdate(a: SimAccount, symbol: string | null, reason: string, now: number) {
    const b = this.e.book(a);
    const wallet = this.e.margin.wallet(a).toFixed(8);
    return {
      e: 'ACCOUNT_UPDATE', E: now, T: now,
      a: {
        m: reason, B: [{ a: 'USDT', wb: wallet, cw: wallet, bc: '0' }],
        P: [...b.positions.values()].filter((p) => symbol === null || p.symbol === symbol).map((p) => ({
          s: p.symbol, pa: this.e.margin.signedAmt(p).toFixed(this.e.sym(p.symbol).fut.qtyDecimals), ep: p.entry.toFixed(8), bep: p.entry.toFixed(8), cr: '0', up: this.e.margin.unrealized(p).toFixed(8),
          mt: this.e.margin.marginType(a, p.symbol) === 'ISOLATED' ? 'isolated' : 'cross', iw: this.e.margin.isolatedWallet(a, p).toFixed(8), ps: p.positionSide,
        })),
      },
    };
  }

  algoUpdate(a: SimAccount, algo: AlgoOrder, now: number) {
    const v = this.algoView(a, algo);
    return {
      e: 'ALGO_UPDATE', T: now, E: now,
      o: { caid: v.clientAlgoId, aid: v.algoId, at: 'CONDITIONAL', o: v.orderType, s: v.symbol, S: v.side, ps: v.positionSide, f: v.timeInForce, q: v.quantity, X: v.algoStatus, ai: v.actualOrderId, ap: v.actualPrice, aq: v.actualQty, act: v.actualType, tp: v.triggerPrice, p: v.price, V: 'NONE', wt: v.workingType, pm: 'NONE', cp: v.closePosition, pP: v.priceProtect, R: v.reduceOnly, tt: v.triggerTime, gtd: 0 },
    };
  }

  /** Inspection: the futures state of these accounts. */
  inspect(accounts: SimAccount[]) {
    return accounts.map((a) => {
      const b = this.e.book(a);
      const t = this.e.margin.totals(a);
      return {
        apiKey: a.apiKey, wallet: t.wallet.toFixed(8), available: t.available.toFixed(8), unrealized: t.unrealized.toFixed(8), dualSide: b.dualSide,
        positions: [...b.positions.values()].filter((p) => !p.amt.isZero()).map((p) => this.positionView(a, p, true)),
        openOrders: [...b.openOrders].map((id) => this.orderView(b.orders.get(id)!, true)), openAlgoOrders: [...b.openAlgos].map((id) => this.algoView(a, b.algos.get(id)!)),
        fills: b.trades.slice(-500),
      };
    });
  }
}
