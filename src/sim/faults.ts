/**
 * Fault injection: added latency, HTTP 5xx, requests that time out before or after the order was
 * placed, 429 bursts, WebSocket drops, lost user-data events and injected order rejections (e.g.
 * -2019). Decisions come from a seeded random stream, so a faulty run is reproducible; every fault
 * that fires is counted and visible on the control API.
 */
import { Rng } from './market/rng.ts';

export interface FaultConfig {
  /** Milliseconds added before every REST answer. */
  latencyMs: number;
  /** Share of REST requests answered 503 without being processed. */
  http5xxRate: number;
  /** Share of order requests that are processed but never answered (the client times out; the order exists). */
  timeoutAfterPlaceRate: number;
  /** Share of order requests never answered and not processed. */
  timeoutBeforePlaceRate: number;
  /** How long an unanswered request hangs before its socket is closed. */
  timeoutMs: number;
  /** The next N requests get 429 -1003. */
  burst429: number;
  /** Share of WebSocket sends that drop the connection instead. */
  wsDropRate: number;
  /** Share of user-data events that are lost. */
  lostUserEventRate: number;
  /** Share of new orders rejected with `rejectCode`. */
  orderRejectRate: number;
  rejectCode: number;
}

export const NO_FAULTS: FaultConfig = { latencyMs: 0, http5xxRate: 0, timeoutAfterPlaceRate: 0, timeoutBeforePlaceRate: 0, timeoutMs: 30_000, burst429: 0, wsDropRate: 0, lostUserEventRate: 0, orderRejectRate: 0, rejectCode: -2019 };

const RATE_FIELDS = ['http5xxRate', 'timeoutAfterPlaceRate', 'timeoutBeforePlaceRate', 'wsDropRate', 'lostUserEventRate', 'orderRejectRate'] as const;
const INT_FIELDS = ['latencyMs', 'timeoutMs', 'burst429', 'rejectCode'] as const;

export type FaultCounter = 'latency' | 'http5xx' | 'timeoutAfterPlace' | 'timeoutBeforePlace' | 'burst429' | 'wsDrop' | 'lostUserEvent' | 'orderReject';

export class Faults {
  config: FaultConfig = { ...NO_FAULTS };
  readonly counts: Record<FaultCounter, number> = { latency: 0, http5xx: 0, timeoutAfterPlace: 0, timeoutBeforePlace: 0, burst429: 0, wsDrop: 0, lostUserEvent: 0, orderReject: 0 };
  private readonly rng: Rng;

  constructor(seed: number) { this.rng = new Rng(seed, 0xfa017); }

  /** Merges a partial config, naming the field when a value is out of range. */
  update(patch: Record<string, unknown>): FaultConfig {
    const next = { ...this.config };
    for (const [k, v] of Object.entries(patch)) {
      if ((RATE_FIELDS as readonly string[]).includes(k)) {
        const n = Number(v);
        if (!(n >= 0 && n <= 1)) throw new RangeError(`faults.${k} must be a number in [0, 1], got ${JSON.stringify(v)}`);
        (next as Record<string, number>)[k] = n;
      } else if ((INT_FIELDS as readonly string[]).includes(k)) {
        const n = Number(v);
        if (!Number.isInteger(n) || (k !== 'rejectCode' && (n < 0 || n > 600_000))) throw new RangeError(`faults.${k} must be an integer${k === 'rejectCode' ? '' : ' in [0, 600000]'}, got ${JSON.stringify(v)}`);
        (next as Record<string, number>)[k] = n;
      } else throw new RangeError(`faults.${k} is not a fault (known: ${[...RATE_FIELDS, ...INT_FIELDS].join(', ')})`);
    }
    this.config = next;
    return next;
  }

  reset(): void { this.config = { ...NO_FAULTS }; }

  /** Rolls for a rate-based fault and counts it when it fires. */
  roll(rate: keyof Pick<FaultConfig, (typeof RATE_FIELDS)[number]>, counter: FaultCounter): boolean {
    const p = this.config[rate];
    if (p <= 0) return false;
    const hit = this.rng.next() < p;
    if (hit) this.counts[counter]++;
    return hit;
  }

  takeBurst(): boolean {
    if (this.config.burst429 <= 0) return false;
    this.config.burst429--;
    this.counts.burst429++;
    return true;
  }

  view() { return { config: this.config, counts: this.counts }; }
}
