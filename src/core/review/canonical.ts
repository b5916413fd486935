/**
 * The canonical content of a piece: what an approval vouches for. Version 2 is the title, kind and
 * properties with the body model (`bodyBlocksFromLexical`), the very blocks the .docx export prints,
 * so every difference the export can print changes it; it is independent of CRDT history and of
 * Lexical fields that depend on editing order. Its serialization is deterministic.
 *
 * A stored hash says which version made it: `v2:<sha-256 hex>`; a bare 64-hex hash was made by
 * version 1 (canonicalV1.ts, frozen) before versions were marked, and is verified as version 1. The
 * version is part of the hash string, not a column, because the hash travels beyond one table (the
 * transitions, versions, the audit log's entries, the .docx's WenGaoContentHash) and must be
 * verifiable wherever it is read; existing rows need no migration.
 */
import { CANONICAL_VERSION, formatContentHash, parseContentHash, shortContentHash, type CanonicalVersion, type ContentHash } from './contentHash';
import type { SerializedEditorState } from 'lexical';
import { bodyBlocksFromLexical, type BodyBlock } from '../body/bodyModel';
import { serializeCanonical } from './canonicalJson';
import { canonicalTextV1 } from './canonicalV1';

export { serializeCanonical };

/** A piece's fields and body, as the server reads them. */
export interface CanonicalInput {
  title: string;
  kind: string;
  properties: Readonly<Record<string, string | string[]>>;
  body: SerializedEditorState;
}

export { CANONICAL_VERSION, formatContentHash, parseContentHash, shortContentHash, type CanonicalVersion, type ContentHash };

export interface CanonicalContent {
  canonical: typeof CANONICAL_VERSION;
  title: string;
  kind: string;
  properties: Record<string, string | string[]>;
  blocks: BodyBlock[];
}

/**
 * Properties as the layouts read them: values as stored (a layout trims what it prints, and how a
 * list is joined depends on its items), keys sorted; a blank text or an empty list is left out, as
 * the layouts treat it like a missing property.
 */
function canonicalProperties(properties: CanonicalInput['properties']): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    if (Array.isArray(value) ? value.length > 0 : value.trim() !== '') result[key] = Array.isArray(value) ? [...value] : value;
  }
  return result;
}

/** The version-2 canonical content of a piece. */
export function canonicalContent(input: CanonicalInput): CanonicalContent {
  return {
    canonical: CANONICAL_VERSION,
    title: input.title,
    kind: input.kind,
    properties: canonicalProperties(input.properties),
    blocks: bodyBlocksFromLexical(input.body),
  };
}

/** The canonical text a hash of the given version is the SHA-256 of. */
export function canonicalText(input: CanonicalInput, version: CanonicalVersion = CANONICAL_VERSION): string {
  return version === 1 ? canonicalTextV1(input) : serializeCanonical(canonicalContent(input));
}

