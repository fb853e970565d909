/**
 * Public market-data endpoints on both markets (binance-protocol.md §2.4–§2.8, §3.3–§3.5): depth
 * (whose lastUpdateId shares its sequence with the diff-depth stream), klines, book ticker, price,
 * 24 h ticker, trades, premium index, funding rate history, average price.
 */
import type { Market, SymbolState } from '../market/market.ts';
import type { Bar1m, SymbolMarket } from '../market/symbol-market.ts';
import { simSymbols } from '../markets/symbols.ts';
import { BinanceError } from './binance-error.ts';
import { intParam, optionalInt, optionalSymbol, symbolParam } from './params.ts';
import type { Route } from './router.ts';

export const KLINE_INTERVALS: Record<string, number> = {
  '1m': 60_000, '3m': 180_000, '5m': 300_000, '15m': 900_000, '30m': 1_800_000, '1h': 3_600_000, '2h': 7_200_000, '4h': 14_400_000,
  '6h': 21_600_000, '8h': 28_800_000, '12h': 43_200_000, '1d': 86_400_000, '3d': 259_200_000, '1w': 604_800_000,
};

const FUT_DEPTH_LIMITS = [5, 10, 20, 50, 100, 500, 1000];

function book(m: SymbolMarket, limit: number) {
  const b = m.currentBook();
  const side = (s: typeof b.bids) => {
    const out: [string, string][] = [];
    for (let i = 0; i < s.prices.length && out.length < limit; i++) if (s.qtys[i]! > 0) out.push([m.fmtPrice(s.prices[i]!), m.fmtQty(s.qtys[i]!)]);
    return out;
  };
  return { lastUpdateId: m.seq, bids: side(b.bids), asks: side(b.asks) };
}

const pxFmt = (m: SymbolMarket, price: number) => m.fmtPrice(Math.round(price / m.shape.tick));
const volFmt = (v: number) => v.toFixed(8);

function klines(m: SymbolMarket, params: URLSearchParams, maxLimit: number) {
  const interval = params.get('interval');
  if (interval === null || interval === '') throw new BinanceError(-1102, "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
  const ms = KLINE_INTERVALS[interval];
  if (!ms) throw new BinanceError(-1120, 'Invalid interval.');
  const limit = intParam(params, 'limit', 500, 1, maxLimit);
  const start = optionalInt(params, 'startTime'), end = optionalInt(params, 'endTime');
  const buckets = new Map<number, Bar1m>();
  for (const b of m.bars) {
    const t = b.openTime - (b.openTime % ms);
    const agg = buckets.get(t);
    if (!agg) { buckets.set(t, { ...b, openTime: t }); continue; }
    agg.high = Math.max(agg.high, b.high); agg.low = Math.min(agg.low, b.low); agg.close = b.close;
    agg.volume += b.volume; agg.quoteVolume += b.quoteVolume; agg.trades += b.trades; agg.takerBuyVolume += b.takerBuyVolume; agg.takerBuyQuote += b.takerBuyQuote;
  }
  let rows = [...buckets.values()].filter((b) => (start === null || b.openTime >= start) && (end === null || b.openTime <= end));
  rows = start !== null && end === null ? rows.slice(0, limit) : rows.slice(-limit);
  return rows.map((b) => [b.openTime, pxFmt(m, b.open), pxFmt(m, b.high), pxFmt(m, b.low), pxFmt(m, b.close), volFmt(b.volume), b.openTime + ms - 1, volFmt(b.quoteVolume), b.trades, volFmt(b.takerBuyVolume), volFmt(b.takerBuyQuote), '0']);
}

function bookTicker(m: SymbolMarket, withTime: boolean) {
  const b = m.currentBook();
  const first = (s: typeof b.bids) => { for (let i = 0; i < s.prices.length; i++) if (s.qtys[i]! > 0) return i; return 0; };
  const bi = first(b.bids), ai = first(b.asks);
  return {
    symbol: m.symbol, bidPrice: m.fmtPrice(b.bids.prices[bi]!), bidQty: m.fmtQty(b.bids.qtys[bi]!), askPrice: m.fmtPrice(b.asks.prices[ai]!), askQty: m.fmtQty(b.asks.qtys[ai]!),
    ...(withTime ? { time: m.time, lastUpdateId: m.seq } : {}),
  };
}

function ticker24h(m: SymbolMarket, now: number) {
  const from = now - 86_400_000;
  const bars = m.bars.filter((b) => b.openTime >= from);
  const open = bars[0]?.open ?? m.mid, last = m.mid;
  const high = Math.max(...bars.map((b) => b.high), last), low = Math.min(...bars.map((b) => b.low), last);
  const volume = bars.reduce((a, b) => a + b.volume, 0), quote = bars.reduce((a, b) => a + b.quoteVolume, 0);
  const lastTrade = m.trades[m.trades.length - 1];
  return {
    symbol: m.symbol, priceChange: pxFmt(m, last - open), priceChangePercent: (((last - open) / open) * 100).toFixed(3), weightedAvgPrice: pxFmt(m, volume > 0 ? quote / volume : last),
    lastPrice: pxFmt(m, last), lastQty: lastTrade ? m.fmtQty(lastTrade.qtySteps) : '0', openPrice: pxFmt(m, open), highPrice: pxFmt(m, high), lowPrice: pxFmt(m, low),
    volume: volFmt(volume), quoteVolume: volFmt(quote), openTime: from, closeTime: now, firstId: m.trades[0]?.id ?? -1, lastId: lastTrade?.id ?? -1, count: m.trades.length,
  };
}

const trades = (m: SymbolMarket, limit: number) => m.trades.slice(-limit).map((t) => ({ id: t.id, price: m.fmtPrice(t.priceTicks), qty: m.fmtQty(t.qtySteps), quoteQty: m.tickDec.mul(t.priceTicks).mul(m.stepDec.mul(t.qtySteps)).toFixed(), time: t.time, isBuyerMaker: t.isBuyerMaker, isBestMatch: true }));
const aggTrades = (m: SymbolMarket, limit: number) => m.trades.slice(-limit).map((t) => ({ a: t.id, p: m.fmtPrice(t.priceTicks), q: m.fmtQty(t.qtySteps), f: t.id, l: t.id, T: t.time, m: t.isBuyerMaker }));

export function marketRoutes(market: Market): Route[] {
  const state = (params: URLSearchParams): SymbolState => market.get(symbolParam(params).symbol)!;
  const all = (fn: (s: SymbolState) => unknown) => (params: URLSearchParams) => {
    const one = optionalSymbol(params);
    return one ? fn(market.get(one.symbol)!) : simSymbols.map((d) => fn(market.get(d.symbol)!));
  };
  const premiumIndex = (s: SymbolState) => ({
    symbol: s.def.symbol, markPrice: market.markPrice(s).toFixed(8), indexPrice: s.index.toFixed(8), estimatedSettlePrice: s.index.toFixed(8),
    lastFundingRate: s.lastFundingRate.toFixed(8), interestRate: '0.00010000', nextFundingTime: market.nextFundingTime(), time: market.time,
  });
  return [
    { method: 'GET', path: '/fapi/v1/depth', weight: 10, handle: (c) => {
      const limit = intParam(c.params, 'limit', 500, 1, 1000);
      if (!FUT_DEPTH_LIMITS.includes(limit)) throw new BinanceError(-1100, `Illegal characters found in parameter 'limit'; legal range is '${FUT_DEPTH_LIMITS.join(', ')}'.`);
      const s = state(c.params);
      return { ...book(s.fut, limit), E: market.time, T: market.time };
    } },
    { method: 'GET', path: '/api/v3/depth', weight: 5, handle: (c) => book(state(c.params).spot, intParam(c.params, 'limit', 100, 1, 5000)) },
    { method: 'GET', path: '/fapi/v1/klines', weight: 5, handle: (c) => klines(state(c.params).fut, c.params, 1500) },
    { method: 'GET', path: '/api/v3/klines', weight: 2, handle: (c) => klines(state(c.params).spot, c.params, 1000) },
    { method: 'GET', path: '/fapi/v1/ticker/bookTicker', weight: 2, handle: (c) => all((s) => bookTicker(s.fut, true))(c.params) },
    { method: 'GET', path: '/api/v3/ticker/bookTicker', weight: 2, handle: (c) => all((s) => bookTicker(s.spot, false))(c.params) },
    { method: 'GET', path: '/fapi/v1/ticker/price', weight: 1, handle: (c) => all((s) => ({ symbol: s.def.symbol, price: pxFmt(s.fut, s.fut.mid), time: market.time }))(c.params) },
    { method: 'GET', path: '/fapi/v2/ticker/price', weight: 1, handle: (c) => all((s) => ({ symbol: s.def.symbol, price: pxFmt(s.fut, s.fut.mid), time: market.time }))(c.params) },
    { method: 'GET', path: '/api/v3/ticker/price', weight: 2, handle: (c) => all((s) => ({ symbol: s.def.symbol, price: pxFmt(s.spot, s.spot.mid) }))(c.params) },
    { method: 'GET', path: '/fapi/v1/ticker/24hr', weight: 1, handle: (c) => all((s) => ticker24h(s.fut, market.time))(c.params) },
    { method: 'GET', path: '/api/v3/ticker/24hr', weight: 2, handle: (c) => all((s) => ticker24h(s.spot, market.time))(c.params) },
    { method: 'GET', path: '/api/v3/avgPrice', weight: 2, handle: (c) => { const s = state(c.params).spot; const bars = s.bars.slice(-5); const v = bars.reduce((a, b) => a + b.volume, 0); return { mins: 5, price: pxFmt(s, v > 0 ? bars.reduce((a, b) => a + b.quoteVolume, 0) / v : s.mid), closeTime: market.time }; } },
    { method: 'GET', path: '/fapi/v1/trades', weight: 5, handle: (c) => trades(state(c.params).fut, intParam(c.params, 'limit', 500, 1, 1000)) },
    { method: 'GET', path: '/api/v3/trades', weight: 25, handle: (c) => trades(state(c.params).spot, intParam(c.params, 'limit', 500, 1, 1000)) },
    { method: 'GET', path: '/fapi/v1/aggTrades', weight: 20, handle: (c) => aggTrades(state(c.params).fut, intParam(c.params, 'limit', 500, 1, 1000)) },
    { method: 'GET', path: '/api/v3/aggTrades', weight: 4, handle: (c) => aggTrades(state(c.params).spot, intParam(c.params, 'limit', 500, 1, 1000)) },
    { method: 'GET', path: '/fapi/v1/premiumIndex', weight: 1, handle: (c) => all(premiumIndex)(c.params) },
    { method: 'GET', path: '/fapi/v1/fundingRate', weight: 1, handle: (c) => {
      const one = optionalSymbol(c.params);
      const limit = intParam(c.params, 'limit', 100, 1, 1000);
      const start = optionalInt(c.params, 'startTime'), end = optionalInt(c.params, 'endTime');
      const rows = [...market.symbols.values()].filter((s) => !one || s.def.symbol === one.symbol)
        .flatMap((s) => s.fundingHistory.map((f) => ({ symbol: s.def.symbol, fundingRate: f.fundingRate.toFixed(8), fundingTime: f.fundingTime, markPrice: f.markPrice.toFixed(8) })))
        .filter((f) => (start === null || f.fundingTime >= start) && (end === null || f.fundingTime <= end))
        .sort((a, b) => a.fundingTime - b.fundingTime);
      return start !== null ? rows.slice(0, limit) : rows.slice(-limit);
    } },
    { method: 'GET', path: '/fapi/v1/fundingInfo', weight: 1, handle: () => [] },
    { method: 'GET', path: '/sim/v1/fx/klines', weight: 1, handle: (c) => {
      const limit = intParam(c.params, 'limit', 500, 1, 1500);
      return market.usdtTwd.bars.slice(-limit).map((b) => [b.openTime, b.open.toFixed(4), b.high.toFixed(4), b.low.toFixed(4), b.close.toFixed(4), '0', b.openTime + 59_999, '0', 0, '0', '0', '0']);
    } },
  ];
}
