#!/usr/bin/env node
// Runs the TypeScript CLI straight from source (no build step), so `npx tradewind` works right after `npm ci`.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/app/cli.ts');
await main(process.argv);
