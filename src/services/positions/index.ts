/** S6 Position Manager: ROE, add-ons, trailing stop, partial take-profit. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createPositionsService(deps: ServiceDeps): Service {
  return defineService({
    name: 'positions',
    purpose: 'S6 Position Manager: ROE, add-ons, trailing stop, partial take-profit.',
    usesExchange: true,
    notYetImplemented: ['position sweep (10 s)'],
  }, deps);
}
