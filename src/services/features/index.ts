/** S2 Feature Generator: ATR, realized vol, percentiles, correlation, depth, spread, liquidity score. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createFeaturesService(deps: ServiceDeps): Service {
  return defineService({
    name: 'features',
    purpose: 'S2 Feature Generator: ATR, realized vol, percentiles, correlation, depth, spread, liquidity score.',
    usesExchange: false,
    notYetImplemented: ['feature pipeline', 'feature gap recompute (5 min)'],
  }, deps);
}
