/**
 * How a content hash is stored and shown. Apart from the canonical form itself, so pages that only
 * show hashes (审计日志, 审核记录) do not load the body model and Lexical with them.
 */
export type CanonicalVersion = 1 | 2;

/** The version new hashes are made with. */
export const CANONICAL_VERSION = 2;

/** A stored content hash: the version that made it and its SHA-256 (hex). */
export interface ContentHash { version: CanonicalVersion; digest: string }

const BARE_HASH = /^[0-9a-f]{64}$/;
const MARKED_HASH = /^v([0-9]+):([0-9a-f]{64})$/;

/** The hash as stored: version 1 bare (as it always was), later versions as `v<n>:<hex>`. */
export function formatContentHash({ version, digest }: ContentHash): string {
  return version === 1 ? digest : `v${version}:${digest}`;
}

/** Reads a stored hash; null for one this code cannot verify (malformed, or of an unknown version). */
export function parseContentHash(stored: string): ContentHash | null {
  if (BARE_HASH.test(stored)) return { version: 1, digest: stored };
  const marked = MARKED_HASH.exec(stored);
  return marked && marked[1] === '2' ? { version: 2, digest: marked[2] } : null;
}

/** The first `length` digits of a stored hash's digest, for display: the version mark left out. */
export function shortContentHash(stored: string, length: number): string {
  return (parseContentHash(stored)?.digest ?? stored).slice(0, length);
}
