/**
 * The simulator's listed symbols and their trading rules, shaped like Binance's production values
 * (BTCUSDT futures: tick 0.10, step 0.001, min notional 100; most others min notional 5).
 * @see ../shared/spec/binance-protocol.md §2.2 and §3.2
 */
export interface SimSymbol {
  symbol: string;
  base: string;
  quote: 'USDT';
  /** Starting price of the synthetic process. */
  startPrice: string;
  fut: { tickSize: string; minPrice: string; maxPrice: string; stepSize: string; minQty: string; maxQty: string; marketMaxQty: string; minNotional: string; pricePrecision: number; quantityPrecision: number; maintMarginPercent: string; requiredMarginPercent: string };
  spot: { tickSize: string; stepSize: string; minQty: string; maxQty: string; minNotional: string; maxNotional: string; baseAssetPrecision: number };
}

export const simSymbols: SimSymbol[] = [
  {
    symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT', startPrice: '65000.00',
    fut: { tickSize: '0.10', minPrice: '556.80', maxPrice: '4529764', stepSize: '0.001', minQty: '0.001', maxQty: '1000', marketMaxQty: '120', minNotional: '100', pricePrecision: 2, quantityPrecision: 3, maintMarginPercent: '2.5000', requiredMarginPercent: '5.0000' },
    spot: { tickSize: '0.01000000', stepSize: '0.00001000', minQty: '0.00001000', maxQty: '9000.00000000', minNotional: '5.00000000', maxNotional: '9000000.00000000', baseAssetPrecision: 8 },
  },
  {
    symbol: 'ETHUSDT', base: 'ETH', quote: 'USDT', startPrice: '3200.00',
    fut: { tickSize: '0.01', minPrice: '39.86', maxPrice: '306177', stepSize: '0.001', minQty: '0.001', maxQty: '10000', marketMaxQty: '2000', minNotional: '20', pricePrecision: 2, quantityPrecision: 3, maintMarginPercent: '2.5000', requiredMarginPercent: '5.0000' },
    spot: { tickSize: '0.01000000', stepSize: '0.00010000', minQty: '0.00010000', maxQty: '9000.00000000', minNotional: '5.00000000', maxNotional: '9000000.00000000', baseAssetPrecision: 8 },
  },
  {
    symbol: 'SOLUSDT', base: 'SOL', quote: 'USDT', startPrice: '150.000',
    fut: { tickSize: '0.0100', minPrice: '0.4200', maxPrice: '6857', stepSize: '1', minQty: '1', maxQty: '1000000', marketMaxQty: '5000', minNotional: '5', pricePrecision: 4, quantityPrecision: 0, maintMarginPercent: '2.5000', requiredMarginPercent: '5.0000' },
    spot: { tickSize: '0.01000000', stepSize: '0.00100000', minQty: '0.00100000', maxQty: '9000000.00000000', minNotional: '5.00000000', maxNotional: '9000000.00000000', baseAssetPrecision: 8 },
  },
  {
    symbol: 'BNBUSDT', base: 'BNB', quote: 'USDT', startPrice: '600.000',
    fut: { tickSize: '0.010', minPrice: '6.600', maxPrice: '100000', stepSize: '0.01', minQty: '0.01', maxQty: '100000', marketMaxQty: '2000', minNotional: '5', pricePrecision: 3, quantityPrecision: 2, maintMarginPercent: '2.5000', requiredMarginPercent: '5.0000' },
    spot: { tickSize: '0.01000000', stepSize: '0.00100000', minQty: '0.00100000', maxQty: '900000.00000000', minNotional: '5.00000000', maxNotional: '9000000.00000000', baseAssetPrecision: 8 },
  },
  ...([
    // symbol, start price, fut tick, fut step, spot tick, spot step, price precision, qty precision
    ['XRPUSDT', '0.6000', '0.0001', '0.1', '0.00010000', '0.10000000', 4, 1],
    ['DOGEUSDT', '0.150000', '0.000010', '1', '0.00001000', '1.00000000', 6, 0],
    ['ADAUSDT', '0.45000', '0.00010', '1', '0.00010000', '0.10000000', 5, 0],
    ['AVAXUSDT', '35.0000', '0.0010', '1', '0.01000000', '0.01000000', 4, 0],
    ['LINKUSDT', '15.000', '0.001', '0.01', '0.01000000', '0.01000000', 3, 2],
    ['DOTUSDT', '7.000', '0.001', '0.1', '0.00100000', '0.01000000', 3, 1],
    ['LTCUSDT', '80.00', '0.01', '0.001', '0.01000000', '0.00100000', 2, 3],
    ['TRXUSDT', '0.12000', '0.00001', '1', '0.00001000', '0.10000000', 5, 0],
    ['BCHUSDT', '400.00', '0.01', '0.001', '0.10000000', '0.00100000', 2, 3],
    ['NEARUSDT', '5.0000', '0.0010', '1', '0.00100000', '0.10000000', 4, 0],
    ['ATOMUSDT', '8.000', '0.001', '0.01', '0.00100000', '0.01000000', 3, 2],
    ['UNIUSDT', '9.0000', '0.0010', '1', '0.00100000', '0.01000000', 4, 0],
    ['APTUSDT', '9.00000', '0.00010', '0.1', '0.00100000', '0.01000000', 5, 1],
    ['ARBUSDT', '1.0000', '0.0001', '0.1', '0.00010000', '0.10000000', 4, 1],
    ['OPUSDT', '2.0000000', '0.0001000', '0.1', '0.00100000', '0.01000000', 7, 1],
    ['FILUSDT', '5.000', '0.001', '0.1', '0.00100000', '0.01000000', 3, 1],
  ] as const).map(([symbol, startPrice, futTick, futStep, spotTick, spotStep, pricePrecision, quantityPrecision]): SimSymbol => ({
    symbol, base: symbol.replace(/USDT$/, ''), quote: 'USDT', startPrice,
    fut: { tickSize: futTick, minPrice: futTick, maxPrice: '1000000', stepSize: futStep, minQty: futStep, maxQty: '10000000', marketMaxQty: '1000000', minNotional: '5', pricePrecision, quantityPrecision, maintMarginPercent: '2.5000', requiredMarginPercent: '5.0000' },
    spot: { tickSize: spotTick, stepSize: spotStep, minQty: spotStep, maxQty: '9000000.00000000', minNotional: '5.00000000', maxNotional: '9000000.00000000', baseAssetPrecision: 8 },
  })),
];

const bySymbol = new Map(simSymbols.map((s) => [s.symbol, s]));
export const findSimSymbol = (symbol: string): SimSymbol | undefined => bySymbol.get(symbol);
