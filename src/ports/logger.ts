/** Structured logger port (pino-compatible subset). Fields are JSON; never pass secrets. */
export interface Logger {
  info(fields: Record<string, unknown>, msg?: string): void;
  warn(fields: Record<string, unknown>, msg?: string): void;
  error(fields: Record<string, unknown>, msg?: string): void;
  debug(fields: Record<string, unknown>, msg?: string): void;
  /** A logger whose lines carry `fields` too (e.g. `{ service, trace_id }`). */
  child(fields: Record<string, unknown>): Logger;
}
