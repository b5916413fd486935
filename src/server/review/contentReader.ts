import { createHash } from 'node:crypto';
import type { DocumentProperties } from '../../shared/api';
import type { DocumentRow } from '../db/schema';
import type { BodyStore } from '../collab/bodyStore';

export interface ContentSnapshot {
  /** The body's full Yjs state. */
  state: Uint8Array;
  /** The canonical content (title, kind, properties, body blocks), serialized deterministically. */
  canonicalText: string;
  /** SHA-256 (hex) of the canonical serialization: what an approval vouches for. */
  hash: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads a document's current content (live if open) and its canonical hash, computed in the worker pool. */
export async function readContent(row: DocumentRow, bodies: BodyStore): Promise<ContentSnapshot> {
  return bodies.canonical(row.id, { title: row.title, kind: row.kind, properties: JSON.parse(row.properties) as DocumentProperties });
}
