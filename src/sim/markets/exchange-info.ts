/**
 * `GET /fapi/v1/exchangeInfo` and `GET /api/v3/exchangeInfo` bodies, in the shapes real clients parse
 * (note `orderTypes`, and the futures MIN_NOTIONAL key `notional`).
 * @see ../shared/spec/binance-protocol.md §2.2, §3.2
 */
import type { SimSymbol } from './symbols.ts';

const FUT_RATE_LIMITS = [
  { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
  { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
  { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
];
const SPOT_RATE_LIMITS = [
  { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
  { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 50 },
  { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 160000 },
  { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 300000 },
];

export function futuresExchangeInfo(symbols: SimSymbol[], serverTime: number): unknown {
  return {
    timezone: 'UTC', serverTime, futuresType: 'U_MARGINED', rateLimits: FUT_RATE_LIMITS, exchangeFilters: [],
    assets: [{ asset: 'USDT', marginAvailable: true, autoAssetExchange: '0' }],
    symbols: symbols.map((s) => ({
      symbol: s.symbol, pair: s.symbol, contractType: 'PERPETUAL', deliveryDate: 4133404800000, onboardDate: 1569398400000, status: 'TRADING',
      maintMarginPercent: s.fut.maintMarginPercent, requiredMarginPercent: s.fut.requiredMarginPercent,
      baseAsset: s.base, quoteAsset: s.quote, marginAsset: 'USDT',
      pricePrecision: s.fut.pricePrecision, quantityPrecision: s.fut.quantityPrecision, baseAssetPrecision: 8, quotePrecision: 8,
      underlyingType: 'COIN', underlyingSubType: [], settlePlan: 0, triggerProtect: '0.0500', liquidationFee: '0.012500', marketTakeBound: '0.05', maxMoveOrderLimit: 10000,
      filters: [
        { filterType: 'PRICE_FILTER', minPrice: s.fut.minPrice, maxPrice: s.fut.maxPrice, tickSize: s.fut.tickSize },
        { filterType: 'LOT_SIZE', minQty: s.fut.minQty, maxQty: s.fut.maxQty, stepSize: s.fut.stepSize },
        { filterType: 'MARKET_LOT_SIZE', minQty: s.fut.minQty, maxQty: s.fut.marketMaxQty, stepSize: s.fut.stepSize },
        { filterType: 'MAX_NUM_ORDERS', limit: 200 },
        { filterType: 'MIN_NOTIONAL', notional: s.fut.minNotional },
        { filterType: 'PERCENT_PRICE', multiplierUp: '1.0500', multiplierDown: '0.9500', multiplierDecimal: '4' },
      ],
      orderTypes: ['LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET'],
      timeInForce: ['GTC', 'IOC', 'FOK', 'GTX'],
    })),
  };
}

export function spotExchangeInfo(symbols: SimSymbol[], serverTime: number): unknown {
  return {
    timezone: 'UTC', serverTime, rateLimits: SPOT_RATE_LIMITS, exchangeFilters: [],
    symbols: symbols.map((s) => ({
      symbol: s.symbol, status: 'TRADING', baseAsset: s.base, baseAssetPrecision: s.spot.baseAssetPrecision, quoteAsset: s.quote,
      quotePrecision: 8, quoteAssetPrecision: 8, baseCommissionPrecision: 8, quoteCommissionPrecision: 8,
      orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'],
      icebergAllowed: true, ocoAllowed: true, otoAllowed: true, quoteOrderQtyMarketAllowed: true, allowTrailingStop: true,
      cancelReplaceAllowed: true, amendAllowed: true, isSpotTradingAllowed: true, isMarginTradingAllowed: false,
      filters: [
        { filterType: 'PRICE_FILTER', minPrice: '0.01000000', maxPrice: '1000000.00000000', tickSize: s.spot.tickSize },
        { filterType: 'LOT_SIZE', minQty: s.spot.minQty, maxQty: s.spot.maxQty, stepSize: s.spot.stepSize },
        { filterType: 'MARKET_LOT_SIZE', minQty: '0.00000000', maxQty: s.spot.maxQty, stepSize: '0.00000000' },
        { filterType: 'PERCENT_PRICE_BY_SIDE', bidMultiplierUp: '5', bidMultiplierDown: '0.2', askMultiplierUp: '5', askMultiplierDown: '0.2', avgPriceMins: 5 },
        { filterType: 'NOTIONAL', minNotional: s.spot.minNotional, applyMinToMarket: true, maxNotional: s.spot.maxNotional, applyMaxToMarket: false, avgPriceMins: 5 },
        { filterType: 'MAX_NUM_ORDERS', maxNumOrders: 200 },
      ],
      permissions: [], permissionSets: [['SPOT']],
      defaultSelfTradePreventionMode: 'EXPIRE_MAKER', allowedSelfTradePreventionModes: ['NONE', 'EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
    })),
  };
}
