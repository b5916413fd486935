/**
 * The piece's workflow status for the header: loaded when the page opens and on demand (the editor
 * reloads it when the server's stateless message says the piece changed); polled, slowly, only while
 * the collaboration connection that carries those messages is down.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkflowStatus } from '../../../shared/review';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { FALLBACK_POLL_MS } from '../events/eventStream';

export interface WorkflowHandle {
  status: WorkflowStatus | null;
  error: string | null;
  reload: () => Promise<WorkflowStatus | null>;
}

/**
 * Loads `GET /workflow`; `onStateChanged` runs when the state or the holder changed since the last
 * load (someone else acted), so the page can fetch the document's access again. `live`: whether the
 * document's collaboration connection is up (polls every minute while it is not).
 */
export function useWorkflow(documentId: string, onStateChanged: () => void, live: boolean): WorkflowHandle {
  const [status, setStatus] = useState<WorkflowStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<string | null>(null);
  const changed = useRef(onStateChanged);
  changed.current = onStateChanged;

  const reload = useCallback(async (): Promise<WorkflowStatus | null> => {
    try {
      const next = await reviewApi.workflow(documentId);
      const key = `${next.state}:${next.checkpointIndex ?? ''}:${next.assignee?.id ?? ''}:${next.revision}`;
      if (last.current !== null && last.current !== key) changed.current();
      last.current = key;
      setStatus(next);
      setError(null);
      return next;
    } catch (caught) {
      setError(errorMessage(caught));
      return null;
    }
  }, [documentId]);

  useEffect(() => { void reload(); }, [reload]);

  useEffect(() => {
    if (live) return undefined;
    const timer = setInterval(() => { void reload(); }, FALLBACK_POLL_MS);
    return () => clearInterval(timer);
  }, [live, reload]);

  return { status, error, reload };
}
