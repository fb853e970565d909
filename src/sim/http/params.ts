/** Parameter readers that answer malformed input with the Binance error real Binance would send. */
import { findSimSymbol, type SimSymbol } from '../markets/symbols.ts';
import { BinanceError, binanceErrors } from './binance-error.ts';

export function requireParam(params: URLSearchParams, name: string): string {
  const v = params.get(name);
  if (v === null || v.trim() === '') throw binanceErrors.mandatory(name);
  return v;
}

export function symbolParam(params: URLSearchParams): SimSymbol {
  const s = requireParam(params, 'symbol');
  if (!/^[A-Z0-9-_.]{1,20}$/.test(s)) throw binanceErrors.illegalChars('symbol');
  const def = findSimSymbol(s);
  if (!def) throw binanceErrors.badSymbol();
  return def;
}

export function optionalSymbol(params: URLSearchParams): SimSymbol | null {
  return params.get('symbol') === null ? null : symbolParam(params);
}

export function intParam(params: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return dflt;
  if (!/^-?\d{1,16}$/.test(raw)) throw new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '^[0-9]{1,20}$'.`);
  const v = Number(raw);
  if (v < min || v > max) throw new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '${min}-${max}'.`);
  return v;
}

export function optionalInt(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return null;
  if (!/^\d{1,16}$/.test(raw)) throw new BinanceError(-1100, `Illegal characters found in parameter '${name}'; legal range is '^[0-9]{1,20}$'.`);
  return Number(raw);
}

/** `error` is built only when thrown: constructing an Error captures a stack, too costly per request. */
export function enumParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], error: () => BinanceError, dflt?: T): T {
  const v = params.get(name);
  if (v === null || v === '') { if (dflt !== undefined) return dflt; throw binanceErrors.mandatory(name); }
  if (!(allowed as readonly string[]).includes(v)) throw error();
  return v as T;
}
