/**
 * Spot trading endpoints (binance-protocol.md §3.6–§3.11) and wallet transfers between spot and
 * USDⓈ-M futures (§3.13), plus the sapi calls clients make while loading markets.
 */
import { Dec } from '../../core/money/decimal.ts';
import type { SimAccount } from '../accounts/accounts.ts';
import type { FuturesEngine } from '../futures/engine.ts';
import type { ListenKeys } from '../futures/listen-keys.ts';
import type { Market } from '../market/market.ts';
import type { SymbolMarket } from '../market/symbol-market.ts';
import type { SpotEngine, SpotType } from '../spot/engine.ts';
import { BinanceError, binanceErrors } from './binance-error.ts';
import { enumParam, intParam, optionalInt, optionalSymbol, requireParam, symbolParam } from './params.ts';
import type { Route, RouteContext } from './router.ts';

const DECIMAL_RE = /^\d{1,20}(\.\d{1,20})?$/;
const TYPES: SpotType[] = ['LIMIT', 'MARKET', 'LIMIT_MAKER', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'];

function units(m: SymbolMarket, p: URLSearchParams, name: string, kind: 'qty' | 'price'): number | null {
  const raw = p.get(name);
  if (raw === null || raw === '') return null;
  if (!DECIMAL_RE.test(raw)) throw new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.`);
  const v = new Dec(raw);
  const unit = kind === 'qty' ? m.stepDec : m.tickDec;
  if (v.decimalPlaces() > 8) throw new BinanceError(-1111, `Parameter '${name}' has too much precision.`);
  if (!v.mod(unit).isZero()) throw new BinanceError(-1013, `Filter failure: ${kind === 'qty' ? 'LOT_SIZE' : 'PRICE_FILTER'}`);
  const n = v.div(unit).toNumber();
  if (!Number.isSafeInteger(n)) throw new BinanceError(-1013, `Filter failure: ${kind === 'qty' ? 'LOT_SIZE' : 'PRICE_FILTER'}`);
  return n;
}

export function spotRoutes(market: Market, spot: SpotEngine, futures: FuturesEngine, legacyKeys: ListenKeys): Route[] {
  const acct = (c: RouteContext): SimAccount => c.account!;
  const side = (p: URLSearchParams) => enumParam(p, 'side', ['BUY', 'SELL'] as const, () => new BinanceError(-1117, 'Invalid side.'));
  const tifOf = (p: URLSearchParams, name: string) => enumParam(p, name, ['GTC', 'IOC', 'FOK'] as const, () => new BinanceError(-1115, 'Invalid timeInForce.'), 'GTC');

  /** Reads one order's type-specific parameters (prefix "" for a plain order, "above"/"below" for OCO legs). */
  const leg = (p: URLSearchParams, m: SymbolMarket, type: SpotType, prefix: string) => {
    const k = (n: string) => (prefix ? prefix + n[0]!.toUpperCase() + n.slice(1) : n);
    const needsPrice = type === 'LIMIT' || type === 'LIMIT_MAKER' || type === 'STOP_LOSS_LIMIT' || type === 'TAKE_PROFIT_LIMIT';
    const needsStop = type.startsWith('STOP_LOSS') || type.startsWith('TAKE_PROFIT');
    const priceTicks = units(m, p, k('price'), 'price');
    if (needsPrice && priceTicks === null) throw binanceErrors.mandatory(k('price'));
    const stopTicks = units(m, p, k('stopPrice'), 'price');
    if (needsStop && stopTicks === null) throw binanceErrors.mandatory(k('stopPrice'));
    const limitLike = type === 'LIMIT' || type === 'STOP_LOSS_LIMIT' || type === 'TAKE_PROFIT_LIMIT';
    if (!prefix && limitLike && !p.get('timeInForce')) throw binanceErrors.mandatory('timeInForce');
    return { type, timeInForce: limitLike ? tifOf(p, k('timeInForce')) : ('GTC' as const), priceTicks: needsPrice ? priceTicks : null, stopTicks: needsStop ? stopTicks : null, clientOrderId: p.get(k('clientOrderId')) || p.get(prefix ? '' : 'newClientOrderId') || null };
  };

  const newOrder = (c: RouteContext) => {
    const p = c.params;
    const sym = symbolParam(p);
    const m = market.get(sym.symbol)!.spot;
    const s = side(p);
    const type = enumParam<SpotType>(p, 'type', TYPES, () => new BinanceError(-1116, 'Invalid orderType.'));
    const qtySteps = units(m, p, 'quantity', 'qty');
    const quoteRaw = p.get('quoteOrderQty');
    if (quoteRaw !== null && !DECIMAL_RE.test(quoteRaw)) throw new BinanceError(-1100, "Illegal characters found in parameter 'quoteOrderQty'.");
    const quoteQty = quoteRaw ? new Dec(quoteRaw) : null;
    if (qtySteps === null && (type !== 'MARKET' || quoteQty === null)) throw binanceErrors.mandatory('quantity');
    if (qtySteps !== null && quoteQty !== null) throw new BinanceError(-1106, "Parameter 'quoteOrderQty' sent when not required.");
    const l = leg(p, m, type, '');
    const o = spot.place(acct(c), { symbol: sym.symbol, side: s, qtySteps, quoteQty, ...l, clientOrderId: p.get('newClientOrderId') || null }, market.time);
    const dflt = type === 'MARKET' || type === 'LIMIT' ? 'FULL' : 'ACK';
    return spot.view(o, enumParam(p, 'newOrderRespType', ['ACK', 'RESULT', 'FULL'] as const, () => new BinanceError(-1100, "Illegal characters found in parameter 'newOrderRespType'."), dflt));
  };

  const orderRef = (c: RouteContext) => {
    const sym = symbolParam(c.params);
    const id = optionalInt(c.params, 'orderId');
    const cid = c.params.get('origClientOrderId');
    if (id === null && !cid) throw new BinanceError(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    return spot.findOrder(acct(c), sym.symbol, id, cid);
  };

  const newOco = (c: RouteContext) => {
    const p = c.params;
    const sym = symbolParam(p);
    const m = market.get(sym.symbol)!.spot;
    const qtySteps = units(m, p, 'quantity', 'qty');
    if (qtySteps === null) throw binanceErrors.mandatory('quantity');
    const aboveType = enumParam<SpotType>(p, 'aboveType', ['STOP_LOSS_LIMIT', 'STOP_LOSS', 'LIMIT_MAKER', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'], () => new BinanceError(-1116, 'Invalid orderType.'));
    const belowType = enumParam<SpotType>(p, 'belowType', ['STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT', 'LIMIT_MAKER'], () => new BinanceError(-1116, 'Invalid orderType.'));
    const r = spot.placeOco(acct(c), { symbol: sym.symbol, side: side(p), qtySteps, listClientOrderId: p.get('listClientOrderId') || null, above: leg(p, m, aboveType, 'above'), below: leg(p, m, belowType, 'below') }, market.time);
    return spot.listView(acct(c), r.list, true);
  };

  /** The deprecated OCO form: a LIMIT_MAKER at `price` and a STOP_LOSS(_LIMIT) at `stopPrice`. */
  const legacyOco = (c: RouteContext) => {
    const p = c.params;
    const sym = symbolParam(p);
    const m = market.get(sym.symbol)!.spot;
    const s = side(p);
    const qtySteps = units(m, p, 'quantity', 'qty');
    if (qtySteps === null) throw binanceErrors.mandatory('quantity');
    const limit = { type: 'LIMIT_MAKER' as SpotType, timeInForce: 'GTC' as const, priceTicks: units(m, p, 'price', 'price') ?? (() => { throw binanceErrors.mandatory('price'); })(), stopTicks: null, clientOrderId: p.get('limitClientOrderId') || null };
    const stopLimit = units(m, p, 'stopLimitPrice', 'price');
    const stop = { type: (stopLimit === null ? 'STOP_LOSS' : 'STOP_LOSS_LIMIT') as SpotType, timeInForce: tifOf(p, 'stopLimitTimeInForce'), priceTicks: stopLimit, stopTicks: units(m, p, 'stopPrice', 'price') ?? (() => { throw binanceErrors.mandatory('stopPrice'); })(), clientOrderId: p.get('stopClientOrderId') || null };
    const [above, below] = s === 'SELL' ? [limit, stop] : [stop, limit];
    const r = spot.placeOco(acct(c), { symbol: sym.symbol, side: s, qtySteps, listClientOrderId: p.get('listClientOrderId') || null, above, below }, market.time);
    return spot.listView(acct(c), r.list, true);
  };

  const listRef = (c: RouteContext) => {
    const id = optionalInt(c.params, 'orderListId');
    const cid = c.params.get('listClientOrderId') ?? c.params.get('origClientOrderId');
    if (id === null && !cid) throw new BinanceError(-1102, "Param 'orderListId' or 'listClientOrderId' must be sent, but both were empty/null!");
    const b = spot.book(acct(c));
    const list = id !== null ? b.lists.get(id) : [...b.lists.values()].reverse().find((l) => l.listClientOrderId === cid);
    if (!list) throw new BinanceError(-2011, 'Order list does not exist.');
    return list;
  };

  /** Moves `amount` of `asset` between spot and USDⓈ-M futures. */
  const transfer = (a: SimAccount, asset: string, amount: Dec, toFutures: boolean) => {
    if (asset !== 'USDT') throw new BinanceError(-5002, 'This asset is not supported on USDⓈ-M futures in the simulator.');
    if (toFutures) { spot.adjust(a, asset, amount.neg(), market.time); futures.transfer(a, amount, market.time); }
    else { futures.transfer(a, amount.neg(), market.time); spot.adjust(a, asset, amount, market.time); }
  };
  let tranId = 13_526_853_000;
  const amountParam = (p: URLSearchParams) => {
    const raw = requireParam(p, 'amount');
    if (!DECIMAL_RE.test(raw) || new Dec(raw).lte(0)) throw new BinanceError(-1100, "Illegal characters found in parameter 'amount'.");
    return new Dec(raw);
  };

  const T = 'SIGNED' as const;
  return [
    { method: 'POST', path: '/api/v3/order', weight: 1, security: T, isOrder: true, handle: newOrder },
    { method: 'POST', path: '/api/v3/order/test', weight: 1, security: T, handle: () => ({}) },
    { method: 'GET', path: '/api/v3/order', weight: 4, security: T, handle: (c) => { const o = orderRef(c); if (!o) throw new BinanceError(-2013, 'Order does not exist.'); return spot.view(o, 'QUERY'); } },
    { method: 'DELETE', path: '/api/v3/order', weight: 1, security: T, handle: (c) => { const o = orderRef(c); if (!o) throw new BinanceError(-2011, 'Unknown order sent.'); const v = spot.view(spot.cancel(acct(c), o, market.time), 'RESULT'); return { ...v, origClientOrderId: o.clientOrderId }; } },
    { method: 'GET', path: '/api/v3/openOrders', weight: 6, security: T, handle: (c) => { const one = optionalSymbol(c.params); const b = spot.book(acct(c)); return [...b.open].map((id) => b.orders.get(id)!).filter((o) => !one || o.symbol === one.symbol).map((o) => spot.view(o, 'QUERY')); } },
    { method: 'DELETE', path: '/api/v3/openOrders', weight: 1, security: T, handle: (c) => { const sym = symbolParam(c.params); const a = acct(c); const b = spot.book(a); const out = []; for (const id of [...b.open]) { const o = b.orders.get(id)!; if (o.symbol === sym.symbol && b.open.has(id)) out.push(spot.view(spot.cancel(a, o, market.time), 'RESULT')); } return out; } },
    { method: 'GET', path: '/api/v3/allOrders', weight: 20, security: T, handle: (c) => { const sym = symbolParam(c.params); const limit = intParam(c.params, 'limit', 500, 1, 1000); return [...spot.book(acct(c)).orders.values()].filter((o) => o.symbol === sym.symbol).slice(-limit).map((o) => spot.view(o, 'QUERY')); } },
    { method: 'GET', path: '/api/v3/myTrades', weight: 20, security: T, handle: (c) => { const sym = symbolParam(c.params); const orderId = optionalInt(c.params, 'orderId'); const limit = intParam(c.params, 'limit', 500, 1, 1000); return spot.book(acct(c)).trades.filter((t) => t.symbol === sym.symbol && (orderId === null || t.orderId === orderId)).slice(-limit); } },
    { method: 'POST', path: '/api/v3/orderList/oco', weight: 1, security: T, isOrder: true, handle: newOco },
    { method: 'POST', path: '/api/v3/order/oco', weight: 1, security: T, isOrder: true, handle: legacyOco },
    { method: 'GET', path: '/api/v3/orderList', weight: 4, security: T, handle: (c) => spot.listView(acct(c), listRef(c), false) },
    { method: 'DELETE', path: '/api/v3/orderList', weight: 1, security: T, handle: (c) => {
      const a = acct(c);
      const list = listRef(c);
      const b = spot.book(a);
      const open = list.orderIds.map((id) => b.orders.get(id)!).find((o) => b.open.has(o.orderId));
      if (!open) throw new BinanceError(-2011, 'Unknown order sent.');
      spot.cancel(a, open, market.time);
      return spot.listView(a, list, true);
    } },
    { method: 'GET', path: '/api/v3/openOrderList', weight: 6, security: T, handle: (c) => [...spot.book(acct(c)).lists.values()].filter((l) => l.listOrderStatus === 'EXECUTING').map((l) => spot.listView(acct(c), l, false)) },
    { method: 'GET', path: '/api/v3/allOrderList', weight: 20, security: T, handle: (c) => [...spot.book(acct(c)).lists.values()].map((l) => spot.listView(acct(c), l, false)) },
    { method: 'GET', path: '/api/v3/account/commission', weight: 20, security: T, handle: (c) => ({ symbol: symbolParam(c.params).symbol, standardCommission: { maker: '0.00100000', taker: '0.00100000', buyer: '0.00000000', seller: '0.00000000' }, taxCommission: { maker: '0.00000000', taker: '0.00000000', buyer: '0.00000000', seller: '0.00000000' }, discount: { enabledForAccount: false, enabledForSymbol: false, discountAsset: 'BNB', discount: '0.25000000' } }) },
    { method: 'POST', path: '/sapi/v1/asset/transfer', weight: 900, security: T, handle: (c) => {
      const type = requireParam(c.params, 'type');
      if (type !== 'MAIN_UMFUTURE' && type !== 'UMFUTURE_MAIN') throw new BinanceError(-1100, "Illegal characters found in parameter 'type'; the simulator supports MAIN_UMFUTURE and UMFUTURE_MAIN.");
      transfer(acct(c), requireParam(c.params, 'asset'), amountParam(c.params), type === 'MAIN_UMFUTURE');
      return { tranId: tranId++ };
    } },
    { method: 'POST', path: '/sapi/v1/futures/transfer', weight: 1, security: T, handle: (c) => {
      const type = requireParam(c.params, 'type');
      if (type !== '1' && type !== '2') throw new BinanceError(-1100, "Illegal characters found in parameter 'type'; the simulator supports 1 and 2.");
      transfer(acct(c), requireParam(c.params, 'asset'), amountParam(c.params), type === '1');
      return { tranId: tranId++ };
    } },
    // Legacy spot listen keys: retired on Binance 2026-02-20 (user data moved to the WebSocket API), kept for older clients.
    { method: 'POST', path: '/api/v3/userDataStream', weight: 2, security: 'USER_STREAM', handle: (c) => ({ listenKey: legacyKeys.create(acct(c).apiKey) }) },
    { method: 'PUT', path: '/api/v3/userDataStream', weight: 2, security: 'USER_STREAM', handle: (c) => {
      if (!legacyKeys.keepalive(requireParam(c.params, 'listenKey'), acct(c).apiKey)) throw new BinanceError(-1125, 'This listenKey does not exist.');
      return {};
    } },
    { method: 'DELETE', path: '/api/v3/userDataStream', weight: 2, security: 'USER_STREAM', handle: (c) => {
      if (!legacyKeys.remove(requireParam(c.params, 'listenKey'), acct(c).apiKey)) throw new BinanceError(-1125, 'This listenKey does not exist.');
      return {};
    } },
    { method: 'GET', path: '/sapi/v1/capital/config/getall', weight: 10, security: T, handle: () => [] },
    { method: 'GET', path: '/sapi/v1/margin/allPairs', weight: 1, security: 'USER_STREAM', handle: () => [] },
    { method: 'GET', path: '/sapi/v1/margin/isolated/allPairs', weight: 10, security: T, handle: () => [] },
    { method: 'GET', path: '/sapi/v1/system/status', weight: 1, handle: () => ({ status: 0, msg: 'normal' }) },
  ];
}
