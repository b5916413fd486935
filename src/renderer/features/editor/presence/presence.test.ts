import { describe, expect, it } from 'vitest';
import { avatarInitial, awarenessDataFor, presenceLabel, presentPeople } from './presence';

const state = (name: string, color: string, userId?: string) => ({
  name, color, anchorPos: null, focusPos: null, focusing: false, awarenessData: userId ? { userId } : {},
});

describe('presentPeople', () => {
  it('lists each other user once, without this tab or this user’s other tabs, in pinyin order', () => {
    const states = new Map<number, unknown>([
      [1, state('周岚', '#c0392b', 'u-zhou')],
      [2, state('李四', '#2e7d32', 'u-li')],
      [3, state('李四', '#2e7d32', 'u-li')],
      [4, state('张三', '#1565c0', 'u-zhang')],
      [5, state('周岚', '#c0392b', 'u-zhou')],
    ]);
    expect(presentPeople(states, { clientId: 1, userId: 'u-zhou' })).toEqual([
      { key: 'u-li', name: '李四', color: '#2e7d32' },
      { key: 'u-zhang', name: '张三', color: '#1565c0' },
    ]);
  });

  it('keeps two users who share a display name apart, and skips states without a name', () => {
    const states = new Map<number, unknown>([
      [2, state('王芳', '#2e7d32', 'u-a')],
      [3, state('王芳', '#8e24aa', 'u-b')],
      [4, { color: '#000' }],
      [5, null],
    ]);
    expect(presentPeople(states, { clientId: 1, userId: 'u-me' }).map((p) => p.key)).toEqual(['u-a', 'u-b']);
  });

  it('tells clients that send no user id apart by name and colour', () => {
    const states = new Map<number, unknown>([[2, state('赵六', '#111')], [3, state('赵六', '#111')], [4, state('赵六', '#222')]]);
    expect(presentPeople(states, { clientId: 1, userId: 'u-me' })).toHaveLength(2);
  });
});

describe('avatars', () => {
  it('shows the surname or the capital initial, and names everyone in the label', () => {
    expect(avatarInitial('欧阳修')).toBe('欧');
    expect(avatarInitial(' alice ')).toBe('A');
    expect(presenceLabel([{ key: 'a', name: '张三', color: '' }, { key: 'b', name: '李四', color: '' }])).toBe('正在查看：张三、李四');
  });

  it('gives one awareness object per user, so the collaboration does not reconnect on render', () => {
    expect(awarenessDataFor('u-1')).toBe(awarenessDataFor('u-1'));
    expect(awarenessDataFor('u-1')).not.toBe(awarenessDataFor('u-2'));
  });
});
