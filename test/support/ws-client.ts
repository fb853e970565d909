/** A small WebSocket test client that queues every message and lets a test await the next one matching a predicate. */
import WebSocket from 'ws';

export interface TestSocket {
  ws: WebSocket;
  messages: unknown[];
  next<T = any>(pred?: (m: any) => boolean, timeoutMs?: number): Promise<T>;
  send(obj: unknown): void;
  close(): Promise<void>;
}

export async function openSocket(url: string): Promise<TestSocket> {
  const ws = new WebSocket(url);
  const messages: unknown[] = [];
  const waiters: { pred: (m: unknown) => boolean; resolve: (m: unknown) => void }[] = [];
  let read = 0;
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as unknown;
    messages.push(m);
    const i = waiters.findIndex((w) => { try { return w.pred(m); } catch { return false; } });
    if (i >= 0) { const [w] = waiters.splice(i, 1); read = messages.length; w!.resolve(m); }
  });
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  return {
    ws, messages,
    next: (pred = () => true, timeoutMs = 5_000) => new Promise((resolve, reject) => {
      const found = messages.slice(read).findIndex((m) => { try { return pred(m); } catch { return false; } });
      if (found >= 0) { read += found + 1; resolve(messages[read - 1] as never); return; }
      const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(-3))}`)), timeoutMs);
      waiters.push({ pred, resolve: (m) => { clearTimeout(timer); resolve(m as never); } });
    }),
    send: (obj) => ws.send(JSON.stringify(obj)),
    close: () => new Promise((resolve) => { if (ws.readyState === ws.CLOSED) return resolve(); ws.once('close', () => resolve()); ws.close(); }),
  };
}
