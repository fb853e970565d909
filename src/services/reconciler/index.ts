/** S5 Reconciler: exchange vs database, transaction state machine, orphan handling. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createReconcilerService(deps: ServiceDeps): Service {
  return defineService({
    name: 'reconciler',
    purpose: 'S5 Reconciler: exchange vs database, transaction state machine, orphan handling.',
    usesExchange: true,
    notYetImplemented: ['reconcile (5 min and on start)'],
  }, deps);
}
