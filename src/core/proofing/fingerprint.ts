/**
 * A finding's fingerprint: the rule, its place in the paragraph and the paragraph's text, hashed.
 * An ignored finding stays ignored exactly as long as its paragraph's text is unchanged (wherever the
 * paragraph moves), and the server recomputes it from the same parts, so a client cannot forge one.
 */
import { hash53 } from './hash';

/** Where a finding was made: the body, the title, or one property (by name). */
export type ProofScope = 'body' | 'title' | `property:${string}`;

export interface FingerprintParts { scope: ProofScope; rule: string; start: number; end: number; text: string }

export function findingFingerprint(parts: FingerprintParts): string {
  return hash53(`${parts.scope}\u0001${parts.rule}\u0001${parts.start}\u0001${parts.end}\u0001${parts.text}`);
}
