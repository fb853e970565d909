/** One contract every Clock adapter passes. `advance` moves the clock by ms (real wait or simulated). */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/ports/clock.ts';

export function clockContract(name: string, make: () => { clock: Clock; advance: (ms: number) => Promise<void> }): void {
  describe(`Clock contract: ${name}`, () => {
    it('now() never goes backwards', async () => {
      const { clock, advance } = make();
      const a = clock.now();
      await advance(5);
      expect(clock.now()).toBeGreaterThanOrEqual(a + 4);
    });

    it('timers fire in time order and can be cancelled', async () => {
      const { clock, advance } = make();
      const fired: string[] = [];
      clock.setTimer(20, () => fired.push('b'));
      clock.setTimer(5, () => fired.push('a'));
      const cancel = clock.setTimer(10, () => fired.push('x'));
      cancel();
      await advance(40);
      expect(fired).toEqual(['a', 'b']);
    });

    it('sleep resolves after its time and rejects when aborted', async () => {
      const { clock, advance } = make();
      let done = false;
      const p = clock.sleep(10).then(() => { done = true; });
      await advance(30);
      await p;
      expect(done).toBe(true);
      const ac = new AbortController();
      const q = clock.sleep(10_000, ac.signal);
      ac.abort(new Error('stop'));
      await expect(q).rejects.toThrow('stop');
    });
  });
}
