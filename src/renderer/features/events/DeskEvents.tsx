/**
 * The logged-in user's events for every page: one stream shared by the browser's tabs
 * (`connectSharedEvents`), handed to whoever subscribes, and whether it is live now.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DeskEvent } from '../../../shared/events';
import { connectSharedEvents } from './sharedEvents';

type Listener = (event: DeskEvent) => void;

interface DeskEventsValue {
  subscribe(listener: Listener): () => void;
  /** True while the stream is open: pages need not poll. */
  live: boolean;
}

const DeskEventsContext = createContext<DeskEventsValue>({ subscribe: () => () => undefined, live: false });

export function DeskEventsProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [live, setLive] = useState(false);

  useEffect(() => connectSharedEvents(userId, {
    onEvent: (event) => { for (const listener of [...listeners.current]) listener(event); },
    onLive: setLive,
  }), [userId]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => { listeners.current.delete(listener); };
  }, []);
  const value = useMemo(() => ({ subscribe, live }), [subscribe, live]);
  return <DeskEventsContext.Provider value={value}>{children}</DeskEventsContext.Provider>;
}

/** Calls `listener` with each of the user's events while the component is mounted. */
export function useDeskEvents(listener: Listener): void {
  const { subscribe } = useContext(DeskEventsContext);
  const current = useRef(listener);
  current.current = listener;
  useEffect(() => subscribe((event) => current.current(event)), [subscribe]);
}

/** Whether the event stream is open now. */
export function useDeskEventsLive(): boolean {
  return useContext(DeskEventsContext).live;
}
