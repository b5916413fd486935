/**
 * 待办 for the logged-in user: the counts in the navigation and the 待办 page read it, and a notice
 * tells the user when a piece arrives that was not there before. Fetched when the page opens and at
 * each of the user's events (the server pushes them when a piece is assigned, returned, renamed…);
 * polled, slowly, only while the event stream is down.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Inbox, InboxItem } from '../../../shared/review';
import { reviewApi } from '../../api/review';
import { notify } from '../../platform/desk';
import { useDeskEvents, useDeskEventsLive } from '../events/DeskEvents';
import { FALLBACK_POLL_MS } from '../events/eventStream';

interface InboxContextValue {
  inbox: Inbox | null;
  total: number;
  refresh: () => void;
}

const InboxContext = createContext<InboxContextValue>({ inbox: null, total: 0, refresh: () => undefined });

const SECTION_NOTICES: Record<keyof Inbox, (item: InboxItem) => string> = {
  toReview: (item) => `《${item.title}》待你审核${item.checkpointName ? `（${item.checkpointName}）` : ''}`,
  toSign: (item) => `《${item.title}》待你签发`,
  returned: (item) => `《${item.title}》已退回给你`,
};

const keyOf = (section: keyof Inbox, item: InboxItem): string => `${section}:${item.id}:${item.since}:${item.remindedAt ?? ''}`;

/** The notice of a piece new in the 待办, or of one its writers just reminded the user of (催办). */
const noticeOf = (section: keyof Inbox, item: InboxItem, seen: Set<string>): string =>
  item.remindedAt && seen.has(`${section}:${item.id}:${item.since}:`) ? `《${item.title}》的撰稿人催办，请尽快办理` : SECTION_NOTICES[section](item);

export function InboxProvider({ children }: { children: ReactNode }) {
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const seen = useRef<Set<string> | null>(null);
  const fetching = useRef<'idle' | 'busy' | 'again'>('idle');

  const refresh = useCallback(() => {
    // A burst of events while one fetch is under way makes one more fetch, not one each.
    if (fetching.current !== 'idle') {
      fetching.current = 'again';
      return;
    }
    fetching.current = 'busy';
    reviewApi.inbox().then((next) => {
      const keys = new Set<string>();
      const arrived: string[] = [];
      for (const section of Object.keys(SECTION_NOTICES) as Array<keyof Inbox>) {
        for (const item of next[section]) {
          const key = keyOf(section, item);
          keys.add(key);
          if (seen.current && !seen.current.has(key)) arrived.push(noticeOf(section, item, seen.current));
        }
      }
      seen.current = keys;
      setInbox(next);
      if (arrived.length === 1) void notify('新的待办', arrived[0]);
      else if (arrived.length > 1) void notify('新的待办', `${arrived[0]}，另有 ${arrived.length - 1} 件`);
    }, () => undefined) // an unreachable server shows in the editor; the counts just stay as they were
      .finally(() => {
        const again = fetching.current === 'again';
        fetching.current = 'idle';
        if (again) refresh();
      });
  }, []);

  // Every event the server sends now may change the 待办 (hello: whatever happened while away).
  useDeskEvents(refresh);
  useEffect(() => refresh(), [refresh]);

  const live = useDeskEventsLive();
  useEffect(() => {
    if (live) return;
    const timer = setInterval(refresh, FALLBACK_POLL_MS);
    const onFocus = (): void => refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [live, refresh]);

  const value = useMemo(() => ({
    inbox,
    total: inbox ? inbox.toReview.length + inbox.toSign.length + inbox.returned.length : 0,
    refresh,
  }), [inbox, refresh]);
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}

export function useInbox(): InboxContextValue {
  return useContext(InboxContext);
}
