import { describe, expect, it } from 'vitest';
import { contextUser, isBodyName, parseDocumentName } from './documentNames';

describe('collaboration document names', () => {
  it('names a body and nothing else: the old review documents are refused', () => {
    expect(parseDocumentName('d1')).toEqual({ documentId: 'd1' });
    for (const bad of ['', 'd1/review', 'd1/other', 'd1/review/x', '/review', 'x'.repeat(65)]) expect(parseDocumentName(bad)).toBeNull();
    expect(isBodyName('d1')).toBe(true);
    expect(isBodyName('d1/review')).toBe(false);
  });

  it('reads the user from a connection context', () => {
    expect(contextUser({ user: { id: 'u1', username: 'a' } })).toMatchObject({ id: 'u1' });
    expect(contextUser({})).toBeNull();
    expect(contextUser(null)).toBeNull();
  });
});
