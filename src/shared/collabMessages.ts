/**
 * The stateless messages of the collaboration socket (Hocuspocus `sendStateless`/`broadcastStateless`
 * on a body's connection), one typed union: the server encodes with `encodeCollabMessage`, the
 * renderer reads with `parseCollabMessage`. Everything else the server announces comes over the
 * event stream (events.ts).
 */
import { z } from 'zod';

/** To the one client whose offline edits the server refused (the piece is locked). */
export const EDITS_REFUSED = 'wengao:edits-refused';
/** To every open copy of a piece: its title, properties or workflow state changed. */
export const DOCUMENT_CHANGED = 'wengao:document-changed';
/** To every open copy of a piece: a review thread was opened, answered, edited, resolved or deleted; fetch the comments again. */
export const COMMENTS_CHANGED = 'wengao:comments-changed';
/** To every open copy of a piece moved to the 回收站 (`deleted`) or restored from it. */
export const DOCUMENT_REMOVED = 'wengao:document-removed';

const collabMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal(EDITS_REFUSED), documentId: z.string() }),
  z.object({ type: z.literal(DOCUMENT_CHANGED), documentId: z.string() }),
  z.object({ type: z.literal(COMMENTS_CHANGED), documentId: z.string(), threadId: z.string() }),
  z.object({
    type: z.literal(DOCUMENT_REMOVED),
    documentId: z.string(),
    deleted: z.boolean(),
    /** Display name of who did it. */
    byName: z.string(),
  }),
]);

/** One stateless message of the collaboration socket. */
export type CollabMessage = z.infer<typeof collabMessage>;
/** The message a piece's open copies receive when it is moved to the 回收站 or restored. */
export type DocumentRemovedMessage = Extract<CollabMessage, { type: typeof DOCUMENT_REMOVED }>;

/** The payload to send for a message. */
export function encodeCollabMessage(message: CollabMessage): string {
  return JSON.stringify(message);
}

/** The message in a stateless payload, or null when it is not JSON or not one of ours. */
export function parseCollabMessage(payload: string): CollabMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = collabMessage.safeParse(value);
  return parsed.success ? parsed.data : null;
}
