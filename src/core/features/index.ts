export * from './bar-aggregator.ts';
export * from './microstructure.ts';
export * from './percentile-rank.ts';
export * from './realized-vol.ts';
export * from './rolling-stats.ts';
export * from './true-range.ts';
export * from './wilder-atr.ts';
export * from './kline-features.ts';
