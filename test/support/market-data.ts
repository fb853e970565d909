/**
 * The shared real Binance market data (../shared/data/market, see its README). Tests that read it
 * skip with a warning when the folder is absent (it lives beside the repository, not in it: its
 * licence allows internal testing, not redistribution).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const marketDataDir = resolve(process.env.TW_MARKET_DATA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'market'));
export const hasMarketData = existsSync(join(marketDataDir, 'klines'));
if (!hasMarketData) console.warn(`[tradewind tests] no market data at ${marketDataDir}: real-data tests are skipped (set TW_MARKET_DATA).`);

export interface CsvBar { openTime: number; open: number; high: number; low: number; close: number; volume: number; closeText: string; }

/** Reads a `klines/*.csv` file (open_time_ms, open_time_utc, open, high, low, close, volume). */
export function readKlines(file: string): CsvBar[] {
  const lines = readFileSync(join(marketDataDir, 'klines', file), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const [t, , o, h, lo, c, v] = l.split(',');
    return { openTime: Number(t), open: Number(o), high: Number(h), low: Number(lo), close: Number(c), volume: Number(v), closeText: c! };
  });
}
