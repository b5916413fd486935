/**
 * Reads the review threads that clients wrote into the Y.Doc `<id>/review` before the threads moved
 * into the relational store (migration 0005). Every field is what some client wrote: nothing here
 * is trusted beyond its shape.
 */
import * as Y from 'yjs';

export interface LegacyComment { authorId: string; text: string; at: string }

export interface LegacyThread {
  /** Y.RelativePosition JSON (Y.relativePositionToJSON) of the start and the end in the body. */
  anchor: { start: unknown; end: unknown };
  quote: string;
  authorId: string;
  createdAt: string;
  resolved: boolean;
  resolvedBy: string | null;
  comments: LegacyComment[];
}

/** The name the old clients synced a piece's threads under. */
export function legacyReviewDocumentName(documentId: string): string {
  return `${documentId}/review`;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function readComment(value: unknown): LegacyComment | null {
  if (typeof value !== 'object' || value === null) return null;
  const comment = { authorId: text(Reflect.get(value, 'authorId')), text: text(Reflect.get(value, 'text')), at: text(Reflect.get(value, 'at')) };
  return comment.text ? comment : null;
}

function readThread(map: Y.Map<unknown>): LegacyThread | null {
  const comments = map.get('comments');
  if (!(comments instanceof Y.Array)) return null;
  const anchor: unknown = map.get('anchor');
  const end = (key: string): unknown => (typeof anchor === 'object' && anchor !== null ? Reflect.get(anchor, key) : null);
  return {
    anchor: { start: end('start'), end: end('end') },
    quote: text(map.get('quote')),
    authorId: text(map.get('authorId')),
    createdAt: text(map.get('createdAt')),
    resolved: map.get('resolved') === true,
    resolvedBy: typeof map.get('resolvedBy') === 'string' ? text(map.get('resolvedBy')) : null,
    comments: comments.toArray().flatMap((c: unknown) => readComment(c) ?? []),
  };
}

/** The threads of an old review document, oldest first. */
export function readLegacyThreads(doc: Y.Doc): LegacyThread[] {
  const result: LegacyThread[] = [];
  doc.getMap<unknown>('threads').forEach((value) => {
    const thread = value instanceof Y.Map ? readThread(value) : null;
    if (thread) result.push(thread);
  });
  return result.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
