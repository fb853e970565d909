/** A minimal signed Binance REST caller for simulator tests (the production connector lives in services/connectors). */
import { createHmac } from 'node:crypto';

export interface SignedCaller {
  (method: 'GET' | 'POST' | 'DELETE' | 'PUT', path: string, params?: Record<string, string | number | boolean>): Promise<{ status: number; body: any }>;
}

export function signedCaller(base: string, apiKey: string, apiSecret: string, now: () => number = Date.now): SignedCaller {
  return async (method, path, params = {}) => {
    const q = new URLSearchParams(Object.entries({ ...params, timestamp: now() }).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const signature = createHmac('sha256', apiSecret).update(q).digest('hex');
    const res = await fetch(`${base}${path}?${q}&signature=${signature}`, { method, headers: { 'X-MBX-APIKEY': apiKey } });
    return { status: res.status, body: await res.json() };
  };
}
