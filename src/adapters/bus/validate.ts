/** Input checks shared by the Bus adapters: a clear, field-naming error instead of a hang or a corrupt entry. */
import type { Envelope } from '../../core/envelope.ts';
import { TradewindError } from '../../core/errors.ts';

export function validateName(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 256) {
    throw new TradewindError('TW_ERR_VALIDATION', [field, JSON.stringify(value), 'a non-empty string of at most 256 characters'], { field });
  }
}

export function validateEnvelope(e: Envelope): void {
  if (e === null || typeof e !== 'object') throw new TradewindError('TW_ERR_VALIDATION', ['envelope', String(e), 'an Envelope'], { field: 'envelope' });
  validateName('envelope.stream', e.stream);
  validateName('envelope.id', e.id);
}

const MAX_DEPTH = 64;

/**
 * Checks that `value` survives a JSON round trip unchanged (plain objects, arrays, strings, finite
 * numbers, booleans, null), so an envelope means the same in process and over Redis. A walk, not a
 * JSON.stringify: strings are not copied, which keeps the in-process bus fast.
 */
export function assertJsonSafe(value: unknown, path = 'envelope.data', depth = 0): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw notJson(path, String(value), 'a finite number');
  }
  if (depth > MAX_DEPTH) throw notJson(path, `nested deeper than ${MAX_DEPTH} levels (or circular)`, 'plain JSON data');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) throw notJson(`${path}[${i}]`, 'undefined', 'a JSON value');
      assertJsonSafe(value[i], `${path}[${i}]`, depth + 1);
    }
    return;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw notJson(path, `a ${(value as object).constructor?.name ?? 'non-plain'} object`, 'a plain object');
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) assertJsonSafe(v, `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw notJson(path, typeof value === 'bigint' ? `${value}n (a bigint)` : `a ${typeof value}`, 'plain JSON data');
}

function notJson(field: string, was: string, expected: string): TradewindError {
  return new TradewindError('TW_ERR_VALIDATION', [field, was, expected], { field });
}

/** Checks an envelope; data that JSON cannot carry unchanged is a validation error naming the field. */
export function checkEnvelope(e: Envelope): void {
  validateEnvelope(e);
  assertJsonSafe(e.data);
}

/** Serialises an envelope for a wire transport. */
export function encodeEnvelope(e: Envelope): string {
  checkEnvelope(e);
  return JSON.stringify(e);
}
