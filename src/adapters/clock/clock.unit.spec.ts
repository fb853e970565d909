import { expect, it } from 'vitest';
import { clockContract } from '../../../test/contracts/clock.contract.ts';
import { SimClock } from './sim-clock.ts';
import { systemClock } from './system-clock.ts';

clockContract('system', () => ({ clock: systemClock, advance: (ms) => new Promise((r) => setTimeout(r, ms)) }));
clockContract('sim', () => { const c = new SimClock(1_000); return { clock: c, advance: (ms) => c.advance(ms) }; });

it('SimClock runs a sleeper chain within one advance', async () => {
  const c = new SimClock(0);
  const seen: number[] = [];
  const loop = (async () => { for (let i = 0; i < 3; i++) { await c.sleep(10); seen.push(c.now()); } })();
  await c.advance(100);
  await loop;
  expect(seen).toEqual([10, 20, 30]);
  expect(c.now()).toBe(100);
});
