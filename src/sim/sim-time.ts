/**
 * Simulated time: real (follows the wall clock), accelerated (×N from an anchor) or stepped (moves
 * only through the control API), so a day of market can run in seconds through the same code.
 */
import type { Clock } from '../ports/clock.ts';

export type TimeMode = 'real' | 'accelerated' | 'stepped';

export class SimTime {
  mode: TimeMode = 'real';
  speed = 1;
  private anchorWall: number;
  private anchorSim: number;

  constructor(private readonly wall: Pick<Clock, 'now'>, start = wall.now()) {
    this.anchorWall = wall.now();
    this.anchorSim = start;
  }

  now(): number {
    if (this.mode === 'stepped') return this.anchorSim;
    return this.anchorSim + (this.wall.now() - this.anchorWall) * this.speed;
  }

  wallNow(): number { return this.wall.now(); }

  set(mode: TimeMode, speed = 1): void {
    if (!(speed > 0 && speed <= 1_000_000)) throw new RangeError(`speed must be in (0, 1000000], got ${speed}`);
    const t = this.now();
    this.anchorSim = t;
    this.anchorWall = this.wall.now();
    this.mode = mode;
    this.speed = mode === 'real' ? 1 : speed;
  }

  /** Stepped mode only: moves simulated time forward by `ms`. */
  advance(ms: number): number {
    if (this.mode !== 'stepped') throw new RangeError('time can only be advanced in stepped mode');
    if (!(ms >= 0)) throw new RangeError(`ms must be ≥ 0, got ${ms}`);
    this.anchorSim += ms;
    return this.anchorSim;
  }
}
