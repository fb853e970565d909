import { describe, expect, it } from 'vitest';
import { AccountBook } from '../accounts/accounts.ts';
import { authenticate, hmacHex, splitSignature } from './auth.ts';
import { BinanceError } from './binance-error.ts';

describe('HMAC-SHA256 signing (binance-protocol.md §1.2 test vectors)', () => {
  it('spot vector', () => {
    expect(hmacHex('NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j', 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559'))
      .toBe('c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
  });
  it('futures vector', () => {
    expect(hmacHex('2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9', 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943'))
      .toBe('3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9');
  });
  it('splits the signature out of a raw string wherever it is', () => {
    expect(splitSignature('a=1&b=2&signature=ABC')).toEqual({ signed: 'a=1&b=2', signature: 'ABC' });
    expect(splitSignature('signature=ABC&a=1')).toEqual({ signed: 'a=1', signature: 'ABC' });
    expect(splitSignature('a=1')).toEqual({ signed: 'a=1', signature: null });
  });
});

describe('authenticate', () => {
  const secret = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
  const key = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
  const book = new AccountBook([{ apiKey: key, apiSecret: secret }], 1);
  const now = 1_499_827_319_559;
  const req = (query: string, body = '', header: string | null = key, at = now) => {
    const params = new URLSearchParams(body);
    for (const [k, v] of new URLSearchParams(query)) params.set(k, v);
    return () => authenticate('SIGNED', book, { apiKeyHeader: header ?? undefined, rawQuery: query, rawBody: body, params, now: at });
  };
  const code = (f: () => unknown) => { try { f(); return 0; } catch (e) { return (e as BinanceError).code; } };
  const payload = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
  const sig = 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71';

  it('accepts the signature in the query, in the body, split across both, and in upper case', () => {
    expect(req(`${payload}&signature=${sig}`)()!.apiKey).toBe(key);
    expect(req('', `${payload}&signature=${sig}`)()!.apiKey).toBe(key);
    const [q, b] = [payload.slice(0, 40), payload.slice(40)];
    expect(req(q, `${b}&signature=${hmacHex(secret, q + b)}`)()!.apiKey).toBe(key);
    expect(req(`${payload}&signature=${sig.toUpperCase()}`)()!.apiKey).toBe(key);
  });
  it.each([
    ['no API key header', () => req(`${payload}&signature=${sig}`, '', null), -2014],
    ['malformed API key', () => req(`${payload}&signature=${sig}`, '', 'bad key!'), -2014],
    ['unknown API key', () => req(`${payload}&signature=${sig}`, '', 'A'.repeat(64)), -2015],
    ['tampered parameter', () => req(`${payload.replace('quantity=1', 'quantity=2')}&signature=${sig}`), -1022],
    ['garbage signature', () => req(`${payload}&signature=zz`), -1022],
    ['missing signature', () => req(payload), -1102],
    ['missing timestamp', () => req('symbol=LTCBTC&signature=00'), -1102],
    ['non-numeric timestamp', () => req('timestamp=abc&signature=00'), -1102],
    ['stale timestamp', () => req(`${payload}&signature=${sig}`, '', key, now + 5_001), -1021],
    ['timestamp from the future', () => req(`${payload}&signature=${sig}`, '', key, now - 1_000), -1021],
    ['recvWindow above 60000', () => req(`timestamp=${now}&recvWindow=60001&signature=00`), -1131],
  ])('%s → %s', (_, make, want) => { expect(code(make())).toBe(want); });
  it('401 for key errors, 400 for the rest', () => {
    expect(new BinanceError(-2015, '').status).toBe(401);
    expect(new BinanceError(-1022, '').status).toBe(400);
  });
});
