/**
 * Parses rows of a Binance kline CSV: the columns of Binance's public kline files (open_time, open,
 * high, low, close, volume, close_time, quote_volume, count, taker_buy_volume,
 * taker_buy_quote_volume, ignore), header optional, open_time in ms or µs (Binance's spot files use
 * µs since 2025). A header row may also name the columns (e.g. `open_time_ms,open_time_utc,open,…`),
 * in which case they are found by name. Pure: the caller reads the lines.
 */

export interface KlineRow { openTime: number; high: number; low: number; close: number; closeText: string; }
export interface KlineColumns { openTime: number; high: number; low: number; close: number; }

export const BINANCE_KLINE_COLUMNS: KlineColumns = { openTime: 0, high: 2, low: 3, close: 4 };

/** open_time values at or above this are microseconds (1e14 ms is year 5138). */
const MICROS_THRESHOLD = 1e14;

export class KlineParseError extends Error {
  constructor(readonly reason: string) { super(reason); this.name = 'KlineParseError'; }
}

/** If `line` is a header, the column positions it names; null when it is a data row. */
export function headerColumns(line: string): KlineColumns | null {
  const cells = line.split(',').map((c) => c.trim().toLowerCase());
  if (/^-?\d/.test(cells[0] ?? '')) return null;
  const find = (...names: string[]) => cells.findIndex((c) => names.includes(c));
  const cols = { openTime: find('open_time', 'open_time_ms', 'opentime', 'timestamp'), high: find('high'), low: find('low'), close: find('close') };
  const missing = Object.entries(cols).filter(([, i]) => i < 0).map(([k]) => k);
  if (missing.length > 0) throw new KlineParseError(`header lacks column(s) ${missing.join(', ')} (got: ${cells.join(', ')})`);
  return cols;
}

const NEEDED = ['openTime', 'high', 'low', 'close'] as const;

function field(line: string, bounds: Int32Array, col: number, name: string): string {
  const a = bounds[col * 2]!, b = bounds[col * 2 + 1]!;
  if (a < 0 || b <= a) throw new KlineParseError(`${name} is missing (column ${col + 1})`);
  return line.slice(a, b);
}

function num(text: string, name: string): number {
  const v = Number(text);
  if (!Number.isFinite(v) || text.trim() === '') throw new KlineParseError(`${name} "${text}" is not a number`);
  return v;
}

/**
 * Parses one data row; throws KlineParseError with the reason. Scans commas only up to the last
 * needed column (no split of the whole row): this runs once per bar on files of millions of rows.
 */
export function parseKlineRow(line: string, cols: KlineColumns = BINANCE_KLINE_COLUMNS): KlineRow {
  const last = Math.max(cols.openTime, cols.high, cols.low, cols.close);
  const bounds = scratch.length >= (last + 1) * 2 ? scratch : (scratch = new Int32Array((last + 1) * 2));
  bounds.fill(-1, 0, (last + 1) * 2);
  let at = 0;
  for (let c = 0; c <= last && at <= line.length; c++) {
    const comma = line.indexOf(',', at);
    const end = comma === -1 ? line.length : comma;
    bounds[c * 2] = at; bounds[c * 2 + 1] = end;
    if (comma === -1) break;
    at = comma + 1;
  }
  const names = { openTime: 'open_time', high: 'high', low: 'low', close: 'close' } as const;
  const text = { openTime: '', high: '', low: '', close: '' };
  for (const k of NEEDED) text[k] = field(line, bounds, cols[k], names[k]);
  let openTime = num(text.openTime, 'open_time');
  if (!Number.isInteger(openTime) || openTime < 0) throw new KlineParseError(`open_time "${text.openTime}" is not a non-negative integer`);
  if (openTime >= MICROS_THRESHOLD) openTime = Math.floor(openTime / 1000);
  const high = num(text.high, 'high');
  const low = num(text.low, 'low');
  const close = num(text.close, 'close');
  if (low <= 0) throw new KlineParseError(`low ${low} is not a positive price`);
  if (high < low) throw new KlineParseError(`high ${high} is below low ${low}`);
  if (close > high || close < low) throw new KlineParseError(`close ${close} is outside [low ${low}, high ${high}]`);
  return { openTime, high, low, close, closeText: text.close.trim() };
}

let scratch = new Int32Array(16);
