/** Futures simulator state: orders, algo orders, positions, trades and income of one account. */
import type { Dec } from '../../core/money/decimal.ts';

export type Side = 'BUY' | 'SELL';
export type PositionSide = 'BOTH' | 'LONG' | 'SHORT';
export type OrderStatus = 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'REJECTED' | 'EXPIRED';
export type Tif = 'GTC' | 'IOC' | 'FOK' | 'GTX';

export interface FutOrder {
  orderId: number;
  symbol: string;
  clientOrderId: string;
  side: Side;
  positionSide: PositionSide;
  type: 'LIMIT' | 'MARKET';
  origType: string;
  timeInForce: Tif;
  priceTicks: number | null;
  qtySteps: number;
  filledSteps: number;
  cumQuote: Dec;
  reduceOnly: boolean;
  closePosition: boolean;
  stopPrice: string;
  workingType: string;
  status: OrderStatus;
  time: number;
  updateTime: number;
  /** Algo order that placed this one, if any. */
  algoId: number | null;
}

export interface Position {
  symbol: string;
  positionSide: PositionSide;
  /** Signed in one-way mode (short < 0); positive in hedge mode (the side says which). */
  amt: Dec;
  entry: Dec;
  updateTime: number;
}

export type AlgoStatus = 'NEW' | 'TRIGGERING' | 'TRIGGERED' | 'FINISHED' | 'CANCELED' | 'EXPIRED' | 'REJECTED';
export type AlgoType = 'STOP_MARKET' | 'TAKE_PROFIT_MARKET' | 'STOP' | 'TAKE_PROFIT' | 'TRAILING_STOP_MARKET';

export interface AlgoOrder {
  algoId: number;
  clientAlgoId: string;
  symbol: string;
  side: Side;
  positionSide: PositionSide;
  orderType: AlgoType;
  timeInForce: Tif;
  qtySteps: number | null;
  priceTicks: number | null;
  triggerTicks: number | null;
  workingType: 'MARK_PRICE' | 'CONTRACT_PRICE';
  closePosition: boolean;
  reduceOnly: boolean;
  priceProtect: boolean;
  activateTicks: number | null;
  callbackRate: number | null;
  /** Trailing: best price seen since activation. */
  extreme: number | null;
  activated: boolean;
  algoStatus: AlgoStatus;
  createTime: number;
  updateTime: number;
  triggerTime: number;
  actualOrderId: number | null;
}

export interface FutTrade {
  id: number; orderId: number; symbol: string; side: Side; positionSide: PositionSide; price: string; qty: string; quoteQty: string;
  commission: string; commissionAsset: 'USDT'; realizedPnl: string; maker: boolean; buyer: boolean; time: number;
}

export interface Income { symbol: string; incomeType: 'TRANSFER' | 'REALIZED_PNL' | 'COMMISSION' | 'FUNDING_FEE' | 'INSURANCE_CLEAR'; income: string; asset: 'USDT'; info: string; time: number; tranId: number; tradeId: string; }

export interface FuturesBook {
  dualSide: boolean;
  leverage: Map<string, number>;
  marginType: Map<string, 'CROSSED' | 'ISOLATED'>;
  positions: Map<string, Position>;
  orders: Map<number, FutOrder>;
  openOrders: Set<number>;
  algos: Map<number, AlgoOrder>;
  openAlgos: Set<number>;
  trades: FutTrade[];
  income: Income[];
}

export const MAKER_FEE = '0.0002';
export const TAKER_FEE = '0.0005';
export const DEFAULT_LEVERAGE = 20;
