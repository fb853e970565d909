/** S3 Strategy Engine: L0 gate, L1 rule DSL, L2 confidence model, order intents, /decide. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createStrategyService(deps: ServiceDeps): Service {
  return defineService({
    name: 'strategy',
    purpose: 'S3 Strategy Engine: L0 gate, L1 rule DSL, L2 confidence model, order intents, /decide.',
    usesExchange: false,
    notYetImplemented: ['/decide', 'config keep-alive / hot-load check (1 min)'],
  }, deps);
}
