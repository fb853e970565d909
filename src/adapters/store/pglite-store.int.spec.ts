import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { storeContract } from '../../../test/contracts/store.contract.ts';
import { createStore } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tw-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('pglite (file-backed)', async () => ({
  store: await createStore({ kind: 'pglite', dataDir: dir }),
  reopen: () => createStore({ kind: 'pglite', dataDir: dir }),
}));
