/** The `tradewind` command line: one subcommand per entry point. */
import { Command } from 'commander';

export function buildCli(): Command {
  const program = new Command('tradewind').description('Tradewind: a self-hosted trading system for Binance USDT-M Futures and Spot');
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildCli().parseAsync(argv);
}
