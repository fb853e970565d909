/** S11 Metrics & Health: SLIs, SLOs, alerts, strategy performance. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createMetricsService(deps: ServiceDeps): Service {
  return defineService({
    name: 'metrics',
    purpose: 'S11 Metrics & Health: SLIs, SLOs, alerts, strategy performance.',
    usesExchange: false,
    notYetImplemented: ['SLI/SLO rollup (1 min / 1 d)', 'alerts'],
  }, deps);
}
