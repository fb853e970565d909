/**
 * `tradewind features`: streams a kline CSV (and optionally a paired one, merged on open_time)
 * through the incremental S2 features and writes `open_time,close,tr,atr,log_return,rv,corr`, one
 * row per input bar, in constant memory.
 */
import { createWriteStream, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { KlineFeatures, type KlineFeatureOptions } from '../../core/features/kline-features.ts';
import { KlineFileReader } from './kline-file.ts';

export const FEATURES_HEADER = 'open_time,close,tr,atr,log_return,rv,corr';

export interface FeaturesRun extends KlineFeatureOptions {
  klines: string;
  pair?: string;
  out?: string;
  /** Called with bytes read so far of the main file and its size (progress bar). */
  progress?: (done: number, total: number) => void;
}

/** 12 significant digits: drops float noise (89.19999999999709 → 89.2) far below any price tick. */
const cell = (x: number): string => (Number.isNaN(x) ? '' : String(Number(x.toPrecision(12))));

function write(out: Writable, text: string): Promise<void> | undefined {
  if (out.write(text)) return undefined;
  return new Promise((resolve, reject) => {
    const onDrain = () => { out.off('error', onError); resolve(); };
    const onError = (e: Error) => { out.off('drain', onDrain); reject(e); };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

/** Yields the paired series' closes by open time, refilling its batch only when one runs out. */
class PairCursor {
  private batch: { openTime: number; close: number }[] = [];
  private at = 0;
  private ended = false;
  constructor(private readonly reader: KlineFileReader) {}

  /** Like closeAt without waiting: undefined when the answer needs the next batch from the file. */
  closeAtIfLoaded(openTime: number): number | undefined {
    while (this.at < this.batch.length && this.batch[this.at]!.openTime < openTime) this.at++;
    if (this.at < this.batch.length) return this.batch[this.at]!.openTime === openTime ? this.batch[this.at]!.close : NaN;
    return this.ended ? NaN : undefined;
  }

  /** The pair's close at exactly `openTime`, or NaN; `openTime` must not decrease between calls. */
  async closeAt(openTime: number): Promise<number> {
    for (;;) {
      while (this.at < this.batch.length && this.batch[this.at]!.openTime < openTime) this.at++;
      if (this.at < this.batch.length) return this.batch[this.at]!.openTime === openTime ? this.batch[this.at]!.close : NaN;
      if (this.ended) return NaN;
      const next = await this.reader.next();
      if (next === null) { this.ended = true; return NaN; }
      this.batch = next; this.at = 0;
    }
  }
}

export async function runFeatures(run: FeaturesRun, stdout: Writable = process.stdout): Promise<{ rows: number }> {
  const total = statSync(run.klines).size;
  if (run.pair !== undefined) statSync(run.pair); // fail early, naming the file, if it is missing
  const main = new KlineFileReader(run.klines);
  const pairReader = run.pair !== undefined ? new KlineFileReader(run.pair) : undefined;
  const pair = pairReader ? new PairCursor(pairReader) : undefined;
  const out: Writable = run.out ? createWriteStream(run.out) : stdout;
  const features = new KlineFeatures(run);
  let rows = 0;
  try {
    let header: string | null = FEATURES_HEADER + '\n';
    for (let batch = await main.next(); batch !== null; batch = await main.next()) {
      let buf = header ?? '';
      header = null;
      for (const bar of batch) {
        let pairClose = pair ? pair.closeAtIfLoaded(bar.openTime) : NaN;
        if (pairClose === undefined) pairClose = await pair!.closeAt(bar.openTime);
        const f = features.update(bar.high, bar.low, bar.close, pairClose);
        buf += `${bar.openTime},${bar.closeText},${cell(f.tr)},${cell(f.atr)},${cell(f.logReturn)},${cell(f.rv)},${cell(f.corr)}\n`;
        rows++;
      }
      const p = write(out, buf);
      if (p) await p;
      run.progress?.(main.bytesRead, total);
    }
    if (header !== null) { const p = write(out, header); if (p) await p; }
  } finally {
    await main.close();
    await pairReader?.close();
    if (run.out) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  return { rows };
}
