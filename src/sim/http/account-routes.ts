/**
 * Account endpoints (USER_DATA, signed): futures balance/account (v2 and v3) and spot account,
 * shaped as binance-protocol.md §2.15, §2.16 and §3.9. Positions and orders arrive with the
 * matching engine; until then every listed symbol shows a flat position.
 */
import type { SimAccount } from '../accounts/accounts.ts';
import { simSymbols } from '../markets/symbols.ts';
import type { Route, RouteContext } from './router.ts';

const f8 = (d: { toFixed(n: number): string }) => d.toFixed(8);
const ZERO = '0.00000000';
const acct = (ctx: RouteContext): SimAccount => ctx.account!;

function futuresBalances(a: SimAccount) {
  return [...a.futures.assets].map(([asset, { wallet }]) => ({
    accountAlias: 'SgsR', asset, balance: f8(wallet), crossWalletBalance: f8(wallet), crossUnPnl: ZERO,
    availableBalance: f8(wallet), maxWithdrawAmount: f8(wallet), marginAvailable: true, updateTime: a.futures.updateTime,
  }));
}

function futuresAccount(a: SimAccount, v2: boolean) {
  const usdt = a.futures.assets.get('USDT')?.wallet;
  const total = usdt ? f8(usdt) : ZERO;
  const assets = [...a.futures.assets].map(([asset, { wallet }]) => ({
    asset, walletBalance: f8(wallet), unrealizedProfit: ZERO, marginBalance: f8(wallet), maintMargin: ZERO, initialMargin: ZERO,
    positionInitialMargin: ZERO, openOrderInitialMargin: ZERO, crossWalletBalance: f8(wallet), crossUnPnl: ZERO,
    availableBalance: f8(wallet), maxWithdrawAmount: f8(wallet), ...(v2 ? { marginAvailable: true } : {}), updateTime: a.futures.updateTime,
  }));
  const positions = simSymbols.map((s) => ({
    symbol: s.symbol, positionSide: 'BOTH', positionAmt: '0.000', unrealizedProfit: ZERO, isolatedMargin: ZERO, notional: '0',
    isolatedWallet: '0', initialMargin: '0', maintMargin: '0', updateTime: 0,
    ...(v2 ? { leverage: '20', isolated: false, entryPrice: '0.0', breakEvenPrice: '0.0', maxNotional: '25000000', bidNotional: '0', askNotional: '0', positionInitialMargin: '0', openOrderInitialMargin: '0' } : {}),
  }));
  return {
    ...(v2 ? { feeTier: a.futures.feeTier, feeBurn: false, canTrade: true, canDeposit: true, canWithdraw: true, updateTime: 0, multiAssetsMargin: false, tradeGroupId: -1 } : {}),
    totalInitialMargin: ZERO, totalMaintMargin: ZERO, totalWalletBalance: total, totalUnrealizedProfit: ZERO, totalMarginBalance: total,
    totalPositionInitialMargin: ZERO, totalOpenOrderInitialMargin: ZERO, totalCrossWalletBalance: total, totalCrossUnPnl: ZERO,
    availableBalance: total, maxWithdrawAmount: total, assets, positions,
  };
}

function spotAccount(a: SimAccount, omitZero: boolean) {
  const balances = [...a.spot.balances].map(([asset, b]) => ({ asset, free: f8(b.free), locked: f8(b.locked) }))
    .filter((b) => !omitZero || b.free !== ZERO || b.locked !== ZERO);
  return {
    makerCommission: 10, takerCommission: 10, buyerCommission: 0, sellerCommission: 0,
    commissionRates: { maker: '0.00100000', taker: '0.00100000', buyer: ZERO, seller: ZERO },
    canTrade: true, canWithdraw: true, canDeposit: true, brokered: false, requireSelfTradePrevention: false, preventSor: false,
    updateTime: a.spot.updateTime, accountType: 'SPOT', balances, permissions: ['SPOT'], uid: a.uid,
  };
}

export const accountRoutes: Route[] = [
  { method: 'GET', path: '/fapi/v2/balance', weight: 5, security: 'SIGNED', handle: (ctx) => futuresBalances(acct(ctx)) },
  { method: 'GET', path: '/fapi/v3/balance', weight: 5, security: 'SIGNED', handle: (ctx) => futuresBalances(acct(ctx)) },
  { method: 'GET', path: '/fapi/v2/account', weight: 5, security: 'SIGNED', handle: (ctx) => futuresAccount(acct(ctx), true) },
  { method: 'GET', path: '/fapi/v3/account', weight: 5, security: 'SIGNED', handle: (ctx) => futuresAccount(acct(ctx), false) },
  { method: 'GET', path: '/api/v3/account', weight: 20, security: 'SIGNED', handle: (ctx) => spotAccount(acct(ctx), ctx.params.get('omitZeroBalances') === 'true') },
];
