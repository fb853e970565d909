/** Health reporting shared by every port and service: a tree of named checks. */
export type HealthStatus = 'up' | 'degraded' | 'down';

export interface HealthNode {
  name: string;
  status: HealthStatus;
  /** How long the check took, in ms. */
  latency_ms: number;
  detail?: string;
  /** Extra facts (e.g. consumer lag, last job run). Never secrets. */
  info?: Record<string, unknown>;
  dependencies?: HealthNode[];
}

/** Worst status of a set: any down → down, any degraded → degraded. */
export function worstStatus(statuses: HealthStatus[]): HealthStatus {
  if (statuses.includes('down')) return 'down';
  if (statuses.includes('degraded')) return 'degraded';
  return 'up';
}
