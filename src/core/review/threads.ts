/**
 * Review threads (批注) live in their own Y.Doc, `<id>/review`, never in the body: a thread is
 * anchored by two Yjs relative positions into the body (start and end of the commented text, as JSON)
 * and keeps the quoted text as it was when the comment was made. The body stays untouched, so
 * reviewers comment while it is locked, and anchors follow edits made around them later.
 */
import * as Y from 'yjs';

export interface ThreadComment { id: string; authorId: string; authorName: string; text: string; at: string }

export interface ReviewThread {
  id: string;
  /** Y.RelativePosition JSON (Y.relativePositionToJSON) of the start and the end in the body. */
  anchor: { start: unknown; end: unknown };
  quote: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  resolved: boolean;
  resolvedBy: string | null;
  comments: ThreadComment[];
}

const THREADS = 'threads';

function threads(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(THREADS);
}

function readThread(id: string, map: Y.Map<unknown>): ReviewThread | null {
  const comments = map.get('comments');
  const anchor = map.get('anchor');
  if (!(comments instanceof Y.Array) || typeof anchor !== 'object' || anchor === null) return null;
  const text = (key: string): string => {
    const value = map.get(key);
    return typeof value === 'string' ? value : '';
  };
  return {
    id,
    anchor: { start: Reflect.get(anchor, 'start'), end: Reflect.get(anchor, 'end') },
    quote: text('quote'),
    authorId: text('authorId'),
    authorName: text('authorName'),
    createdAt: text('createdAt'),
    resolved: map.get('resolved') === true,
    resolvedBy: typeof map.get('resolvedBy') === 'string' ? text('resolvedBy') : null,
    comments: comments.toArray().filter((c): c is ThreadComment => typeof c === 'object' && c !== null && 'text' in c),
  };
}

/** All threads, oldest first. */
export function readThreads(doc: Y.Doc): ReviewThread[] {
  const result: ReviewThread[] = [];
  threads(doc).forEach((map, id) => {
    const thread = readThread(id, map);
    if (thread) result.push(thread);
  });
  return result.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export interface NewThread {
  id: string;
  anchor: { start: unknown; end: unknown };
  quote: string;
  author: { id: string; name: string };
  text: string;
  at: string;
}

/** Adds a thread with its first comment. */
export function addThread(doc: Y.Doc, input: NewThread): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    const comments = new Y.Array<ThreadComment>();
    comments.push([{ id: `${input.id}-0`, authorId: input.author.id, authorName: input.author.name, text: input.text, at: input.at }]);
    map.set('anchor', input.anchor);
    map.set('quote', input.quote);
    map.set('authorId', input.author.id);
    map.set('authorName', input.author.name);
    map.set('createdAt', input.at);
    map.set('resolved', false);
    map.set('comments', comments);
    threads(doc).set(input.id, map);
  });
}

export function replyToThread(doc: Y.Doc, threadId: string, comment: ThreadComment): void {
  const comments = threads(doc).get(threadId)?.get('comments');
  if (comments instanceof Y.Array) comments.push([comment]);
}

export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean, byUserId: string): void {
  const map = threads(doc).get(threadId);
  if (!map) return;
  doc.transact(() => {
    map.set('resolved', resolved);
    map.set('resolvedBy', resolved ? byUserId : null);
  });
}
