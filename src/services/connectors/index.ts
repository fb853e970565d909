/** S1 Exchange Connectors: market and account data, FUT + SPOT, REST + WebSocket. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createConnectorsService(deps: ServiceDeps): Service {
  return defineService({
    name: 'connectors',
    purpose: 'S1 Exchange Connectors: market and account data, FUT + SPOT, REST + WebSocket.',
    usesExchange: true,
    notYetImplemented: ['market data streams', 'user data stream', 'exchangeInfo refresh (24 h)', 'funding history gap fill (8 h)'],
  }, deps);
}
