/**
 * `tradewind sim`: runs the Binance-compatible simulator on its own. Prints ONE JSON line with its
 * base URLs and the default account's key and secret (simulator only), then serves until SIGTERM/SIGINT.
 * Spot REST/WS listen on --port, futures on --futures-port (default --port + 1, or free when 0).
 */
import type { Command } from 'commander';
import type { SimFileConfig } from '../sim-config.ts';

interface SimFlags { port: string; futuresPort?: string; host: string; seed?: string; config?: string; time?: string; speed?: string; apiKey?: string; apiSecret?: string; }

export function register(program: Command): void {
  program.command('sim')
    .description('run the Binance-compatible exchange simulator (FUT + SPOT) on its own')
    .option('--port <n>', 'spot REST/WS port (0 picks a free one)', '0')
    .option('--futures-port <n>', 'futures REST/WS port (default: --port + 1, or a free one)')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--seed <n>', 'seed for prices and the default account credentials (default 1)')
    .option('--config <file>', 'YAML or JSON: accounts, time, replay, faults, limits')
    .option('--time <mode>', 'real | accelerated | stepped')
    .option('--speed <n>', 'time multiplier for --time accelerated')
    .option('--api-key <key>', 'the account\'s API key (with --api-secret; default: derived from the seed)')
    .option('--api-secret <secret>', 'the account\'s API secret')
    .action(async (flags: SimFlags) => { process.exitCode = await runSim(flags); });
}

async function runSim(flags: SimFlags): Promise<number> {
  const { loadSimConfig, SimConfigError } = await import('../sim-config.ts');
  let config: SimFileConfig;
  try {
    config = loadSimConfig(flags.config, { port: flags.port, futuresPort: flags.futuresPort, seed: flags.seed, time: flags.time, speed: flags.speed, apiKey: flags.apiKey, apiSecret: flags.apiSecret });
  } catch (e) {
    if (e instanceof SimConfigError) return fail(e.message);
    throw e;
  }
  // Listen for the stop signal before announcing readiness: a supervisor may signal right after the line.
  const stopRequested = new Promise<void>((resolve) => { process.once('SIGTERM', () => resolve()); process.once('SIGINT', () => resolve()); });
  const { startSimulator } = await import('../../sim/index.ts'); // loaded only when this command runs
  const sim = await startSimulator({ ...config, host: flags.host });
  process.stdout.write(`${JSON.stringify({ ...sim.urls, control: `${sim.urls.futuresRest}/sim/v1`, apiKey: sim.apiKey, apiSecret: sim.apiSecret })}\n`);
  await stopRequested;
  await sim.close();
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`tradewind sim: ${message}\n`);
  return 2;
}
