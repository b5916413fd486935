import { describe, expect, it } from 'vitest';
import { COMMENTS_CHANGED, DOCUMENT_REMOVED, EDITS_REFUSED, encodeCollabMessage, parseCollabMessage } from './collabMessages';

describe('collaboration messages', () => {
  it('reads back what the server encodes', () => {
    const removed = { type: DOCUMENT_REMOVED, documentId: 'd1', deleted: true, byName: '管理员' } as const;
    expect(parseCollabMessage(encodeCollabMessage(removed))).toEqual(removed);
    expect(parseCollabMessage(encodeCollabMessage({ type: COMMENTS_CHANGED, documentId: 'd1', threadId: 't1' })))
      .toEqual({ type: COMMENTS_CHANGED, documentId: 'd1', threadId: 't1' });
  });

  it('ignores payloads that are not JSON, not ours or incomplete', () => {
    expect(parseCollabMessage('not json')).toBeNull();
    expect(parseCollabMessage('{"type":"other"}')).toBeNull();
    expect(parseCollabMessage(JSON.stringify({ type: EDITS_REFUSED }))).toBeNull();
  });
});
