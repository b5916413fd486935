import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';
import { formatDeskEvent, parseDeskEvent } from './events';

describe('SseParser', () => {
  it('reads messages whatever the chunk boundaries, skipping comments', () => {
    const wire = ': ping\n\nevent: hello\ndata: {"type":"hello"}\n\nevent: inbox-changed\r\ndata: {"type":\r\ndata: "x"}\r\n\r\n';
    for (let size = 1; size <= wire.length; size++) {
      const parser = new SseParser();
      const messages = [];
      for (let at = 0; at < wire.length; at += size) messages.push(...parser.feed(wire.slice(at, at + size)));
      expect(messages).toEqual([
        { event: 'hello', data: '{"type":"hello"}' },
        { event: 'inbox-changed', data: '{"type":\n"x"}' },
      ]);
    }
  });

  it('names a message without an event field "message" and waits for its blank line', () => {
    const parser = new SseParser();
    expect(parser.feed('data: a\n')).toEqual([]);
    expect(parser.feed('\n')).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('reads back what the server writes, and nothing it does not know', () => {
    const event = { type: 'piece-returned', documentId: 'd1', title: '关于“一网通办”的报告', byName: '李审核', comment: '请补充：\n数据' } as const;
    const [message] = new SseParser().feed(formatDeskEvent(event));
    expect(message.event).toBe('piece-returned');
    expect(parseDeskEvent(message.data)).toEqual(event);
    expect(parseDeskEvent('{"type":"unknown"}')).toBeNull();
    expect(parseDeskEvent('not json')).toBeNull();
  });
});
