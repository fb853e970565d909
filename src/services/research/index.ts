/** S9 Hypothesis Orchestrator: walk-forward, purged k-fold, p-values, FDR, model training. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createResearchService(deps: ServiceDeps): Service {
  return defineService({
    name: 'research',
    purpose: 'S9 Hypothesis Orchestrator: walk-forward, purged k-fold, p-values, FDR, model training.',
    usesExchange: false,
    notYetImplemented: ['experiments', 'model retrain (30 d)'],
  }, deps);
}
