/**
 * S2 feature throughput on 1,000,000 synthetic 1m bars (seeded random walk around 1e5 with
 * volatility clustering), side by side with trading-signals in the same run; window scaling of
 * rolling std, correlation and percentile rank; and `tradewind features` on a 1M-row file
 * (rows/s and peak RSS). Targets: ours ≥ 2M bar-updates/s and ≥ 3× the peer; std/corr at window
 * 8,760 within 2× of window 24; percentile rank O(log n); CLI peak RSS ≤ 150 MB.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATR, BollingerBands } from 'trading-signals';
import { KlineFeatures } from '../src/core/features/kline-features.ts';
import { depthTop1Usdt, liqScore, mid, spreadBps } from '../src/core/features/microstructure.ts';
import { RollingPercentileRank } from '../src/core/features/percentile-rank.ts';
import { RollingCorrelation, RollingStd } from '../src/core/features/rolling-stats.ts';
import { WilderAtr } from '../src/core/features/wilder-atr.ts';
import { fmt, report } from './support.ts';

const N = 1_000_000;

function synthetic(n: number, seed: number) {
  let s = seed >>> 0;
  const rand = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const high = new Float64Array(n), low = new Float64Array(n), close = new Float64Array(n), pair = new Float64Array(n);
  let c = 100_000, p = 4_000, vol = 0.0008;
  for (let i = 0; i < n; i++) {
    vol = Math.max(0.0002, Math.min(0.004, vol * (1 + 0.05 * gauss())));
    const r = vol * gauss();
    const o = c;
    c *= Math.exp(r);
    p *= Math.exp(0.8 * r + 0.5 * vol * gauss());
    high[i] = Math.max(o, c) * (1 + vol * rand());
    low[i] = Math.min(o, c) * (1 - vol * rand());
    close[i] = c;
    pair[i] = p;
  }
  return { high, low, close, pair };
}

function time(fn: () => number): { seconds: number; sink: number } {
  const t = performance.now();
  const sink = fn();
  return { seconds: (performance.now() - t) / 1000, sink };
}

const bars = synthetic(N, 42);
const ratePerSec = (n: number, s: number) => n / s;

// --- throughput, same bars for every contender --------------------------------------------------
function oursAll(): number {
  const f = new KlineFeatures({ atrN: 14, rvWindow: 24, corrWindow: 30 });
  const pct = new RollingPercentileRank(365);
  let sink = 0;
  for (let i = 0; i < N; i++) {
    const row = f.update(bars.high[i]!, bars.low[i]!, bars.close[i]!, bars.pair[i]!);
    // rv_pctile: today's rv ranked among the last 365 DAILY values (SPEC §1.2): a rank query every
    // bar, and the window itself moves once per day, at the day's last 1m bar.
    const rv = Number.isNaN(row.rv) ? 0 : row.rv;
    const rank = i % 1440 === 1439 ? pct.update(rv) : pct.rankOf(rv);
    const m = mid(bars.low[i]!, bars.high[i]!);
    const spread = spreadBps(bars.low[i]!, bars.high[i]!);
    const liq = liqScore(depthTop1Usdt(bars.low[i]!, 1.5, bars.high[i]!, 2), 100_000);
    sink += row.atr + row.rv + row.corr + rank + m + spread + liq;
  }
  return sink;
}
function oursAtrStd(): number {
  const atr = new WilderAtr(14), std = new RollingStd(24);
  let sink = 0;
  for (let i = 0; i < N; i++) sink += atr.update(bars.high[i]!, bars.low[i]!, bars.close[i]!) + std.update(bars.close[i]!);
  return sink;
}
function peerAtrStd(): number {
  const atr = new ATR(14), bb = new BollingerBands(24);
  let sink = 0;
  for (let i = 0; i < N; i++) {
    const a = atr.update({ high: bars.high[i]!, low: bars.low[i]!, close: bars.close[i]! }, false);
    const b = bb.update(bars.close[i]!, false);
    sink += (a ?? 0) + (b ? b.upper : 0);
  }
  return sink;
}

oursAll(); oursAtrStd(); // warm-up (JIT), same for the peer below
const all = time(oursAll), atrStd = time(oursAtrStd);
const peer = time(peerAtrStd);
const oursRate = ratePerSec(N, atrStd.seconds), peerRate = ratePerSec(N, peer.seconds);
report('S2 features throughput', `${fmt(N)} synthetic 1m bars, one run each after a warm-up; "all" = TR, Wilder ATR(14), log return, rv(24), corr(30) with a paired series, percentile rank of rv among 365 daily values (query per bar, window update per day), mid, spread_bps, depth_top1_usdt, liq_score`, [
  { implementation: 'tradewind: all S2 features', 'bar-updates/s': fmt(ratePerSec(N, all.seconds)), 'ns/bar': (all.seconds * 1e9 / N).toFixed(0), 'vs peer (ATR+std)': (ratePerSec(N, all.seconds) / peerRate).toFixed(1) + '×' },
  { implementation: 'tradewind: ATR(14) + rolling std(24)', 'bar-updates/s': fmt(oursRate), 'ns/bar': (atrStd.seconds * 1e9 / N).toFixed(0), 'vs peer (ATR+std)': (oursRate / peerRate).toFixed(1) + '×' },
  { implementation: 'trading-signals 8.3: ATR(14) + BollingerBands(24) std', 'bar-updates/s': fmt(peerRate), 'ns/bar': (peer.seconds * 1e9 / N).toFixed(0), 'vs peer (ATR+std)': '1.0×' },
]);

// --- cost per update vs window -----------------------------------------------------------------
function perUpdate(make: () => { update: (x: number, y: number) => number }): number {
  const o = make();
  let sink = 0;
  const t = performance.now();
  for (let i = 1; i < N; i++) sink += o.update(Math.log(bars.close[i]! / bars.close[i - 1]!), Math.log(bars.pair[i]! / bars.pair[i - 1]!));
  if (sink === 42) console.log('');
  return ((performance.now() - t) * 1e6) / (N - 1);
}
const scaling: Record<string, string | number>[] = [];
for (const [name, make] of [
  ['rolling std', (w: number) => { const s = new RollingStd(w); return { update: (x: number) => s.update(x) }; }],
  ['rolling correlation', (w: number) => { const c = new RollingCorrelation(w); return { update: (x: number, y: number) => c.update(x, y) }; }],
  ['percentile rank', (w: number) => { const p = new RollingPercentileRank(w); return { update: (x: number) => p.update(x) }; }],
] as const) {
  const small = name === 'percentile rank' ? 365 : 24;
  perUpdate(() => make(small)); // warm-up
  const a = perUpdate(() => make(small)), b = perUpdate(() => make(8760));
  scaling.push({ feature: name, [`window`]: `${small} → 8,760`, 'ns/update small': a.toFixed(1), 'ns/update 8,760': b.toFixed(1), ratio: (b / a).toFixed(2) + '×' });
}
report('S2 cost per update vs window', `${fmt(N)} updates each on log returns of the synthetic series; O(1) std/corr should stay within 2×; the percentile rank is O(log n): log2(8760)/log2(365) = 1.54`, scaling);

// --- the CLI on a 1M-row file ------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'tw-bench-features-'));
try {
  const file = join(dir, 'klines.csv');
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    let i = 0;
    const t0 = 1_672_531_200_000;
    const pump = () => {
      while (i < N) {
        const c = bars.close[i]!.toFixed(1), h = bars.high[i]!.toFixed(1), l = bars.low[i]!.toFixed(1);
        const line = `${t0 + i * 60_000},${c},${h},${l},${c},12.345,${t0 + i * 60_000 + 59_999},1234567.8,321,6.1,617283.9,0\n`;
        i++;
        if (!out.write(line)) { out.once('drain', pump); return; }
      }
      out.end(resolve);
    };
    pump();
  });
  const bin = fileURLToPath(new URL('../bin/tradewind.mjs', import.meta.url));
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'features', '--klines', file, '--out', join(dir, 'out.csv')], { stdio: ['ignore', 'ignore', 'inherit'] });
  let peakKb = 0;
  const poll = setInterval(() => {
    try { const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8')); if (m) peakKb = Math.max(peakKb, Number(m[1])); } catch { /* exited */ }
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`tradewind features exited ${code}`);
  report('tradewind features CLI', `\`tradewind features --klines <1M-row Binance CSV, ${(statSync(file).size / 1e6).toFixed(0)} MB> --out <file>\`, wall time incl. process start; peak RSS = VmHWM sampled every 20 ms`, [
    { rows: fmt(N), seconds: seconds.toFixed(2), 'rows/s': fmt(N / seconds), 'peak RSS MB': (peakKb / 1024).toFixed(0), target: '≤ 150 MB' },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
