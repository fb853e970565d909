/**
 * Futures user-data listen keys: one per account while valid (POST returns the same key), 60 min
 * of validity extended by PUT, removed by DELETE. Expiry is measured on the wall clock, like the
 * client's keepalive timer, so accelerated market time does not expire keys.
 */
import { randomBytes } from 'node:crypto';

export const LISTEN_KEY_TTL_MS = 60 * 60 * 1000;

export class ListenKeys {
  private readonly byKey = new Map<string, { apiKey: string; expires: number }>();
  private readonly expiredListeners = new Set<(listenKey: string) => void>();

  constructor(private readonly wallNow: () => number) {}

  create(apiKey: string): string {
    this.sweep();
    for (const [k, v] of this.byKey) if (v.apiKey === apiKey) { v.expires = this.wallNow() + LISTEN_KEY_TTL_MS; return k; }
    const key = randomBytes(32).toString('base64url').slice(0, 64);
    this.byKey.set(key, { apiKey, expires: this.wallNow() + LISTEN_KEY_TTL_MS });
    return key;
  }

  /** The account's valid key, if it has one. */
  keyFor(apiKey: string): string | null {
    this.sweep();
    for (const [k, v] of this.byKey) if (v.apiKey === apiKey) return k;
    return null;
  }

  /** The key's account if the key is valid and belongs to `apiKey` (when given). */
  owner(listenKey: string, apiKey?: string): string | null {
    this.sweep();
    const v = this.byKey.get(listenKey);
    if (!v || (apiKey !== undefined && v.apiKey !== apiKey)) return null;
    return v.apiKey;
  }

  keepalive(listenKey: string, apiKey: string): boolean {
    const v = this.byKey.get(listenKey);
    if (!v || v.apiKey !== apiKey || v.expires < this.wallNow()) return false;
    v.expires = this.wallNow() + LISTEN_KEY_TTL_MS;
    return true;
  }

  remove(listenKey: string, apiKey: string): boolean {
    const v = this.byKey.get(listenKey);
    if (!v || v.apiKey !== apiKey) return false;
    this.byKey.delete(listenKey);
    return true;
  }

  /** Expires a key now (control API: tests of `listenKeyExpired`). */
  expire(listenKey: string): boolean {
    if (!this.byKey.delete(listenKey)) return false;
    for (const fn of this.expiredListeners) fn(listenKey);
    return true;
  }

  onExpired(fn: (listenKey: string) => void): void { this.expiredListeners.add(fn); }

  sweep(): void {
    const now = this.wallNow();
    for (const [k, v] of this.byKey) if (v.expires < now) this.expire(k);
  }
}
