/** The twelve service factories by name (SPEC §0). */
import type { ServiceFactory, ServiceName } from '../ports/service.ts';
import { createAutopsyService } from '../services/autopsy/index.ts';
import { createConfigService } from '../services/config/index.ts';
import { createConnectorsService } from '../services/connectors/index.ts';
import { createFeaturesService } from '../services/features/index.ts';
import { createGatewayService } from '../services/gateway/index.ts';
import { createLabelsService } from '../services/labels/index.ts';
import { createMetricsService } from '../services/metrics/index.ts';
import { createPositionsService } from '../services/positions/index.ts';
import { createReconcilerService } from '../services/reconciler/index.ts';
import { createResearchService } from '../services/research/index.ts';
import { createRouterService } from '../services/router/index.ts';
import { createStrategyService } from '../services/strategy/index.ts';

export const serviceFactories: Record<ServiceName, ServiceFactory> = {
  connectors: createConnectorsService,
  features: createFeaturesService,
  strategy: createStrategyService,
  router: createRouterService,
  reconciler: createReconcilerService,
  positions: createPositionsService,
  labels: createLabelsService,
  autopsy: createAutopsyService,
  research: createResearchService,
  config: createConfigService,
  metrics: createMetricsService,
  gateway: createGatewayService,
};
