import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, readThreads, replyToThread, setThreadResolved } from './threads';

describe('review threads', () => {
  it('adds, replies, resolves and reopens, and syncs to another copy of the review document', () => {
    const reviewer = new Y.Doc();
    const writer = new Y.Doc();
    reviewer.on('update', (u: Uint8Array) => Y.applyUpdate(writer, u));
    writer.on('update', (u: Uint8Array) => Y.applyUpdate(reviewer, u));
    addThread(reviewer, {
      id: 't1', anchor: { start: { item: { client: 1, clock: 3 } }, end: { item: { client: 1, clock: 9 } } },
      quote: '四个一', author: { id: 'r1', name: '李审核' }, text: '请核实“四个一”的表述', at: '2023-09-18T01:00:00.000Z',
    });
    replyToThread(writer, 't1', { id: 't1-1', authorId: 'w1', authorName: '王撰稿', text: '已核实并修改', at: '2023-09-18T02:00:00.000Z' });
    setThreadResolved(writer, 't1', true, 'w1');
    const [thread] = readThreads(reviewer);
    expect(thread).toMatchObject({ id: 't1', quote: '四个一', authorName: '李审核', resolved: true, resolvedBy: 'w1' });
    expect(thread.comments.map((c) => c.text)).toEqual(['请核实“四个一”的表述', '已核实并修改']);
    setThreadResolved(reviewer, 't1', false, 'r1');
    expect(readThreads(writer)[0]).toMatchObject({ resolved: false, resolvedBy: null });
  });
});
