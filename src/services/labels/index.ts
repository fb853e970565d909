/** S7 Label Backfill: 12/24/36 h net PnL and ROI labels. */
import type { Service, ServiceDeps } from '../../ports/service.ts';
import { defineService } from '../service-kit.ts';

export function createLabelsService(deps: ServiceDeps): Service {
  return defineService({
    name: 'labels',
    purpose: 'S7 Label Backfill: 12/24/36 h net PnL and ROI labels.',
    usesExchange: false,
    notYetImplemented: ['label backfill (1 h)'],
  }, deps);
}
