/**
 * USDⓈ-M futures trading and account endpoints (binance-protocol.md §2.3, §2.9–§2.20): orders,
 * algo (conditional) orders, positions, leverage, margin type, position mode, income, user trades.
 */
import { Dec } from '../../core/money/decimal.ts';
import type { SimAccount } from '../accounts/accounts.ts';
import { BRACKETS } from '../futures/brackets.ts';
import type { FuturesEngine } from '../futures/engine.ts';
import type { ListenKeys } from '../futures/listen-keys.ts';
import type { AlgoType, PositionSide, Side, Tif } from '../futures/types.ts';
import type { Market } from '../market/market.ts';
import type { SymbolMarket } from '../market/symbol-market.ts';
import { simSymbols } from '../markets/symbols.ts';
import { BinanceError, binanceErrors } from './binance-error.ts';
import { enumParam, intParam, optionalInt, optionalSymbol, requireParam, symbolParam } from './params.ts';
import type { Route, RouteContext } from './router.ts';

const DECIMAL_RE = /^\d{1,20}(\.\d{1,20})?$/;
const STOP_TYPES = ['STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET'];

/** Converts a decimal parameter to whole steps of `unit`, or the Binance error for its malformation. */
export function toUnits(m: SymbolMarket, params: URLSearchParams, name: string, kind: 'qty' | 'price', required = true): number | null {
  const raw = params.get(name);
  if (raw === null || raw === '') { if (required) throw binanceErrors.mandatory(name); return null; }
  if (!DECIMAL_RE.test(raw)) throw new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.`);
  const v = new Dec(raw);
  const unit = kind === 'qty' ? m.stepDec : m.tickDec;
  if (v.decimalPlaces() > unit.decimalPlaces()) throw new BinanceError(-1111, 'Precision is over the maximum defined for this asset.');
  if (!v.mod(unit).isZero()) throw kind === 'qty' ? new BinanceError(-4023, 'Qty not increased by step size.') : new BinanceError(-4014, 'Price not increased by tick size.');
  const units = v.div(unit).toNumber();
  if (!Number.isSafeInteger(units)) throw kind === 'qty' ? new BinanceError(-4005, 'Quantity greater than max quantity.') : new BinanceError(-4016, 'Price is higher than mark price multiplier cap.');
  return units;
}

const bool = (params: URLSearchParams, name: string): boolean => {
  const v = params.get(name);
  if (v === null || v === '' || v === 'false' || v === 'FALSE') return false;
  if (v === 'true' || v === 'TRUE') return true;
  throw new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is 'true, false'.`);
};

export function futuresRoutes(market: Market, engine: FuturesEngine, listenKeys: ListenKeys): Route[] {
  const acct = (c: RouteContext): SimAccount => c.account!;
  const side = (p: URLSearchParams) => enumParam<Side>(p, 'side', ['BUY', 'SELL'], () => new BinanceError(-1117, 'Invalid side.'));
  const posSide = (p: URLSearchParams) => enumParam<PositionSide>(p, 'positionSide', ['BOTH', 'LONG', 'SHORT'], () => new BinanceError(-4061, "Order's position side does not match user's setting."), 'BOTH');
  const orderRef = (c: RouteContext) => {
    const sym = symbolParam(c.params);
    const orderId = optionalInt(c.params, 'orderId');
    const clientId = c.params.get('origClientOrderId');
    if (orderId === null && (clientId === null || clientId === '')) throw new BinanceError(-1102, "Param 'orderId' or 'origClientOrderId' must be sent, but both were empty/null!");
    return engine.findOrder(acct(c), sym.symbol, orderId, clientId);
  };

  const newOrder = (c: RouteContext) => {
    const p = c.params;
    const sym = symbolParam(p);
    const m = market.get(sym.symbol)!.fut;
    const s = side(p);
    const typeRaw = requireParam(p, 'type');
    if (STOP_TYPES.includes(typeRaw)) throw new BinanceError(-4120, 'Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.');
    if (typeRaw !== 'LIMIT' && typeRaw !== 'MARKET') throw new BinanceError(-1116, 'Invalid orderType.');
    const type = typeRaw as 'LIMIT' | 'MARKET';
    const tif = type === 'LIMIT' ? enumParam<Tif>(p, 'timeInForce', ['GTC', 'IOC', 'FOK', 'GTX'], () => new BinanceError(-1115, 'Invalid timeInForce.')) : 'GTC';
    const qtySteps = toUnits(m, p, 'quantity', 'qty')!;
    const priceTicks = type === 'LIMIT' ? toUnits(m, p, 'price', 'price')! : null;
    if (type === 'MARKET' && p.get('price')) throw new BinanceError(-1106, "Parameter 'price' sent when not required.");
    const respType = enumParam(p, 'newOrderRespType', ['ACK', 'RESULT'], () => new BinanceError(-1100, "Illegal characters found in parameter 'newOrderRespType'."), 'ACK');
    const order = engine.place(acct(c), { symbol: sym.symbol, side: s, type, positionSide: posSide(p), timeInForce: tif, qtySteps, priceTicks, reduceOnly: bool(p, 'reduceOnly'), clientOrderId: p.get('newClientOrderId') || null }, market.time);
    const view = engine.views.orderView(order, false);
    // ACK answers with the order as accepted; its fills arrive on the user-data stream
    return respType === 'ACK' ? { ...view, status: 'NEW', avgPrice: '0.00000', executedQty: '0', cumQty: '0', cumQuote: '0', updateTime: order.time } : view;
  };

  /** Runs `fn` on each item of a JSON list parameter (max 5), answering each with its result or its Binance error. */
  const batch = (c: RouteContext, name: string, fn: (params: URLSearchParams) => unknown) => {
    let list: unknown;
    try { list = JSON.parse(requireParam(c.params, name)); } catch { throw new BinanceError(-1130, `Data sent for parameter '${name}' is not valid.`); }
    if (!Array.isArray(list) || list.length === 0 || list.length > 5) throw new BinanceError(-1130, `Data sent for parameter '${name}' is not valid.`);
    return list.map((item) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return { code: -1130, msg: `Data sent for parameter '${name}' is not valid.` };
      try { return fn(new URLSearchParams(Object.entries(item as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]))); } catch (e) {
        if (e instanceof BinanceError) return { code: e.code, msg: e.message };
        throw e;
      }
    });
  };

  const modifyOrder = (c: RouteContext) => {
    const o = orderRef(c);
    if (!o) throw new BinanceError(-2013, 'Order does not exist.');
    const m = market.get(o.symbol)!.fut;
    return engine.views.orderView(engine.modify(acct(c), o, side(c.params), toUnits(m, c.params, 'quantity', 'qty')!, toUnits(m, c.params, 'price', 'price')!, market.time), false);
  };

  const newAlgo = (c: RouteContext) => {
    const p = c.params;
    if (requireParam(p, 'algoType') !== 'CONDITIONAL') throw new BinanceError(-1100, "Illegal characters found in parameter 'algoType'; legal range is 'CONDITIONAL'.");
    const sym = symbolParam(p);
    const m = market.get(sym.symbol)!.fut;
    const orderType = enumParam<AlgoType>(p, 'type', ['STOP_MARKET', 'TAKE_PROFIT_MARKET', 'STOP', 'TAKE_PROFIT', 'TRAILING_STOP_MARKET'], () => new BinanceError(-1116, 'Invalid orderType.'));
    const closePosition = bool(p, 'closePosition');
    const reduceOnly = bool(p, 'reduceOnly');
    if (closePosition && !orderType.endsWith('_MARKET')) throw new BinanceError(-1106, "Parameter 'closePosition' sent when not required.");
    if (closePosition && p.get('quantity')) throw new BinanceError(-4137, 'Quantity must be zero with closePosition equals true');
    if (closePosition && reduceOnly) throw new BinanceError(-1106, "Parameter 'reduceOnly' sent when not required.");
    const trailing = orderType === 'TRAILING_STOP_MARKET';
    const qtySteps = closePosition ? null : toUnits(m, p, 'quantity', 'qty')!;
    const priceTicks = orderType === 'STOP' || orderType === 'TAKE_PROFIT' ? toUnits(m, p, 'price', 'price')! : null;
    const triggerTicks = trailing ? null : toUnits(m, p, 'triggerPrice', 'price')!;
    const activateTicks = trailing ? toUnits(m, p, 'activatePrice', 'price', false) : null;
    let callbackRate: number | null = null;
    if (trailing) {
      callbackRate = Number(requireParam(p, 'callbackRate'));
      if (!(callbackRate >= 0.1 && callbackRate <= 10)) throw new BinanceError(-2007, 'Invalid callBackRate.');
    }
    const algo = engine.placeAlgo(acct(c), {
      symbol: sym.symbol, side: side(p), positionSide: posSide(p), orderType, timeInForce: enumParam<Tif>(p, 'timeInForce', ['GTC', 'IOC', 'FOK', 'GTX'], () => new BinanceError(-1115, 'Invalid timeInForce.'), 'GTC'),
      qtySteps, priceTicks, triggerTicks, workingType: enumParam(p, 'workingType', ['MARK_PRICE', 'CONTRACT_PRICE'], () => new BinanceError(-1100, "Illegal characters found in parameter 'workingType'."), 'CONTRACT_PRICE'),
      closePosition, reduceOnly, priceProtect: bool(p, 'priceProtect'), activateTicks, callbackRate, clientAlgoId: p.get('clientAlgoId') || null,
    }, market.time);
    const v = engine.views.algoView(acct(c), algo);
    const { actualOrderId: _a, actualPrice: _p, actualType: _t, actualQty: _q, tpOrderType: _o, ...created } = v;
    return created;
  };

  const algoRef = (c: RouteContext) => {
    const id = optionalInt(c.params, 'algoId');
    const cid = c.params.get('clientAlgoId');
    if (id === null && !cid) throw new BinanceError(-1102, "Param 'algoId' or 'clientAlgoId' must be sent, but both were empty/null!");
    const b = engine.book(acct(c));
    const algo = id !== null ? b.algos.get(id) : [...b.algos.values()].reverse().find((x) => x.clientAlgoId === cid);
    if (!algo) throw new BinanceError(-20124, 'Invalid algo id or it has been completed.');
    return algo;
  };

  const positions = (c: RouteContext, v3: boolean) => {
    const a = acct(c);
    const one = optionalSymbol(c.params);
    const b = engine.book(a);
    const sides: PositionSide[] = b.dualSide ? ['LONG', 'SHORT'] : ['BOTH'];
    const symbols = one ? [one] : simSymbols;
    const rows = symbols.flatMap((d) => sides.map((ps) => engine.position(a, d.symbol, ps)));
    const open = (sym: string) => [...b.openOrders].some((id) => b.orders.get(id)!.symbol === sym);
    return rows.filter((p) => !v3 || !p.amt.isZero() || open(p.symbol)).map((p) => engine.views.positionView(a, p, v3));
  };

  const account = (c: RouteContext, v3: boolean) => {
    const a = acct(c);
    const t = engine.margin.totals(a);
    const f = (d: Dec) => d.toFixed(8);
    const assets = [{
      asset: 'USDT', walletBalance: f(t.wallet), unrealizedProfit: f(t.unrealized), marginBalance: f(t.marginBalance), maintMargin: f(t.maint), initialMargin: f(t.posIM.add(t.orderIM)),
      positionInitialMargin: f(t.posIM), openOrderInitialMargin: f(t.orderIM), crossWalletBalance: f(t.wallet.sub(t.isolated)), crossUnPnl: f(t.unrealizedCross), availableBalance: f(t.available),
      maxWithdrawAmount: f(t.available), ...(v3 ? {} : { marginAvailable: true }), updateTime: a.futures.updateTime,
    }];
    const pos = positions(c, true).map((p) => ({ symbol: p.symbol, positionSide: p.positionSide, positionAmt: p.positionAmt, unrealizedProfit: p.unRealizedProfit, isolatedMargin: p.isolatedMargin, notional: p.notional, isolatedWallet: p.isolatedWallet, initialMargin: (p as { initialMargin?: string }).initialMargin ?? '0', maintMargin: (p as { maintMargin?: string }).maintMargin ?? '0', updateTime: p.updateTime }));
    return {
      ...(v3 ? {} : { feeTier: 0, feeBurn: false, canTrade: true, canDeposit: true, canWithdraw: true, updateTime: 0, multiAssetsMargin: false, tradeGroupId: -1 }),
      totalInitialMargin: f(t.posIM.add(t.orderIM)), totalMaintMargin: f(t.maint), totalWalletBalance: f(t.wallet), totalUnrealizedProfit: f(t.unrealized), totalMarginBalance: f(t.marginBalance),
      totalPositionInitialMargin: f(t.posIM), totalOpenOrderInitialMargin: f(t.orderIM), totalCrossWalletBalance: f(t.wallet.sub(t.isolated)), totalCrossUnPnl: f(t.unrealizedCross),
      availableBalance: f(t.available), maxWithdrawAmount: f(t.available), assets, positions: pos,
    };
  };

  const balance = (c: RouteContext) => {
    const a = acct(c);
    const t = engine.margin.totals(a);
    return [{ accountAlias: 'SgsR', asset: 'USDT', balance: t.wallet.toFixed(8), crossWalletBalance: t.wallet.sub(t.isolated).toFixed(8), crossUnPnl: t.unrealizedCross.toFixed(8), availableBalance: t.available.toFixed(8), maxWithdrawAmount: t.available.toFixed(8), marginAvailable: true, updateTime: a.futures.updateTime }];
  };

  const T = 'SIGNED' as const;
  /** The listenKey a PUT/DELETE names, or the account's current one (Binance's futures endpoints take none). */
  const keyOf = (c: RouteContext) => c.params.get('listenKey') || listenKeys.keyFor(acct(c).apiKey) || '';
  return [
    { method: 'POST', path: '/fapi/v1/listenKey', weight: 1, security: 'USER_STREAM', handle: (c) => ({ listenKey: listenKeys.create(acct(c).apiKey) }) },
    { method: 'PUT', path: '/fapi/v1/listenKey', weight: 1, security: 'USER_STREAM', handle: (c) => {
      const k = keyOf(c);
      if (!listenKeys.keepalive(k, acct(c).apiKey)) throw new BinanceError(-1125, 'This listenKey does not exist. Please use `POST /fapi/v1/listenKey` to recreate `listenKey`');
      return { listenKey: k };
    } },
    { method: 'DELETE', path: '/fapi/v1/listenKey', weight: 1, security: 'USER_STREAM', handle: (c) => {
      if (!listenKeys.remove(keyOf(c), acct(c).apiKey)) throw new BinanceError(-1125, 'This listenKey does not exist.');
      return {};
    } },
    { method: 'POST', path: '/fapi/v1/order', weight: 0, security: T, isOrder: true, handle: newOrder },
    { method: 'PUT', path: '/fapi/v1/order', weight: 1, security: T, isOrder: true, handle: modifyOrder },
    { method: 'POST', path: '/fapi/v1/batchOrders', weight: 5, security: T, isOrder: true, handle: (c) => batch(c, 'batchOrders', (params) => newOrder({ ...c, params })) },
    { method: 'PUT', path: '/fapi/v1/batchOrders', weight: 5, security: T, isOrder: true, handle: (c) => batch(c, 'batchOrders', (params) => modifyOrder({ ...c, params })) },
    { method: 'DELETE', path: '/fapi/v1/batchOrders', weight: 1, security: T, handle: (c) => {
      const sym = symbolParam(c.params);
      const ids = c.params.get('orderIdList'), cids = c.params.get('origClientOrderIdList');
      let list: unknown;
      try { list = JSON.parse(ids ?? cids ?? ''); } catch { throw new BinanceError(-1102, "Param 'orderIdList' or 'origClientOrderIdList' must be sent, but both were empty/null!"); }
      if (!Array.isArray(list) || list.length === 0 || list.length > 10) throw new BinanceError(-1130, "Data sent for parameter 'orderIdList' is not valid.");
      return list.map((ref) => {
        const o = engine.findOrder(acct(c), sym.symbol, ids ? Number(ref) : null, ids ? null : String(ref));
        try { if (!o) throw new BinanceError(-2011, 'Unknown order sent.'); return engine.views.orderView(engine.cancel(acct(c), o, market.time), false); } catch (e) {
          if (e instanceof BinanceError) return { code: e.code, msg: e.message };
          throw e;
        }
      });
    } },
    { method: 'POST', path: '/fapi/v1/order/test', weight: 0, security: T, handle: () => ({}) },
    { method: 'GET', path: '/fapi/v1/order', weight: 1, security: T, handle: (c) => { const o = orderRef(c); if (!o) throw new BinanceError(-2013, 'Order does not exist.'); return engine.views.orderView(o, true); } },
    { method: 'DELETE', path: '/fapi/v1/order', weight: 1, security: T, handle: (c) => { const o = orderRef(c); if (!o) throw new BinanceError(-2011, 'Unknown order sent.'); return engine.views.orderView(engine.cancel(acct(c), o, market.time), false); } },
    { method: 'GET', path: '/fapi/v1/openOrder', weight: 1, security: T, handle: (c) => { const o = orderRef(c); if (!o || !engine.book(acct(c)).openOrders.has(o.orderId)) throw new BinanceError(-2013, 'Order does not exist.'); return engine.views.orderView(o, true); } },
    { method: 'GET', path: '/fapi/v1/openOrders', weight: 1, security: T, handle: (c) => { const one = optionalSymbol(c.params); const b = engine.book(acct(c)); return [...b.openOrders].map((id) => b.orders.get(id)!).filter((o) => !one || o.symbol === one.symbol).map((o) => engine.views.orderView(o, true)); } },
    { method: 'GET', path: '/fapi/v1/allOrders', weight: 5, security: T, handle: (c) => { const sym = symbolParam(c.params); const limit = intParam(c.params, 'limit', 500, 1, 1000); return [...engine.book(acct(c)).orders.values()].filter((o) => o.symbol === sym.symbol).slice(-limit).map((o) => engine.views.orderView(o, true)); } },
    { method: 'DELETE', path: '/fapi/v1/allOpenOrders', weight: 1, security: T, handle: (c) => { const sym = symbolParam(c.params); const a = acct(c); const b = engine.book(a); for (const id of [...b.openOrders]) { const o = b.orders.get(id)!; if (o.symbol === sym.symbol) engine.cancel(a, o, market.time); } return { code: 200, msg: 'The operation of cancel all open order is done.' }; } },
    { method: 'POST', path: '/fapi/v1/algoOrder', weight: 0, security: T, isOrder: true, handle: newAlgo },
    { method: 'GET', path: '/fapi/v1/algoOrder', weight: 1, security: T, handle: (c) => engine.views.algoView(acct(c), algoRef(c)) },
    { method: 'DELETE', path: '/fapi/v1/algoOrder', weight: 1, security: T, handle: (c) => { const algo = engine.cancelAlgo(acct(c), algoRef(c), market.time); return { algoId: algo.algoId, clientAlgoId: algo.clientAlgoId, code: '200', msg: 'success' }; } },
    { method: 'GET', path: '/fapi/v1/openAlgoOrders', weight: 1, security: T, handle: (c) => { const one = optionalSymbol(c.params); const b = engine.book(acct(c)); return [...b.openAlgos].map((id) => b.algos.get(id)!).filter((x) => !one || x.symbol === one.symbol).map((x) => engine.views.algoView(acct(c), x)); } },
    { method: 'GET', path: '/fapi/v1/allAlgoOrders', weight: 5, security: T, handle: (c) => { const sym = symbolParam(c.params); return [...engine.book(acct(c)).algos.values()].filter((x) => x.symbol === sym.symbol).map((x) => engine.views.algoView(acct(c), x)); } },
    { method: 'DELETE', path: '/fapi/v1/algoOpenOrders', weight: 1, security: T, handle: (c) => { const sym = symbolParam(c.params); const a = acct(c); const b = engine.book(a); for (const id of [...b.openAlgos]) { const x = b.algos.get(id)!; if (x.symbol === sym.symbol) engine.cancelAlgo(a, x, market.time); } return { code: 200, msg: 'The operation of cancel all open order is done.' }; } },
    { method: 'GET', path: '/fapi/v2/positionRisk', weight: 5, security: T, handle: (c) => positions(c, false) },
    { method: 'GET', path: '/fapi/v3/positionRisk', weight: 5, security: T, handle: (c) => positions(c, true) },
    { method: 'GET', path: '/fapi/v2/account', weight: 5, security: T, handle: (c) => account(c, false) },
    { method: 'GET', path: '/fapi/v3/account', weight: 5, security: T, handle: (c) => account(c, true) },
    { method: 'GET', path: '/fapi/v2/balance', weight: 5, security: T, handle: balance },
    { method: 'GET', path: '/fapi/v3/balance', weight: 5, security: T, handle: balance },
    { method: 'POST', path: '/fapi/v1/leverage', weight: 1, security: T, handle: (c) => {
      const sym = symbolParam(c.params);
      const raw = requireParam(c.params, 'leverage');
      const lev = Number(raw);
      if (!/^\d{1,3}$/.test(raw) || lev < 1 || lev > 125) throw new BinanceError(-4028, `Leverage ${raw} is not valid`);
      return engine.setLeverage(acct(c), sym.symbol, lev);
    } },
    { method: 'POST', path: '/fapi/v1/marginType', weight: 1, security: T, handle: (c) => {
      const sym = symbolParam(c.params);
      const t = requireParam(c.params, 'marginType').toUpperCase();
      if (t !== 'ISOLATED' && t !== 'CROSSED' && t !== 'CROSS') throw new BinanceError(-4044, 'The margin type is invalid.');
      return engine.setMarginType(acct(c), sym.symbol, t === 'ISOLATED' ? 'ISOLATED' : 'CROSSED');
    } },
    { method: 'GET', path: '/fapi/v1/positionSide/dual', weight: 30, security: T, handle: (c) => ({ dualSidePosition: engine.book(acct(c)).dualSide }) },
    { method: 'POST', path: '/fapi/v1/positionSide/dual', weight: 1, security: T, handle: (c) => engine.setDualSide(acct(c), bool(c.params, 'dualSidePosition')) },
    { method: 'GET', path: '/fapi/v1/multiAssetsMargin', weight: 30, security: T, handle: () => ({ multiAssetsMargin: false }) },
    { method: 'GET', path: '/fapi/v1/leverageBracket', weight: 1, security: T, handle: (c) => {
      const one = optionalSymbol(c.params);
      const row = (symbol: string) => ({ symbol, notionalCoef: 1.0, brackets: BRACKETS.map((b) => ({ ...b })) });
      return one ? row(one.symbol) : simSymbols.map((d) => row(d.symbol));
    } },
    { method: 'GET', path: '/fapi/v1/commissionRate', weight: 20, security: T, handle: (c) => ({ symbol: symbolParam(c.params).symbol, makerCommissionRate: '0.000200', takerCommissionRate: '0.000500' }) },
    { method: 'GET', path: '/fapi/v1/userTrades', weight: 5, security: T, handle: (c) => {
      const sym = symbolParam(c.params);
      const orderId = optionalInt(c.params, 'orderId');
      const limit = intParam(c.params, 'limit', 500, 1, 1000);
      return engine.book(acct(c)).trades.filter((t) => t.symbol === sym.symbol && (orderId === null || t.orderId === orderId)).slice(-limit)
        .map((t) => ({ buyer: t.buyer, commission: t.commission, commissionAsset: t.commissionAsset, id: t.id, maker: t.maker, orderId: t.orderId, price: t.price, qty: t.qty, quoteQty: t.quoteQty, realizedPnl: t.realizedPnl, side: t.side, positionSide: t.positionSide, symbol: t.symbol, time: t.time }));
    } },
    { method: 'GET', path: '/fapi/v1/income', weight: 30, security: T, handle: (c) => {
      const one = optionalSymbol(c.params);
      const type = c.params.get('incomeType');
      const start = optionalInt(c.params, 'startTime'), end = optionalInt(c.params, 'endTime');
      const limit = intParam(c.params, 'limit', 100, 1, 1000);
      const rows = engine.book(acct(c)).income.filter((i) => (!one || i.symbol === one.symbol) && (!type || i.incomeType === type) && (start === null || i.time >= start) && (end === null || i.time <= end));
      return start !== null ? rows.slice(0, limit) : rows.slice(-limit);
    } },
  ];
}
