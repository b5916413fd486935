import type { Finding, Severity } from './types';

/** Builds a finding; suggestions replace exactly [start, end). */
export function finding(start: number, end: number, rule: string, severity: Severity, message: string, suggestions: string[] = []): Finding {
  return { start, end, rule, severity, message, suggestions };
}

/** The finding moved by `offset` code units (from a paragraph into the whole text). */
export function shifted(f: Finding, offset: number): Finding {
  return offset === 0 ? f : { ...f, start: f.start + offset, end: f.end + offset };
}
