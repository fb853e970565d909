/**
 * Simulator accounts: API key + secret, a USDⓈ-M futures wallet and spot balances, as exact
 * decimals. With no account configured, one default account is funded on both markets.
 */
import { Dec, dec } from '../../core/money/decimal.ts';

export interface SpotBalance { free: Dec; locked: Dec; }
export interface FuturesAsset { wallet: Dec; }

export interface SimAccount {
  apiKey: string;
  apiSecret: string;
  uid: number;
  futures: { assets: Map<string, FuturesAsset>; updateTime: number; feeTier: number };
  spot: { balances: Map<string, SpotBalance>; updateTime: number };
}

export interface AccountSeed { apiKey: string; apiSecret: string; futures?: Record<string, string>; spot?: Record<string, string>; }

export const DEFAULT_FUNDING = { futures: { USDT: '100000' }, spot: { USDT: '100000', BTC: '1', ETH: '10' } } as const;

export class AccountBook {
  private readonly byKey = new Map<string, SimAccount>();

  constructor(seeds: readonly AccountSeed[], now: number) {
    seeds.forEach((s, i) => this.byKey.set(s.apiKey, {
      apiKey: s.apiKey, apiSecret: s.apiSecret, uid: 100_000_001 + i,
      futures: { assets: new Map(Object.entries(s.futures ?? DEFAULT_FUNDING.futures).map(([a, v]) => [a, { wallet: dec(v, `futures.${a}`) }])), updateTime: now, feeTier: 0 },
      spot: { balances: new Map(Object.entries(s.spot ?? DEFAULT_FUNDING.spot).map(([a, v]) => [a, { free: dec(v, `spot.${a}`), locked: new Dec(0) }])), updateTime: now },
    }));
  }

  byApiKey(apiKey: string): SimAccount | undefined { return this.byKey.get(apiKey); }
  all(): SimAccount[] { return [...this.byKey.values()]; }
}
