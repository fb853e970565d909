import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasMarketData, marketDataDir, readKlines } from '../../../test/support/market-data.ts';
import { tempDir } from '../../../test/support/tradewind-process.ts';

const BIN = new URL('../../../bin/tradewind.mjs', import.meta.url).pathname;
const run = async (args: string[]) => {
  try {
    const r = await promisify(execFile)(process.execPath, [BIN, 'features', ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};
const dir = tempDir('features');
const binanceRow = (t: number, c: number) => `${t},${c},${c + 1},${c - 1},${c},10,${t + 59_999_999},1000,5,4,400,0`;

describe('tradewind features', () => {
  it('reads Binance kline files without a header, open_time in µs, and leaves fields empty until their window is full', async () => {
    const file = join(dir, 'us.csv');
    writeFileSync(file, [100, 101, 102, 103, 102].map((c, i) => binanceRow(1_735_689_600_000_000 + i * 60_000_000, c)).join('\n') + '\n');
    const r = await run(['--klines', file, '--atr-n', '2', '--rv-window', '3']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('open_time,close,tr,atr,log_return,rv,corr');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe('1735689600000,100,2,,,,');
    expect(lines[2]!.split(',').slice(0, 4)).toEqual(['1735689660000', '101', '2', '2']);
    expect(lines[3]!.split(',')[5]).toBe(''); // two returns: rv window of 3 not full
    expect(Number(lines[4]!.split(',')[5])).toBeGreaterThan(0);
    expect(lines.slice(1).every((l) => l.endsWith(','))).toBe(true); // no --pair: corr empty
  });

  it('aligns --pair on open_time and writes --out', async () => {
    const a = join(dir, 'a.csv'), b = join(dir, 'b.csv'), out = join(dir, 'out.csv');
    const t = (i: number) => 1_700_000_000_000 - (1_700_000_000_000 % 60_000) + i * 60_000;
    writeFileSync(a, 'open_time,open,high,low,close\n' + [0, 1, 2, 3, 4, 5].map((i) => `${t(i)},1,${11 + i},${9 + i},${10 + i}`).join('\n'));
    writeFileSync(b, [0, 1, 3, 4, 5, 6].map((i) => binanceRow(t(i), 20 + 2 * i)).join('\n'));
    const r = await run(['--klines', a, '--pair', b, '--corr-window', '2', '--out', out]);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[6]);
    // aligned bars: 0,1,3,4,5 → returns at 1,3,4,5; window 2 full at 3; bar 2 has no pair
    expect(rows.map((c) => c !== '')).toEqual([false, false, false, true, true, true]);
  });

  it('stops on a malformed row with the file, line number and reason (exit 2)', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `open_time,open,high,low,close\n${binanceRow(60_000, 10)}\n120000,10,9,11,10\n`);
    const r = await run(['--klines', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3: high 9 is below low 11`);
    writeFileSync(file, `${binanceRow(120_000, 10)}\n${binanceRow(60_000, 10)}\n`);
    expect((await run(['--klines', file])).stderr).toContain(':2: open_time 60000 is not after');
    writeFileSync(file, `${binanceRow(120_000, 10)}\n180000,1\n`);
    expect((await run(['--klines', file])).stderr).toContain(':2: high is missing');
  });

  it('bad flags and missing files are clear errors', async () => {
    expect((await run(['--klines', join(dir, 'nope.csv')])).stderr).toMatch(/cannot read .*nope\.csv \(ENOENT\)/);
    const bad = await run(['--klines', join(dir, 'a.csv'), '--atr-n', 'zero']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'tradewind features: --atr-n was "zero", expected an integer 1–1000000']);
    expect((await run([])).stderr).toContain("required option '--klines <file>'");
  });

  it('real data: BTCUSDT 5m vs ETHUSDT 5m, one row per bar, corr only where ETH has the bar', { skip: !hasMarketData, timeout: 60_000 }, async () => {
    const btc = join(marketDataDir, 'klines', 'binance-um_BTCUSDT_5m.csv'), eth = join(marketDataDir, 'klines', 'binance-um_ETHUSDT_5m.csv');
    const r = await run(['--klines', btc, '--pair', eth]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    const bars = readKlines('binance-um_BTCUSDT_5m.csv');
    expect(rows).toHaveLength(bars.length);
    expect(rows.map((x) => x[1])).toEqual(bars.map((b) => b.closeText));
    const ethStart = readKlines('binance-um_ETHUSDT_5m.csv')[0]!.openTime;
    const firstCorr = rows.findIndex((x) => x[6] !== '');
    expect(Number(rows[firstCorr]![0])).toBe(ethStart + 30 * 300_000); // 30 aligned returns after ETH's first bar
    const corrs = rows.slice(firstCorr).map((x) => Number(x[6]));
    expect(corrs.every((c) => c >= -1 && c <= 1)).toBe(true);
    expect(corrs.reduce((a, b) => a + b, 0) / corrs.length).toBeGreaterThan(0.5); // BTC and ETH move together
  });
});
