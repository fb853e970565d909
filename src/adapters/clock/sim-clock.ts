/**
 * A clock that moves only when told to (replay, backtest, tests). Timers fire in time order,
 * ties in the order they were set; `advance` runs every timer that falls due on the way.
 */
import type { Clock } from '../../ports/clock.ts';

interface Timer { at: number; seq: number; fn: () => void; }

export class SimClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 0) { this.t = start; }

  now(): number { return this.t; }

  setTimer(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => { this.timers = this.timers.filter((x) => x !== timer); };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      const cancel = this.setTimer(ms, () => { signal?.removeEventListener('abort', onAbort); resolve(); });
      const onAbort = () => { cancel(); reject(signal!.reason ?? new DOMException('aborted', 'AbortError')); };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time forward by `ms`, firing due timers in order; awaits microtasks between timers so sleepers run. */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`advance ms was ${ms}, expected a number ≥ 0`);
    await this.advanceTo(this.t + ms);
  }

  /** Sets time to `t` (not earlier than now), firing due timers. */
  async set(t: number): Promise<void> {
    if (t < this.t) throw new RangeError(`set t was ${t}, expected ≥ now (${this.t})`);
    await this.advanceTo(t);
  }

  /** Number of timers not yet fired. */
  get pendingTimers(): number { return this.timers.length; }

  private async advanceTo(target: number): Promise<void> {
    for (;;) {
      const next = this.nextDue(target);
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = next.at;
      next.fn();
      await flushMicrotasks();
    }
    this.t = target;
    await flushMicrotasks();
  }

  private nextDue(target: number): Timer | undefined {
    let best: Timer | undefined;
    for (const x of this.timers) if (x.at <= target && (!best || x.at < best.at || (x.at === best.at && x.seq < best.seq))) best = x;
    return best;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise<void>((r) => setImmediate(r));
}
