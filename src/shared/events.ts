/**
 * The per-user event stream, `GET /api/events` (Server-Sent Events): what the server pushes to one
 * user on every page, so that nothing needs polling. Each event is one SSE message whose `event:`
 * is the type and whose `data:` is the JSON below. What concerns one open document (its state, title,
 * removal) comes instead as Hocuspocus stateless messages over the editor's own connection.
 */

export type DeskEvent =
  /** First message of every stream: whatever the client shows may have changed while it was away. */
  | { type: 'hello' }
  /** The user's 待办 changed (a piece left it, was renamed, deleted or restored): fetch it again. */
  | { type: 'inbox-changed' }
  /** A piece now waits for the user at a checkpoint (审核 or 签发); the 待办 changed too. */
  | { type: 'piece-assigned'; documentId: string; title: string; checkpointName: string | null; byName: string }
  /** A piece the user writes was returned (已退回); the 待办 changed too. */
  | { type: 'piece-returned'; documentId: string; title: string; byName: string; comment: string }
  /** 催办: a writer reminds the user of a piece they hold; the 待办 changed too. */
  | { type: 'piece-reminded'; documentId: string; title: string; byName: string; comment: string };

export type DeskEventType = DeskEvent['type'];

const TYPES: ReadonlySet<string> = new Set<DeskEventType>(['hello', 'inbox-changed', 'piece-assigned', 'piece-returned', 'piece-reminded']);

/** The server writes a comment line this often, so proxies keep the stream open and the client sees it alive. */
export const EVENTS_HEARTBEAT_MS = 25_000;

/** The SSE message for one event. */
export function formatDeskEvent(event: DeskEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Reads one message's data; null for anything that is not an event this version knows. */
export function parseDeskEvent(data: string): DeskEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('type' in value)) return null;
  const { type } = value;
  // The server wrote it from a DeskEvent; the type check guards against other versions.
  return typeof type === 'string' && TYPES.has(type) ? value as DeskEvent : null;
}
