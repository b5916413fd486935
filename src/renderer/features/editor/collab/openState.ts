/**
 * Whether the body may be shown and edited yet, as a pure decision over what the connection knows.
 * The adapter feeds it; the editor stays not editable (正在打开…) until it says `open` or
 * `offline-copy` (issue 11: an editable blank page over a full document lost work).
 */

/**
 * - `opening`: neither the server's content nor an offline copy is in (正在打开…);
 * - `open`: the first sync with the server finished;
 * - `offline-copy`: the server is out of reach (or slow) and the offline copy holds the body;
 * - `unreachable`: the server is out of reach and there is no offline copy to open.
 * `open` and `offline-copy` are final: once the body is shown it stays, whatever the connection does.
 */
export type OpenState = 'opening' | 'open' | 'offline-copy' | 'unreachable';

/**
 * The browser's offline copy of this body: `none` (this browser keeps none), `loading` (not read
 * yet), `empty` (read, and it held no body), `body` (read, and it holds the body).
 */
export type OfflineCopyState = 'none' | 'loading' | 'empty' | 'body';

/** What the open state is decided from. */
export interface OpenInputs {
  /** The state decided so far (`open` and `offline-copy` are kept). */
  current: OpenState;
  /** The first sync with the server finished. */
  serverSynced: boolean;
  /** The server refused the token, or the last connection attempt failed before it opened. */
  serverOut: boolean;
  offlineCopy: OfflineCopyState;
  /** The grace a slow server gets (neither answering nor refusing) before an offline copy opens. */
  graceOver: boolean;
}

/**
 * Decides the open state. The server's sync opens the body; an offline copy that holds the body
 * opens it once the server is out of reach or the grace is over; with the server out of reach and
 * no copy to open it is `unreachable`; otherwise it is still `opening` (never an editable blank).
 */
export function decideOpenState({ current, serverSynced, serverOut, offlineCopy, graceOver }: OpenInputs): OpenState {
  if (current === 'open' || current === 'offline-copy') return current;
  if (serverSynced) return 'open';
  if (offlineCopy === 'body' && (serverOut || graceOver)) return 'offline-copy';
  if (serverOut && (offlineCopy === 'none' || offlineCopy === 'empty')) return 'unreachable';
  return 'opening';
}
