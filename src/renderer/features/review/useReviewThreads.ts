/**
 * The review threads of a piece, live: fetched from the server (`GET …/comments`, which decides
 * who wrote what), and fetched again when the server says on the body's connection that they
 * changed, when the connection comes back, and when the caller's `reloadKey` changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommentThreadView } from '../../../shared/review';
import { COMMENTS_CHANGED, parseCollabMessage } from '../../../shared/collabMessages';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import type { HocuspocusAdapter } from '../editor';

export interface ReviewThreads {
  threads: CommentThreadView[];
  /** True once the first answer came. */
  loaded: boolean;
  /** Why the last fetch failed (offline, …), or null. */
  error: string | null;
  /** Fetches the threads again (after one's own change; others' come by the server's message). */
  reload(): void;
}

function isCommentsChanged(payload: string, documentId: string): boolean {
  const message = parseCollabMessage(payload);
  return message?.type === COMMENTS_CHANGED && message.documentId === documentId;
}

export function useReviewThreads(adapter: HocuspocusAdapter | null, documentId: string, enabled: boolean, reloadKey: number): ReviewThreads {
  const [threads, setThreads] = useState<CommentThreadView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One fetch at a time; a request made meanwhile runs once more when it ends, so the last word wins.
  const fetching = useRef<{ running: boolean; again: boolean; alive: boolean }>({ running: false, again: false, alive: true });

  const reload = useCallback((): void => {
    const state = fetching.current;
    if (!enabled) return;
    if (state.running) { state.again = true; return; }
    state.running = true;
    reviewApi.comments(documentId).then(
      (result) => { if (state.alive) { setThreads(result.threads); setError(null); setLoaded(true); } },
      (caught: unknown) => { if (state.alive) setError(errorMessage(caught)); },
    ).finally(() => {
      state.running = false;
      if (state.again && state.alive) { state.again = false; reload(); }
    });
  }, [documentId, enabled]);

  useEffect(() => {
    const state = { running: false, again: false, alive: true };
    fetching.current = state;
    setThreads([]);
    setLoaded(false);
    setError(null);
    return () => { state.alive = false; };
  }, [documentId, enabled]);

  useEffect(() => { reload(); }, [reload, reloadKey]);

  useEffect(() => {
    if (!adapter || !enabled) return undefined;
    let online = adapter.getConnectionState() === 'online';
    const stopMessages = adapter.onStateless((payload) => { if (isCommentsChanged(payload, documentId)) reload(); });
    const stopState = adapter.subscribe(() => {
      const now = adapter.getConnectionState() === 'online';
      if (now && !online) reload();
      online = now;
    });
    return () => { stopMessages(); stopState(); };
  }, [adapter, documentId, enabled, reload]);

  return { threads, loaded, error, reload };
}
