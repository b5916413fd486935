/**
 * Who has a document open, read from the body's Yjs awareness. CollaborationPlugin puts each tab's
 * `name` and caret `color` there; the desk adds the user id (`awarenessData`), so a writer with the
 * document open in two tabs or two windows is one person.
 */

/** One person with the document open. */
export interface PresentPerson {
  /** The user id (or, from a client that sends none, its name and colour). */
  key: string;
  name: string;
  color: string;
}

/** What the desk adds to each tab's awareness state, the same object per user (CollaborationPlugin reconnects when it changes). */
export interface DeskAwarenessData { userId: string }

const awarenessDataByUser = new Map<string, DeskAwarenessData>();

/** The awareness data for `userId`, one stable object per user. */
export function awarenessDataFor(userId: string): DeskAwarenessData {
  let data = awarenessDataByUser.get(userId);
  if (!data) {
    data = { userId };
    awarenessDataByUser.set(userId, data);
  }
  return data;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

/**
 * The people in `states` (awareness states by client id) other than this tab and this user, one per
 * user, ordered by name as the office orders names (pinyin), so every screen lists them alike.
 */
export function presentPeople(states: ReadonlyMap<number, unknown>, self: { clientId: number; userId: string }): PresentPerson[] {
  const people = new Map<string, PresentPerson>();
  for (const [clientId, state] of states) {
    const name = field(state, 'name');
    const color = field(state, 'color');
    if (clientId === self.clientId || typeof name !== 'string' || name.trim() === '') continue;
    const userId = field(field(state, 'awarenessData'), 'userId');
    if (userId === self.userId) continue;
    const key = typeof userId === 'string' ? userId : `${name}\u0000${String(color)}`;
    if (!people.has(key)) people.set(key, { key, name: name.trim(), color: typeof color === 'string' ? color : '#86909c' });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key));
}

/** The character an avatar shows: a Chinese name's surname, a Latin name's capital initial. */
export function avatarInitial(name: string): string {
  return (Array.from(name.trim())[0] ?? '').toUpperCase();
}

/** The accessible name of the avatars: “正在查看：张三、李四”. */
export function presenceLabel(people: readonly PresentPerson[]): string {
  return `正在查看：${people.map((person) => person.name).join('、')}`;
}
