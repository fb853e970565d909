/**
 * `tradewind sim`: runs the Binance-compatible simulator on its own. Prints ONE JSON line with its
 * base URLs and the default account's key and secret (simulator only), then serves until SIGTERM/SIGINT.
 */
import type { Command } from 'commander';

interface SimFlags { port: string; host: string; seed: string; }

export function register(program: Command): void {
  program.command('sim')
    .description('run the Binance-compatible exchange simulator (FUT + SPOT) on its own')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--seed <n>', 'seed for prices and the default account credentials', '1')
    .action(async (flags: SimFlags) => { process.exitCode = await runSim(flags); });
}

async function runSim(flags: SimFlags): Promise<number> {
  const port = Number(flags.port);
  const seed = Number(flags.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port was "${flags.port}", expected an integer 0–65535`);
  if (!Number.isInteger(seed) || seed < 0) return fail(`--seed was "${flags.seed}", expected a non-negative integer`);
  const { startSimulator } = await import('../../sim/index.ts'); // loaded only when this command runs
  const sim = await startSimulator({ port, host: flags.host, seed });
  process.stdout.write(`${JSON.stringify({ ...sim.urls, apiKey: sim.apiKey, apiSecret: sim.apiSecret })}\n`);
  await new Promise<void>((resolve) => { process.once('SIGTERM', resolve); process.once('SIGINT', resolve); });
  await sim.close();
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`tradewind sim: ${message}\n`);
  return 2;
}
