import {
  CANONICAL_VERSION, canonicalContent, canonicalText, formatContentHash, parseContentHash, serializeCanonical,
  type CanonicalInput, type CanonicalVersion,
} from '../../core/review/canonical';
import type { DocumentRow } from '../db/schema';
import { documentPropertiesColumn } from '../db/jsonColumns';
import type { BodyStore } from '../collab/bodyStore';
import { sha256Hex } from '../digest';

/**
 * A piece's content as an approval sees it. Computed from the body in the worker pool (heavyTasks.ts,
 * `contentSnapshot`), so it carries only text and hashes across threads, never the body's objects.
 */
export interface ContentSnapshot {
  /** The body's full Yjs state. */
  state: Uint8Array;
  /** The canonical content (version 2: title, kind, properties, body blocks), serialized deterministically. */
  canonicalText: string;
  /** The current version's hash (`v2:<sha-256 hex>`): what an approval made now vouches for. */
  hash: string;
  /** The same content's version-1 hash (bare hex), which approvals from before version 2 stored. */
  v1Hash: string;
}

/** A snapshot's hashes and canonical text, without its state. */
export type ContentReading = Omit<ContentSnapshot, 'state'>;

/** The content hash of a piece in a canonical version, as it is stored. */
export function contentHash(source: CanonicalInput, version: CanonicalVersion = CANONICAL_VERSION): string {
  return formatContentHash({ version, digest: sha256Hex(canonicalText(source, version)) });
}

/**
 * Whether the content is still what `storedHash` vouched for, judged in the canonical version that
 * made the hash: an approval from before version 2 is checked as version 1. A hash of no known
 * version never matches.
 */
export function matchesHash(content: ContentReading, storedHash: string): boolean {
  const parsed = parseContentHash(storedHash);
  if (!parsed) return false;
  if (parsed.version === CANONICAL_VERSION) return content.hash === storedHash;
  return parsed.version === 1 && content.v1Hash === storedHash;
}

/** The canonical text and hashes (current version, and version 1) of a piece's fields and body. */
export function contentReading(source: CanonicalInput): ContentReading {
  const text = serializeCanonical(canonicalContent(source));
  return {
    canonicalText: text,
    hash: formatContentHash({ version: CANONICAL_VERSION, digest: sha256Hex(text) }),
    v1Hash: contentHash(source, 1),
  };
}

/** The snapshot of a piece's content: its canonical content and hashes, from its fields and body. */
export function contentSnapshot(source: CanonicalInput, state: Uint8Array): ContentSnapshot {
  return { state, ...contentReading(source) };
}

/** Reads a document's current content (live if open) and its canonical hashes, computed in the worker pool. */
export async function readContent(row: DocumentRow, bodies: BodyStore): Promise<ContentSnapshot> {
  return bodies.canonical(row.id, { title: row.title, kind: row.kind, properties: documentPropertiesColumn.parse(row.properties, row.id) });
}
