/** The spot account endpoint (USER_DATA, signed), shaped as binance-protocol.md §3.9. */
import type { SimAccount } from '../accounts/accounts.ts';
import type { Route, RouteContext } from './router.ts';

const f8 = (d: { toFixed(n: number): string }) => d.toFixed(8);
const ZERO = '0.00000000';
const acct = (ctx: RouteContext): SimAccount => ctx.account!;

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
  { method: 'GET', path: '/api/v3/account', weight: 20, security: 'SIGNED', handle: (ctx) => spotAccount(acct(ctx), ctx.params.get('omitZeroBalances') === 'true') },
];
