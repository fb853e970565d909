/**
 * Simulator benchmarks: REST orders/s accepted and matched on loopback (target ≥ 5,000/s),
 * WebSocket messages/s fanned out to 100 subscribers (target ≥ 100,000/s), and a simulated day of
 * 20 symbols at ×1000 (wall time, peak RSS), plus the fastest stepped day for scale.
 * The simulator runs as `tradewind sim` in a child process; the load generator is this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { Market } from '../src/sim/market/market.ts';
import { fmt, report } from './support.ts';

const BIN = fileURLToPath(new URL('../bin/tradewind.mjs', import.meta.url));
interface SimLine { spotRest: string; futuresRest: string; spotWs: string; futuresWs: string; control: string; apiKey: string; apiSecret: string; }

async function startSim(config: string): Promise<{ child: ChildProcess; line: SimLine; peakRssMb: () => number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-sim-'));
  const file = join(dir, 'sim.yaml');
  writeFileSync(file, config);
  const child = spawn(process.execPath, [BIN, 'sim', '--config', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peakKb = 0;
  const poll = setInterval(() => { try { const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8')); if (m) peakKb = Math.max(peakKb, Number(m[1])); } catch { /* gone */ } }, 50);
  child.once('exit', () => { clearInterval(poll); rmSync(dir, { recursive: true, force: true }); });
  const line = await new Promise<SimLine>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => { out += c.toString(); if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as SimLine); });
    child.once('exit', (code) => reject(new Error(`tradewind sim exited ${code}`)));
  });
  return { child, line, peakRssMb: () => peakKb / 1024 };
}
const stop = (child: ChildProcess) => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });

// --- 1. REST orders/s --------------------------------------------------------------------------
async function ordersPerSecond() {
  const { child, line } = await startSim('limits: { enabled: false }\naccounts:\n  - apiKey: benchkey0000000001\n    apiSecret: benchsecret000000001\n    futures: { USDT: "100000000" }\n');
  const TOTAL = 20_000, CONCURRENCY = 32;
  const symbols = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BNBUSDT'];
  const qty: Record<string, string> = { BTCUSDT: '0.002', ETHUSDT: '0.050', SOLUSDT: '1', BNBUSDT: '0.50' };
  const touch: Record<string, { bid: string; ask: string }> = {};
  for (const s of symbols) { const t = (await (await fetch(`${line.futuresRest}/fapi/v1/ticker/bookTicker?symbol=${s}`)).json()) as { bidPrice: string; askPrice: string }; touch[s] = { bid: t.bidPrice, ask: t.askPrice }; }
  // Signed up front (recvWindow 60 s) so the timed loop measures the exchange, not this process's HMACs.
  const paths = Array.from({ length: TOTAL }, (_, i) => {
    const symbol = symbols[i % symbols.length]!;
    const side = (i >> 2) % 2 ? 'SELL' : 'BUY';
    const p: Record<string, string> = i % 2
      ? { symbol, side, type: 'MARKET', quantity: qty[symbol]!, newOrderRespType: 'RESULT' }
      : { symbol, side, type: 'LIMIT', timeInForce: 'IOC', price: side === 'BUY' ? touch[symbol]!.ask : touch[symbol]!.bid, quantity: qty[symbol]!, newOrderRespType: 'RESULT' };
    const q = new URLSearchParams({ ...p, recvWindow: '60000', timestamp: String(Date.now()) }).toString();
    return `/fapi/v1/order?${q}&signature=${createHmac('sha256', 'benchsecret000000001').update(q).digest('hex')}`;
  });
  const target = new URL(line.futuresRest);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (path: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path, method: 'POST', agent, headers: { 'X-MBX-APIKEY': 'benchkey0000000001' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once('error', reject);
    req.end();
  });
  let sent = 0, ok = 0, filled = 0, rejected = 0;
  const worker = async () => {
    while (sent < TOTAL) {
      const r = await post(paths[sent++]!);
      if (r.status === 200) { ok++; if (r.body.includes('"status":"FILLED"') || r.body.includes('"status":"EXPIRED"')) filled++; } else rejected++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const s = (performance.now() - t0) / 1000;
  agent.destroy();
  await stop(child);
  return { test: 'REST orders accepted and matched', detail: `${fmt(TOTAL)} signed POST /fapi/v1/order (MARKET and LIMIT IOC at the touch, pre-signed), ${CONCURRENCY} keep-alive connections (node:http); ${fmt(ok)} accepted, ${fmt(filled)} matched, ${fmt(rejected)} rejected`, seconds: s.toFixed(2), rate: `${fmt(ok / s)} orders/s`, target: '≥ 5,000/s' };
}

// --- 2. WebSocket fan-out ----------------------------------------------------------------------
async function wsFanout() {
  const { child, line } = await startSim('time: { mode: accelerated, speed: 10 }\n');
  const symbols = ['btcusdt', 'ethusdt', 'solusdt', 'bnbusdt', 'xrpusdt', 'dogeusdt', 'adausdt', 'avaxusdt', 'linkusdt', 'dotusdt', 'ltcusdt', 'trxusdt', 'bchusdt', 'nearusdt', 'atomusdt', 'uniusdt', 'aptusdt', 'arbusdt', 'opusdt', 'filusdt'];
  const url = `${line.futuresWs}/market/stream?streams=${symbols.map((s) => `${s}@bookticker`).join('/')}`;
  let received = 0;
  const sockets = await Promise.all(Array.from({ length: 100 }, () => new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('message', () => { received++; });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  })));
  await new Promise((r) => setTimeout(r, 1_000)); // warm-up
  received = 0;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, 5_000));
  const s = (performance.now() - t0) / 1000;
  const got = received;
  for (const ws of sockets) ws.terminate();
  await stop(child);
  return { test: 'WebSocket fan-out to 100 subscribers', detail: '100 connections × 20 symbols’ @bookTicker on one combined stream each, simulated time ×10 (100 market steps/s), messages counted at the receivers', seconds: s.toFixed(2), rate: `${fmt(got / s)} msgs/s`, target: '≥ 100,000/s' };
}

// --- 3. A simulated day ------------------------------------------------------------------------
async function simulatedDay() {
  const { child, line, peakRssMb } = await startSim('time: { mode: accelerated, speed: 1000 }\nstartTime: 1767225600000\n');
  const dayMs = 86_400_000;
  const t0 = performance.now();
  let lagMs = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 2_000));
    const t = (await (await fetch(`${line.control}/time`)).json()) as { simTime: number };
    const expected = (performance.now() - t0) * 1000;
    lagMs = Math.max(lagMs, expected - (t.simTime - 1767225600000));
    if (t.simTime - 1767225600000 >= dayMs) break;
  }
  const s = (performance.now() - t0) / 1000;
  const rss = peakRssMb();
  await stop(child);
  const m = new Market({ seed: 1, startTime: 1767225600000 });
  const t1 = performance.now();
  m.advanceTo(1767225600000 + dayMs);
  const stepped = (performance.now() - t1) / 1000;
  return [
    { test: 'simulated day, 20 symbols, ×1000', detail: `tradewind sim --time accelerated --speed 1000 until sim time passes 24 h; 864,000 steps of 100 ms × 20 symbols × FUT+SPOT books; worst lag behind the ×1000 schedule ${(Math.max(0, lagMs) / 1000).toFixed(1)} sim-s`, seconds: s.toFixed(1), rate: `peak RSS ${rss.toFixed(0)} MB`, target: 'keeps pace (86.4 s)' },
    { test: 'simulated day, stepped flat out (in process)', detail: 'Market.advanceTo(+24 h) with no clients: the headroom above ×1000', seconds: stepped.toFixed(1), rate: `×${fmt(dayMs / 1000 / stepped)} real time`, target: '—' },
  ];
}

const only = process.env.TW_BENCH_ONLY;
const rows = [
  ...(!only || only === "orders" ? [await ordersPerSecond()] : []),
  ...(!only || only === "ws" ? [await wsFanout()] : []),
  ...(!only || only === "day" ? await simulatedDay() : []),
];
report('Simulator throughput', 'each test against `tradewind sim` in a child process (loopback); one run each', rows);
