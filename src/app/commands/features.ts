/**
 * `tradewind features --klines FILE [--pair FILE] [--atr-n 14] [--rv-window 24] [--corr-window 30] [--out FILE]`.
 * Exit codes: 0 done, 2 bad flags or a malformed input row (named by file and line), 1 I/O failure.
 */
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { KlineFileError } from '../features/kline-file.ts';
import { runFeatures } from '../features/run-features.ts';

interface FeaturesFlags { klines: string; pair?: string; atrN: string; rvWindow: string; corrWindow: string; out?: string; }

export function register(program: Command): void {
  program.command('features')
    .description('compute TR, ATR, log return, realized vol and rolling correlation from a Binance kline CSV')
    .requiredOption('--klines <file>', 'Binance kline CSV (header optional; open_time in ms or µs)')
    .option('--pair <file>', 'second kline CSV: corr is the rolling correlation of log returns aligned on open_time')
    .option('--atr-n <n>', 'ATR period (Wilder)', '14')
    .option('--rv-window <n>', 'realized-vol window in bars', '24')
    .option('--corr-window <n>', 'correlation window in aligned bars', '30')
    .option('--out <file>', 'output CSV (default: stdout)')
    .action(async (flags: FeaturesFlags) => { process.exitCode = await runFeaturesCommand(flags); });
}

function intFlag(name: string, raw: string, min: number): number | string {
  const v = Number(raw);
  return Number.isInteger(v) && v >= min && v <= 1_000_000 ? v : `--${name} was "${raw}", expected an integer ${min}–1000000`;
}

async function runFeaturesCommand(flags: FeaturesFlags): Promise<number> {
  const atrN = intFlag('atr-n', flags.atrN, 1), rvWindow = intFlag('rv-window', flags.rvWindow, 2), corrWindow = intFlag('corr-window', flags.corrWindow, 2);
  for (const v of [atrN, rvWindow, corrWindow]) if (typeof v === 'string') return fail(v, 2);
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'features [{bar}] {percentage}% | {value}/{total} MB | eta {eta}s', clearOnComplete: true, stream: process.stderr }) : null;
  let lastMb = -1;
  bar?.start(0, 0);
  try {
    const { rows } = await runFeatures({
      klines: flags.klines, ...(flags.pair !== undefined ? { pair: flags.pair } : {}), ...(flags.out !== undefined ? { out: flags.out } : {}),
      atrN: atrN as number, rvWindow: rvWindow as number, corrWindow: corrWindow as number,
      ...(bar ? { progress: (done: number, total: number) => { const mb = Math.floor(done / 1e6); if (mb !== lastMb) { lastMb = mb; bar.setTotal(Math.ceil(total / 1e6)); bar.update(mb); } } } : {}),
    });
    bar?.stop();
    if (flags.out) process.stderr.write(`tradewind features: wrote ${rows} rows to ${flags.out}\n`);
    return 0;
  } catch (e) {
    bar?.stop();
    if (e instanceof KlineFileError) return fail(e.message, 2);
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'EACCES') return fail(`cannot read ${err.path ?? 'file'} (${err.code})`, 2);
    if (err.code === 'EPIPE') return 0; // the reader (e.g. `| head`) closed the pipe: not an error
    return fail(err.message, 1);
  }
}

function fail(message: string, code: number): number {
  process.stderr.write(`tradewind features: ${message}\n`);
  return code;
}
