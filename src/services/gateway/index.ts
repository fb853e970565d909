/** S12 API Gateway: API proxy, RBAC, approvals, OpenAPI validation (the web UI lives in web/). */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createGatewayService(deps: ServiceDeps): Service {
  return defineService({
    name: 'gateway',
    purpose: 'S12 API Gateway: API proxy, RBAC, approvals, OpenAPI validation (the web UI lives in web/).',
    usesExchange: false,
    notYetImplemented: ['API proxy', 'RBAC', 'web UI'],
  }, deps);
}
