/**
 * The `tradewind` command line. Each subcommand lives in its own file under `commands/` and
 * exports `register(program)`; they are registered in file-name order.
 */
import { readdirSync } from 'node:fs';
import { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

export async function buildCli(): Promise<Command> {
  const program = new Command('tradewind')
    .description('Tradewind: a self-hosted trading system for Binance USDT-M Futures and Spot')
    .showHelpAfterError();
  const dir = new URL('./commands/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.spec.')).sort();
  for (const file of files) {
    const mod = (await import(new URL(file, dir).href)) as Partial<CommandModule>;
    if (typeof mod.register !== 'function') throw new Error(`src/app/commands/${file} does not export register(program)`);
    mod.register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = await buildCli();
  await program.parseAsync(argv);
}
