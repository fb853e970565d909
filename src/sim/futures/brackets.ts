/**
 * Leverage brackets (notional tiers with maintenance margin ratio and the maintenance amount `cum`),
 * one table for every simulated symbol, shaped like Binance's BTCUSDT tiers.
 */
export interface Bracket { bracket: number; initialLeverage: number; notionalCap: number; notionalFloor: number; maintMarginRatio: number; cum: number; }

const TIERS: [number, number, number][] = [
  // initialLeverage, notionalCap, maintMarginRatio
  [125, 50_000, 0.004], [100, 600_000, 0.005], [75, 3_000_000, 0.0065], [50, 12_000_000, 0.01], [25, 70_000_000, 0.02],
  [20, 100_000_000, 0.025], [10, 230_000_000, 0.05], [5, 480_000_000, 0.1], [4, 600_000_000, 0.125], [3, 800_000_000, 0.15],
  [2, 1_200_000_000, 0.25], [1, 1_800_000_000, 0.5],
];

export const BRACKETS: Bracket[] = (() => {
  const out: Bracket[] = [];
  let floor = 0, cum = 0, prevMmr = 0;
  TIERS.forEach(([lev, cap, mmr], i) => {
    cum += floor * (mmr - prevMmr);
    out.push({ bracket: i + 1, initialLeverage: lev, notionalCap: cap, notionalFloor: floor, maintMarginRatio: mmr, cum: Math.round(cum * 100) / 100 });
    floor = cap; prevMmr = mmr;
  });
  return out;
})();

export const bracketFor = (notional: number): Bracket => BRACKETS.find((b) => notional < b.notionalCap) ?? BRACKETS[BRACKETS.length - 1]!;

/** The largest position notional allowed at a leverage. */
export const maxNotionalFor = (leverage: number): number => Math.max(...BRACKETS.filter((b) => b.initialLeverage >= leverage).map((b) => b.notionalCap));
