/**
 * Who else has the document open: round avatars beside the title, each the person's surname on
 * their caret colour, the full name in a tooltip; the group's accessible name lists them all
 * (正在查看：张三、李四). The writer is not shown to themself, as in Google Docs.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { EditorConnection } from '../DeskEditor';
import { avatarInitial, presenceLabel, presentPeople, type PresentPerson } from './presence';
import './presence.css';

/** Avatars shown before the rest are summed up as +N. */
const SHOWN = 5;
const NOBODY: PresentPerson[] = [];

function usePresentPeople(connection: EditorConnection | null, userId: string): PresentPerson[] {
  const snapshot = useRef<{ key: string; people: PresentPerson[] }>({ key: '', people: NOBODY });
  const adapter = connection?.adapter ?? null;

  const subscribe = useCallback((changed: () => void) => {
    if (!adapter) return () => undefined;
    // 'update' comes with every caret move and heartbeat; getSnapshot keeps the list when nobody came or went.
    adapter.awareness.on('update', changed);
    return () => adapter.awareness.off('update', changed);
  }, [adapter]);

  const getSnapshot = useCallback(() => {
    if (!adapter) return NOBODY;
    const people = presentPeople(adapter.awareness.getStates(), { clientId: adapter.document.clientID, userId });
    const key = people.map((p) => `${p.key}\u0000${p.name}\u0000${p.color}`).join('\u0001');
    if (key !== snapshot.current.key) snapshot.current = { key, people };
    return snapshot.current.people;
  }, [adapter, userId]);

  return useSyncExternalStore(subscribe, getSnapshot);
}

export function PresenceAvatars({ connection, userId }: { connection: EditorConnection | null; userId: string }) {
  const people = usePresentPeople(connection, userId);
  if (people.length === 0) return null;
  const shown = people.length > SHOWN ? people.slice(0, SHOWN - 1) : people;
  const rest = people.slice(shown.length);
  return (
    <div className="presence" role="group" aria-label={presenceLabel(people)}>
      {shown.map((person) => (
        <span key={person.key} className="presence-avatar" style={{ background: person.color }}
          title={person.name} aria-hidden="true">
          {avatarInitial(person.name)}
        </span>
      ))}
      {rest.length > 0 && (
        <span className="presence-avatar presence-more" title={rest.map((p) => p.name).join('、')} aria-hidden="true">
          +{rest.length}
        </span>
      )}
    </div>
  );
}
