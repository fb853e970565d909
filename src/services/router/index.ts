/** S4 Order Router: FUT/SPOT orders, maker→taker, TWAP, liquidity probe, SPOT OCO, transfers. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createRouterService(deps: ServiceDeps): Service {
  return defineService({
    name: 'router',
    purpose: 'S4 Order Router: FUT/SPOT orders, maker→taker, TWAP, liquidity probe, SPOT OCO, transfers.',
    usesExchange: true,
    notYetImplemented: ['order execution', 'routing table re-estimate (24 h)'],
  }, deps);
}
