import { describe, expect, it } from 'vitest';
import { trimList, trimOrders } from './history-limits.ts';

describe('bounded history', () => {
  it('trims the oldest list entries in chunks', () => {
    const l = Array.from({ length: 120 }, (_, i) => i);
    trimList(l, 100);
    expect(l).toHaveLength(100);
    expect(l[0]).toBe(20);
    const short = [1, 2, 3];
    trimList(short, 100);
    expect(short).toEqual([1, 2, 3]);
  });
  it('drops the oldest closed orders and keeps every open one', () => {
    const orders = new Map(Array.from({ length: 120 }, (_, i) => [i, { id: i }] as const));
    const open = new Set([0, 1, 2]);
    trimOrders(orders, open, 100);
    expect(orders.size).toBe(100);
    for (const id of open) expect(orders.has(id)).toBe(true);
    expect(orders.has(3)).toBe(false);
  });
});
