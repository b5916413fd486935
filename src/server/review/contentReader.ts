import { createHash } from 'node:crypto';
import type { SerializedEditorState } from 'lexical';
import { canonicalContent, serializeCanonical, type CanonicalContent } from '../../core/review/canonical';
import type { DocumentProperties } from '../../shared/api';
import type { DocumentRow } from '../db/schema';
import type { BodyStore } from '../collab/bodyStore';

export interface ContentSnapshot {
  /** The body's full Yjs state. */
  state: Uint8Array;
  json: SerializedEditorState;
  canonical: CanonicalContent;
  canonicalText: string;
  /** SHA-256 (hex) of the canonical serialization: what an approval vouches for. */
  hash: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads a document's current content (live if open) and its canonical hash. */
export async function readContent(row: DocumentRow, bodies: BodyStore): Promise<ContentSnapshot> {
  const { state, json } = await bodies.read(row.id);
  const canonical = canonicalContent({
    title: row.title, kind: row.kind, properties: JSON.parse(row.properties) as DocumentProperties, body: json,
  });
  const canonicalText = serializeCanonical(canonical);
  return { state, json, canonical, canonicalText, hash: sha256(canonicalText) };
}
