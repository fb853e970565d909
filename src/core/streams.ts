/**
 * Every bus stream and Redis key name, in one place.
 * `{symbol}` is a Redis Cluster hash tag: all streams and keys of one symbol share a slot.
 * @see ../shared/SPEC.md "Data" section.
 */
const SYMBOL_RE = /^[A-Z0-9]{2,20}$/;

function tag(symbol: string): string {
  if (!SYMBOL_RE.test(symbol)) throw new Error(`symbol was "${symbol}", expected 2-20 upper-case letters/digits`);
  return `{${symbol}}`;
}

export const streams = {
  tick: (symbol: string) => `mkt:tick:${tag(symbol)}`,
  depth: (symbol: string) => `mkt:depth:${tag(symbol)}`,
  kline: (symbol: string, interval: string) => `mkt:kline:${interval}:${tag(symbol)}`,
  markPrice: (symbol: string) => `mkt:mark:${tag(symbol)}`,
  decisions: (symbol: string) => `evt:decision:${tag(symbol)}`,
  intents: (symbol: string) => `evt:intent:${tag(symbol)}`,
  orders: (symbol: string) => `evt:order:${tag(symbol)}`,
  fills: (symbol: string) => `evt:fill:${tag(symbol)}`,
  positions: (symbol: string) => `evt:position:${tag(symbol)}`,
  /** Config change events: not per symbol, its own slot. */
  config: () => 'evt:config',
  /** Strategy events (transfers, alerts raised by services). */
  strategyEvents: () => 'evt:strategy',
} as const;

export const keys = {
  featLast: (symbol: string) => `feat:last:${tag(symbol)}`,
} as const;
