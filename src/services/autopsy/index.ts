/** S8 Autopsy: per-trade TL;DR, TCA, peers, counterfactuals, narrative. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createAutopsyService(deps: ServiceDeps): Service {
  return defineService({
    name: 'autopsy',
    purpose: 'S8 Autopsy: per-trade TL;DR, TCA, peers, counterfactuals, narrative.',
    usesExchange: false,
    notYetImplemented: ['autopsy rebuild (1 d)'],
  }, deps);
}
