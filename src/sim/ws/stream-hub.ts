/**
 * Market streams of one market (FUT or SPOT), shared by every connection that subscribes to the
 * same stream name: each payload is built and serialised once per emission and fanned out.
 * Depth diff events merge the per-update diff log, so U/u (and futures pu) come from the same
 * sequence as REST depth's lastUpdateId and Binance's local-order-book procedure works from any
 * snapshot.
 */
import type { Market, SymbolState } from '../market/market.ts';
import type { MarketKind, SymbolMarket } from '../market/symbol-market.ts';
import { KLINE_INTERVALS } from '../http/market-routes.ts';

export interface StreamSink { send(streamName: string, payload: string, combined: string): void; }

interface Stream {
  name: string;
  interval: number;
  lastEmit: number;
  subscribers: Set<StreamSink>;
  produce: (now: number) => unknown | null;
  /** The producer returns several events at once (trades), each sent as its own message. */
  multi?: boolean;
  cleanup?: () => void;
}

const px = (m: SymbolMarket, p: number) => m.fmtPrice(Math.round(p / m.shape.tick));

export class StreamHub {
  private readonly streams = new Map<string, Stream>();
  messagesSent = 0;

  constructor(private readonly market: Market, readonly kind: MarketKind) {
    market.onStep((t) => this.tick(t));
  }

  /** Whether `name` is a stream this market serves. */
  valid(name: string): boolean { return this.build(name) !== null; }

  subscribe(name: string, sink: StreamSink): boolean {
    let s = this.streams.get(name);
    if (!s) {
      const built = this.build(name);
      if (!built) return false;
      s = built;
      this.streams.set(name, s);
    }
    s.subscribers.add(sink);
    return true;
  }

  unsubscribe(name: string, sink: StreamSink): void {
    const s = this.streams.get(name);
    if (!s) return;
    s.subscribers.delete(sink);
    if (s.subscribers.size === 0) { s.cleanup?.(); this.streams.delete(name); }
  }

  private tick(now: number): void {
    for (const s of this.streams.values()) {
      if (now - s.lastEmit < s.interval) continue;
      s.lastEmit = now;
      const payload = s.produce(now);
      if (payload === null) continue;
      for (const one of s.multi ? (payload as unknown[]) : [payload]) {
        const raw = JSON.stringify(one);
        const combined = `{"stream":${JSON.stringify(s.name)},"data":${raw}}`;
        for (const sink of s.subscribers) { sink.send(s.name, raw, combined); this.messagesSent++; }
      }
    }
  }

  /** Parses a stream name into its producer, or null when the name is not served. */
  private build(name: string): Stream | null {
    if (name !== name.toLowerCase()) return null;
    const fut = this.kind === 'FUT';
    const mk = (interval: number, produce: Stream['produce'], cleanup?: () => void): Stream => ({ name, interval, lastEmit: -Infinity, subscribers: new Set(), produce, ...(cleanup ? { cleanup } : {}) });
    if (fut && (name === '!markprice@arr' || name === '!markprice@arr@1s')) {
      return mk(name.endsWith('@1s') ? 1000 : 3000, (now) => [...this.market.symbols.values()].map((s) => this.markPayload(s, now)));
    }
    if (name === '!bookticker') return mk(0, () => null); // accepted; per-symbol streams carry the data
    const at = name.indexOf('@');
    if (at <= 0) return null;
    const s = this.market.get(name.slice(0, at).toUpperCase());
    if (!s) return null;
    const m = fut ? s.fut : s.spot;
    const rest = name.slice(at + 1);
    const speed = (r: string, dflt: number) => (r === '' ? dflt : r === '@100ms' ? 100 : r === '@500ms' && fut ? 500 : r === '@1000ms' ? 1000 : NaN);

    if (rest === 'bookticker') {
      let lastSeq = -1;
      return mk(0, (now) => {
        if (m.seq === lastSeq) return null;
        lastSeq = m.seq;
        const b = m.currentBook();
        const i = firstLive(b.bids.qtys), j = firstLive(b.asks.qtys);
        const body = { u: m.seq, s: s.def.symbol, b: m.fmtPrice(b.bids.prices[i]!), B: m.fmtQty(b.bids.qtys[i]!), a: m.fmtPrice(b.asks.prices[j]!), A: m.fmtQty(b.asks.qtys[j]!) };
        return fut ? { e: 'bookTicker', ...body, E: now, T: now } : body;
      });
    }
    let match = /^depth(5|10|20)?(@100ms|@500ms|@1000ms)?$/.exec(rest);
    if (match) {
      const levels = match[1] ? Number(match[1]) : null;
      const interval = speed(match[2] ?? '', fut ? 250 : 1000);
      if (Number.isNaN(interval)) return null;
      if (levels !== null) {
        let lastU = m.seq;
        return mk(interval, (now) => {
          const b = m.currentBook();
          const top = (side: typeof b.bids) => { const out: [string, string][] = []; for (let i = 0; i < side.prices.length && out.length < levels; i++) if (side.qtys[i]! > 0) out.push([m.fmtPrice(side.prices[i]!), m.fmtQty(side.qtys[i]!)]); return out; };
          if (!fut) return { lastUpdateId: m.seq, bids: top(b.bids), asks: top(b.asks) };
          const ev = { e: 'depthUpdate', E: now, T: now, s: s.def.symbol, U: lastU + 1, u: m.seq, pu: lastU, b: top(b.bids), a: top(b.asks) };
          lastU = m.seq;
          return ev;
        });
      }
      m.trackDepth(true);
      let lastU = m.seq;
      return mk(interval, (now) => {
        if (m.seq === lastU) return null;
        const bids = new Map<number, number>(), asks = new Map<number, number>();
        for (const d of m.depthLog) {
          if (d.seq <= lastU) continue;
          for (const [p, q] of d.bids) bids.set(p, q);
          for (const [p, q] of d.asks) asks.set(p, q);
        }
        const fmt = (mp: Map<number, number>) => [...mp].map(([p, q]) => [m.fmtPrice(p), m.fmtQty(q)]);
        const ev = fut
          ? { e: 'depthUpdate', E: now, T: now, s: s.def.symbol, U: lastU + 1, u: m.seq, pu: lastU, b: fmt(bids), a: fmt(asks) }
          : { e: 'depthUpdate', E: now, s: s.def.symbol, U: lastU + 1, u: m.seq, b: fmt(bids), a: fmt(asks) };
        lastU = m.seq;
        return ev;
      }, () => m.trackDepth(false));
    }
    if (rest === 'aggtrade' || rest === 'trade') {
      let lastId = m.trades.length ? m.trades[m.trades.length - 1]!.id : -1;
      const agg = rest === 'aggtrade';
      const stream = mk(0, (now) => {
        const fresh = [];
        for (let i = m.trades.length - 1; i >= 0 && m.trades[i]!.id > lastId; i--) fresh.push(m.trades[i]!);
        if (fresh.length === 0) return null;
        lastId = fresh[0]!.id;
        return fresh.reverse().map((t) => agg
          ? { e: 'aggTrade', E: now, s: s.def.symbol, a: t.id, p: m.fmtPrice(t.priceTicks), q: m.fmtQty(t.qtySteps), ...(fut ? { nq: m.fmtQty(t.qtySteps) } : {}), f: t.id, l: t.id, T: t.time, m: t.isBuyerMaker, ...(fut ? {} : { M: true }) }
          : { e: 'trade', E: now, s: s.def.symbol, t: t.id, p: m.fmtPrice(t.priceTicks), q: m.fmtQty(t.qtySteps), T: t.time, m: t.isBuyerMaker, ...(fut ? { X: 'MARKET' } : { M: true }) });
      });
      stream.multi = true;
      return stream;
    }
    match = /^kline_(\w+)$/.exec(rest);
    if (match) {
      const ms = KLINE_INTERVALS[match[1]!];
      if (!ms) return null;
      return mk(fut ? 250 : 2000, (now) => {
        const start = now - (now % ms);
        const bars = m.bars.filter((b) => b.openTime >= start);
        if (bars.length === 0) return null;
        const o = bars[0]!.open, c = bars[bars.length - 1]!.close;
        const h = Math.max(...bars.map((b) => b.high)), l = Math.min(...bars.map((b) => b.low));
        const sum = (f: (b: (typeof bars)[number]) => number) => bars.reduce((a, b) => a + f(b), 0);
        return { e: 'kline', E: now, s: s.def.symbol, k: { t: start, T: start + ms - 1, s: s.def.symbol, i: match![1], f: 0, L: 0, o: px(m, o), c: px(m, c), h: px(m, h), l: px(m, l), v: sum((b) => b.volume).toFixed(8), n: sum((b) => b.trades), x: false, q: sum((b) => b.quoteVolume).toFixed(8), V: sum((b) => b.takerBuyVolume).toFixed(8), Q: sum((b) => b.takerBuyQuote).toFixed(8), B: '0' } };
      });
    }
    if (fut && (rest === 'markprice' || rest === 'markprice@1s')) return mk(rest.endsWith('@1s') ? 1000 : 3000, (now) => this.markPayload(s, now));
    return null;
  }

  private markPayload(s: SymbolState, now: number) {
    return { e: 'markPriceUpdate', E: now, s: s.def.symbol, p: this.market.markPrice(s).toFixed(8), i: s.index.toFixed(8), P: s.index.toFixed(8), r: this.market.predictedFundingRate(s).toFixed(8), T: this.market.nextFundingTime(now) };
  }
}

function firstLive(q: Float64Array): number { for (let i = 0; i < q.length; i++) if (q[i]! > 0) return i; return 0; }
