/** Deterministic JSON for the canonical content, shared by every canonical version. */

/**
 * Deterministic JSON: object keys sorted at every depth, undefined members left out, no whitespace.
 * Frozen: every stored content hash was made through it (canonicalV1.test.ts pins its output).
 */
export function serializeCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(serializeCanonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${serializeCanonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
