import { createHash } from 'node:crypto';
import type { SerializedEditorState } from 'lexical';
import {
  CANONICAL_VERSION, canonicalContent, canonicalText, formatContentHash, parseContentHash, serializeCanonical,
  type CanonicalContent, type CanonicalInput, type CanonicalVersion,
} from '../../core/review/canonical';
import type { DocumentProperties } from '../../shared/api';
import type { DocumentRow } from '../db/schema';
import type { BodyStore } from '../collab/bodyStore';

export interface ContentSnapshot {
  /** The body's full Yjs state. */
  state: Uint8Array;
  json: SerializedEditorState;
  /** The fields and body the canonical content was built from. */
  source: CanonicalInput;
  canonical: CanonicalContent;
  canonicalText: string;
  /** The current version's hash (`v2:<sha-256 hex>`): what an approval made now vouches for. */
  hash: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The content hash of a piece in a canonical version, as it is stored. */
export function contentHash(source: CanonicalInput, version: CanonicalVersion = CANONICAL_VERSION): string {
  return formatContentHash({ version, digest: sha256(canonicalText(source, version)) });
}

/**
 * Whether the content is still what `storedHash` vouched for, judged in the canonical version that
 * made the hash: an approval from before version 2 is checked as version 1. A hash of no known
 * version never matches.
 */
export function matchesHash(content: ContentSnapshot, storedHash: string): boolean {
  const parsed = parseContentHash(storedHash);
  if (!parsed) return false;
  if (parsed.version === CANONICAL_VERSION) return content.hash === storedHash;
  return contentHash(content.source, parsed.version) === storedHash;
}

/** The snapshot of a piece's content: its canonical content and current hash, from its fields and body. */
export function contentSnapshot(source: CanonicalInput, state: Uint8Array): ContentSnapshot {
  const canonical = canonicalContent(source);
  const text = serializeCanonical(canonical);
  return {
    state, json: source.body, source, canonical, canonicalText: text,
    hash: formatContentHash({ version: CANONICAL_VERSION, digest: sha256(text) }),
  };
}

/** Reads a document's current content (live if open) and its canonical hash. */
export async function readContent(row: DocumentRow, bodies: BodyStore): Promise<ContentSnapshot> {
  const { state, json } = await bodies.read(row.id);
  const properties = JSON.parse(row.properties) as DocumentProperties;
  return contentSnapshot({ title: row.title, kind: row.kind, properties, body: json }, state);
}
