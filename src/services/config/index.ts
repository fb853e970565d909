/** S10 Config Service: versioned bundles, lint, replay simulator, sensitivity, canary promote. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createConfigService(deps: ServiceDeps): Service {
  return defineService({
    name: 'config',
    purpose: 'S10 Config Service: versioned bundles, lint, replay simulator, sensitivity, canary promote.',
    usesExchange: false,
    notYetImplemented: ['bundles and promotion', 'canary guardrail check (10 min)'],
  }, deps);
}
