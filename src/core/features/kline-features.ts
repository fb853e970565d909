/**
 * The per-bar S2 feature set of one kline series (what `tradewind features` writes): TR, Wilder
 * ATR, log return, realized vol, and the rolling correlation of log returns with a paired series
 * aligned on open time. One object per series; O(1) per bar.
 */
import { logReturn } from './true-range.ts';
import { RealizedVol } from './realized-vol.ts';
import { RollingCorrelation } from './rolling-stats.ts';
import { WilderAtr } from './wilder-atr.ts';

export interface KlineFeatureOptions { atrN: number; rvWindow: number; corrWindow: number; }
export const defaultKlineFeatureOptions: KlineFeatureOptions = { atrN: 14, rvWindow: 24, corrWindow: 30 };

export interface KlineFeatureRow { tr: number; atr: number; logReturn: number; rv: number; corr: number; }

export class KlineFeatures {
  private readonly atr: WilderAtr;
  private readonly rv: RealizedVol;
  private readonly corr: RollingCorrelation;
  private prevClose = NaN;
  private prevAlignedClose = NaN;
  private prevAlignedPairClose = NaN;
  private lastCorr = NaN;
  /** Reused output: callers copy what they keep (no allocation per bar). */
  readonly row: KlineFeatureRow = { tr: NaN, atr: NaN, logReturn: NaN, rv: NaN, corr: NaN };

  constructor(opts: KlineFeatureOptions = defaultKlineFeatureOptions) {
    this.atr = new WilderAtr(opts.atrN);
    this.rv = new RealizedVol(opts.rvWindow);
    this.corr = new RollingCorrelation(opts.corrWindow);
  }

  /**
   * Adds one bar. `pairClose` is the paired series' close at the same open time, or NaN when the
   * pair has no bar there: that row's corr is then empty, and the next aligned return spans the gap
   * on both sides alike.
   */
  update(high: number, low: number, close: number, pairClose = NaN): KlineFeatureRow {
    const row = this.row;
    row.atr = this.atr.update(high, low, close);
    row.tr = this.atr.lastTr;
    row.logReturn = Number.isNaN(this.prevClose) ? NaN : logReturn(close, this.prevClose);
    row.rv = Number.isNaN(row.logReturn) ? NaN : this.rv.update(row.logReturn);
    this.prevClose = close;
    if (Number.isNaN(pairClose)) { row.corr = NaN; return row; }
    if (!Number.isNaN(this.prevAlignedClose)) {
      this.lastCorr = this.corr.update(logReturn(close, this.prevAlignedClose), logReturn(pairClose, this.prevAlignedPairClose));
    }
    row.corr = this.lastCorr;
    this.prevAlignedClose = close;
    this.prevAlignedPairClose = pairClose;
    return row;
  }
}
