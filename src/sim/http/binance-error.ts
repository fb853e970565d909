/**
 * Binance's `{code,msg}` errors with the HTTP status real Binance answers with.
 * @see ../shared/spec/binance-protocol.md §1.4, §1.5
 */
export class BinanceError extends Error {
  constructor(readonly code: number, msg: string, readonly status = statusOf(code), readonly headers: Record<string, string> = {}) {
    super(msg);
  }
  body(): string { return JSON.stringify({ code: this.code, msg: this.message }); }
}

function statusOf(code: number): number {
  if (code === -2014 || code === -2015) return 401;
  if (code === -1003) return 429;
  return 400;
}

export const binanceErrors = {
  mandatory: (param: string) => new BinanceError(-1102, `Mandatory parameter '${param}' was not sent, was empty/null, or malformed.`),
  unknownRoute: (path: string) => new BinanceError(-1000, `Unknown path ${path}.`, 404),
  illegalChars: (param: string) => new BinanceError(-1100, `Illegal characters found in parameter '${param}'.`),
  badSymbol: () => new BinanceError(-1121, 'Invalid symbol.'),
  badSymbolJsonArray: (param: string) => new BinanceError(-1100, `Illegal characters found in parameter '${param}'; legal range is '^\\[("[A-Z0-9-_.]{1,20}"(,"[A-Z0-9-_.]{1,20}"){0,}){0,1}\\]$'.`),
};
