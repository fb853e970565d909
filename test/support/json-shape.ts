/**
 * Compares the shape of a JSON value with a recorded example: every key the example has must be
 * present with the same JSON type (extra keys are allowed: Binance adds fields over time, and so
 * may we). Arrays compare their first elements. Returns the mismatches as readable paths.
 */
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function shapeMismatches(example: unknown, actual: unknown, path = '$', loose: ReadonlySet<string> = new Set()): string[] {
  if (loose.has(path)) return [];
  const te = typeOf(example), ta = typeOf(actual);
  if (te === 'null') return [];
  if (te !== ta) return [`${path}: expected ${te} (${JSON.stringify(example)}), got ${ta} (${JSON.stringify(actual)?.slice(0, 60)})`];
  if (te === 'array') {
    const e = example as unknown[], a = actual as unknown[];
    return e.length > 0 && a.length > 0 ? shapeMismatches(e[0], a[0], `${path}[0]`, loose) : [];
  }
  if (te === 'object') {
    const e = example as Record<string, unknown>, a = actual as Record<string, unknown>;
    return Object.keys(e).flatMap((k) => (k in a ? shapeMismatches(e[k], a[k], `${path}.${k}`, loose) : loose.has(`${path}.${k}`) ? [] : [`${path}.${k}: missing`]));
  }
  return [];
}
