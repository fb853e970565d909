/** A service's lifecycle state machine, exported as the `tw_service_state` gauge. */
import type { Gauge } from 'prom-client';

export const lifecycleStates = ['created', 'starting', 'running', 'stopping', 'stopped', 'failed'] as const;
export type LifecycleState = (typeof lifecycleStates)[number];

const allowed: Record<LifecycleState, LifecycleState[]> = {
  created: ['starting', 'stopped'],
  starting: ['running', 'failed', 'stopping'],
  running: ['stopping', 'failed'],
  stopping: ['stopped', 'failed'],
  stopped: [],
  failed: ['stopping', 'stopped'],
};

export class Lifecycle {
  private current: LifecycleState = 'created';

  constructor(private readonly service: string, private readonly gauge: Gauge<'service' | 'state'>) { this.publish(); }

  get state(): LifecycleState { return this.current; }

  to(next: LifecycleState): void {
    if (!allowed[this.current].includes(next)) throw new Error(`service ${this.service}: lifecycle ${this.current} → ${next} is not allowed`);
    this.current = next;
    this.publish();
  }

  private publish(): void {
    for (const s of lifecycleStates) this.gauge.set({ service: this.service, state: s }, s === this.current ? 1 : 0);
  }
}
