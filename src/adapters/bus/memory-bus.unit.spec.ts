import { busContract } from '../../../test/contracts/bus.contract.ts';
import { createBus } from './index.ts';

busContract('in-process', (opts) => createBus({ kind: 'memory', ...opts }));
