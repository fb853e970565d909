/** Public (security type NONE) endpoints: connectivity, server time and exchange information. */
import { futuresExchangeInfo, spotExchangeInfo } from '../markets/exchange-info.ts';
import { findSimSymbol, simSymbols } from '../markets/symbols.ts';
import { binanceErrors } from './binance-error.ts';
import type { Route } from './router.ts';

const SYMBOL_RE = /^[A-Z0-9-_.]{1,20}$/;

function selectSymbols(params: URLSearchParams) {
  const one = params.get('symbol');
  const many = params.get('symbols');
  if (one !== null) {
    if (!SYMBOL_RE.test(one)) throw binanceErrors.illegalChars('symbol');
    const s = findSimSymbol(one);
    if (!s) throw binanceErrors.badSymbol();
    return [s];
  }
  if (many !== null) {
    let list: unknown;
    try { list = JSON.parse(many); } catch { throw binanceErrors.badSymbolJsonArray('symbols'); }
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && SYMBOL_RE.test(x))) throw binanceErrors.badSymbolJsonArray('symbols');
    const found = list.map((x) => findSimSymbol(x as string));
    if (found.some((s) => !s)) throw binanceErrors.badSymbol();
    return found as NonNullable<(typeof found)[number]>[];
  }
  return simSymbols;
}

export const publicRoutes: Route[] = [
  { method: 'GET', path: '/fapi/v1/ping', weight: 1, handle: () => ({}) },
  { method: 'GET', path: '/fapi/v1/time', weight: 1, handle: (ctx) => ({ serverTime: ctx.now() }) },
  { method: 'GET', path: '/fapi/v1/exchangeInfo', weight: 1, handle: (ctx) => futuresExchangeInfo(simSymbols, ctx.now()) },
  { method: 'GET', path: '/api/v3/ping', weight: 1, handle: () => ({}) },
  { method: 'GET', path: '/api/v3/time', weight: 1, handle: (ctx) => ({ serverTime: ctx.now() }) },
  { method: 'GET', path: '/api/v3/exchangeInfo', weight: 20, handle: (ctx) => spotExchangeInfo(selectSymbols(ctx.params), ctx.now()) },
];
