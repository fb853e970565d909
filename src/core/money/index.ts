export * from './decimal.ts';
export * from './filters.ts';
