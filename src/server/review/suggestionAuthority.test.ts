import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { DocumentRow } from '../db/schema';
import type { HeavyWork } from '../work/heavyWork';
import { SuggestionAuthority } from './suggestionAuthority';

function authorityOver(row: Partial<DocumentRow>) {
  const reads: string[] = [];
  const current = { value: { id: 'd1', state: 'draft', deleted_at: null, assignee_id: null, revision: 1, ...row } as DocumentRow };
  const authority = new SuggestionAuthority({
    documents: { findRow: async (id: string) => { reads.push(id); return current.value; } },
    bodies: { currentState: async () => new Uint8Array() },
    work: {} as HeavyWork,
    log: pino({ level: 'silent' }),
    decisions: { record: async () => undefined },
  });
  return { authority, reads, current };
}

describe('SuggestionAuthority row cache', () => {
  it('reads the row once for many keystrokes, and again after the gate says the rights may change', async () => {
    const { authority, reads, current } = authorityOver({ state: 'draft' });
    for (let i = 0; i < 5; i++) expect(await authority.judgeIncoming('d1', new Uint8Array(), 'u1')).toBe('direct');
    expect(reads).toHaveLength(1);
    // Submitted for review: the gate locks the piece, and the next keystroke of a non-holder is refused.
    current.value = { ...current.value, state: 'review', assignee_id: 'u2' };
    authority.forget('d1');
    expect(await authority.judgeIncoming('d1', new Uint8Array(), 'u1')).toBe('refused');
    expect(reads).toHaveLength(2);
  });

  it('does not keep a row read before a forget that came while it was being read', async () => {
    const { authority, reads, current } = authorityOver({ state: 'draft' });
    const judging = authority.judgeIncoming('d1', new Uint8Array(), 'u1');
    authority.forget('d1');
    current.value = { ...current.value, state: 'review', assignee_id: 'u2' };
    expect(await judging).toBe('direct');
    expect(await authority.judgeIncoming('d1', new Uint8Array(), 'u1')).toBe('refused');
    expect(reads).toHaveLength(2);
  });
});
