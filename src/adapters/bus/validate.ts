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

/** Serialises an envelope for a wire transport; data that JSON cannot carry is a validation error. */
export function encodeEnvelope(e: Envelope): string {
  validateEnvelope(e);
  let json: string | undefined;
  try {
    json = JSON.stringify(e);
  } catch (err) {
    throw new TradewindError('TW_ERR_VALIDATION', ['envelope.data', 'not JSON-serialisable', `plain JSON data (${(err as Error).message})`], { field: 'envelope.data' });
  }
  if (json === undefined) throw new TradewindError('TW_ERR_VALIDATION', ['envelope', 'undefined', 'an Envelope'], { field: 'envelope' });
  return json;
}
