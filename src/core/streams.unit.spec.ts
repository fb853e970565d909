import { describe, expect, it } from 'vitest';
import { keys, streams } from './streams.ts';

describe('stream names', () => {
  it('use the symbol as a Redis Cluster hash tag', () => {
    expect(streams.tick('BTCUSDT')).toBe('mkt:tick:{BTCUSDT}');
    expect(streams.depth('ETHUSDT')).toBe('mkt:depth:{ETHUSDT}');
    expect(keys.featLast('BTCUSDT')).toBe('feat:last:{BTCUSDT}');
  });
  it('reject a symbol that would break the hash tag', () => {
    expect(() => streams.tick('btc}usdt')).toThrow(/symbol was "btc}usdt"/);
  });
});
