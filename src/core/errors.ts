/**
 * Error catalogue: stable codes, message templates and the HTTP status an API answers with.
 * Expected failures (rejections, rate limits, validation) are values of these codes;
 * corrupt data fails fast. Add new entries here, never ad-hoc strings.
 * @see ../shared/STYLE.md practice 12.
 */
export const errorCatalog = {
  TW_ERR_CONFIG_INVALID: { status: 500, message: 'config field "%s" was %s, expected %s' },
  TW_ERR_VALIDATION: { status: 400, message: 'field "%s" was %s, expected %s' },
  TW_ERR_NOT_FOUND: { status: 404, message: '%s "%s" was not found' },
  TW_ERR_CONFLICT: { status: 409, message: '%s "%s" was changed concurrently (expected version %s)' },
  TW_ERR_DEPENDENCY_DOWN: { status: 503, message: 'dependency "%s" is unreachable: %s' },
  TW_ERR_ILLEGAL_TRANSITION: { status: 409, message: 'transition %s → %s is not allowed' },
  TW_ERR_SHUTTING_DOWN: { status: 503, message: 'service "%s" is shutting down' },
  TW_ERR_INTERNAL: { status: 500, message: 'internal error: %s' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

function format(template: string, args: readonly unknown[]): string {
  let i = 0;
  return template.replace(/%s/g, () => String(args[i++] ?? ''));
}

export class TradewindError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, args: readonly unknown[] = [], opts: { field?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(format(errorCatalog[code].message, args), opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'TradewindError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.field = opts.field;
    this.details = opts.details;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...(this.details ? { details: this.details } : {}) };
  }
}

export function isTradewindError(e: unknown, code?: ErrorCode): e is TradewindError {
  return e instanceof TradewindError && (code === undefined || e.code === code);
}
