/**
 * A finding's fingerprint: the rule, its place in the paragraph and the paragraph's text, hashed.
 * An ignored finding stays ignored exactly as long as its paragraph's text is unchanged (wherever the
 * paragraph moves), and the server recomputes it from the same parts, so a client cannot forge one.
 */

/** cyrb53: a fast 53-bit string hash; collisions do not matter at a document's scale. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Where a finding was made: the body, the title, or one property (by name). */
export type ProofScope = 'body' | 'title' | `property:${string}`;

export interface FingerprintParts { scope: ProofScope; rule: string; start: number; end: number; text: string }

export function findingFingerprint(parts: FingerprintParts): string {
  return hash53(`${parts.scope}\u0001${parts.rule}\u0001${parts.start}\u0001${parts.end}\u0001${parts.text}`);
}
