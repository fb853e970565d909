export * from './decimal.ts';
export * from './filters.ts';
export * from './weighted-price.ts';
