/**
 * Binance request security for the simulator (binance-protocol.md §1.1–§1.3): the API-key header,
 * an HMAC-SHA256 signature verified over the RAW query string concatenated with the RAW body
 * (never over re-serialised params: clients order and encode differently), and the timestamp /
 * recvWindow rule `timestamp < serverTime + 1000 && serverTime − timestamp ≤ recvWindow`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccountBook, SimAccount } from '../accounts/accounts.ts';
import { BinanceError, binanceErrors } from './binance-error.ts';

export type Security = 'NONE' | 'USER_STREAM' | 'SIGNED';

const API_KEY_RE = /^[A-Za-z0-9]{1,128}$/;
const DEFAULT_RECV_WINDOW = 5_000;
const MAX_RECV_WINDOW = 60_000;

/** Removes the `signature` parameter from a raw urlencoded string; returns what was signed and the signature. */
export function splitSignature(raw: string): { signed: string; signature: string | null } {
  const m = /(^|&)signature=([^&]*)/.exec(raw);
  if (!m) return { signed: raw, signature: null };
  const before = raw.slice(0, m.index);
  const after = raw.slice(m.index + m[0].length);
  const signed = m[1] === '&' ? before + after : after.replace(/^&/, '');
  let signature: string;
  try { signature = decodeURIComponent(m[2]!); } catch { signature = m[2]!; } // malformed %-escapes: an invalid signature, not a crash
  return { signed, signature };
}

export function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'latin1').digest('hex');
}

/** `now` is the server time; `wallNow`, when the simulator runs accelerated or stepped, the wall clock (clients sign with theirs). */
export interface AuthInput { apiKeyHeader: string | undefined; rawQuery: string; rawBody: string; params: URLSearchParams; now: number; wallNow?: number; }

/** Returns the account a request acts for, or throws the Binance error real Binance would answer with. */
export function authenticate(security: Security, accounts: AccountBook, input: AuthInput): SimAccount | null {
  if (security === 'NONE') return null;
  const key = input.apiKeyHeader;
  if (key === undefined || key === '' || !API_KEY_RE.test(key)) throw new BinanceError(-2014, 'API-key format invalid.');
  const account = accounts.byApiKey(key);
  if (!account) throw new BinanceError(-2015, 'Invalid API-key, IP, or permissions for action.');
  if (security === 'USER_STREAM') return account;

  const tsText = input.params.get('timestamp');
  if (tsText === null || tsText === '') throw binanceErrors.mandatory('timestamp');
  let timestamp = Number(tsText);
  if (!/^\d{1,16}$/.test(tsText) || !Number.isSafeInteger(timestamp)) throw binanceErrors.mandatory('timestamp');
  if (timestamp >= 1e14) timestamp = Math.floor(timestamp / 1000); // µs, as spot accepts
  const rwText = input.params.get('recvWindow');
  const recvWindow = rwText === null ? DEFAULT_RECV_WINDOW : Number(rwText);
  if (!Number.isFinite(recvWindow) || recvWindow <= 0) throw binanceErrors.mandatory('recvWindow');
  if (recvWindow > MAX_RECV_WINDOW) throw new BinanceError(-1131, `recvWindow must be less than ${MAX_RECV_WINDOW}.`);
  const fresh = (now: number) => timestamp < now + 1000 && now - timestamp <= recvWindow;
  if (!fresh(input.now) && (input.wallNow === undefined || !fresh(input.wallNow))) {
    if (timestamp >= input.now + 1000) throw new BinanceError(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    throw new BinanceError(-1021, 'Timestamp for this request is outside of the recvWindow.');
  }

  const q = splitSignature(input.rawQuery), b = splitSignature(input.rawBody);
  const given = q.signature ?? b.signature;
  if (given === null || given === '') throw binanceErrors.mandatory('signature');
  const want = hmacHex(account.apiSecret, q.signed + b.signed);
  const a = Buffer.from(given.toLowerCase(), 'latin1'), w = Buffer.from(want, 'latin1');
  if (a.length !== w.length || !timingSafeEqual(a, w)) throw new BinanceError(-1022, 'Signature for this request is not valid.');
  return account;
}
