import { schedulerContract } from '../../../test/contracts/scheduler.contract.ts';
import { createStore } from '../store/index.ts';

schedulerContract('pglite', async () => {
  const store = await createStore({ kind: 'pglite', dataDir: null });
  return { stores: [store, store], close: () => store.close() };
});
