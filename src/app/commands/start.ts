/**
 * `tradewind start`: runs the selected services in this process. Prints ONE JSON line on stdout
 * once they are healthy; logs go to stderr. Exit codes: 0 clean shutdown, 1 forced or failed,
 * 2 invalid configuration, 3 a dependency (Redis/PostgreSQL) unreachable at start.
 * The runtime is imported when the command runs, so other commands do not load it.
 */
import type { Command } from 'commander';
import type { StartFlags } from '../runtime/run-start.ts';

export function register(program: Command): void {
  program.command('start')
    .description('run Tradewind services (all twelve by default) in this process')
    .option('--target <names>', 'services to run: "all" or a comma-separated list, e.g. router,reconciler', 'all')
    .option('--port <n>', 'HTTP port (0 picks a free one; default 8080)')
    .option('--host <addr>', 'HTTP listen address (default 127.0.0.1)')
    .option('--data-dir <dir>', 'folder for the embedded PGlite database (default .tradewind/data)')
    .option('--config <file>', 'YAML or JSON config file')
    .option('--store <url>', 'postgres:// URL (default: embedded PGlite)')
    .option('--bus <url>', 'memory | redis://host:port | redis-cluster://host:port,host:port')
    .option('--exchange <profile>', 'sim | testnet | live')
    .action(async (flags: StartFlags) => { const { runStart } = await import('../runtime/run-start.ts'); process.exitCode = await runStart(flags); });
}
