import { describe, expect, it } from 'vitest';
import { documentAccess } from './access';

const doc = { ownerId: 'w1', state: 'draft', collaboratorIds: ['w2'], deleted: false };

describe('documentAccess', () => {
  it('lets the owner and collaborators edit a draft, and only the owner manage it', () => {
    expect(documentAccess({ id: 'w1', roles: ['writer'] }, doc)).toEqual({ canRead: true, canEdit: true, canManage: true });
    expect(documentAccess({ id: 'w2', roles: ['writer'] }, doc)).toEqual({ canRead: true, canEdit: true, canManage: false });
  });

  it('lets an admin read but never edit another writer\'s body', () => {
    expect(documentAccess({ id: 'a', roles: ['admin'] }, doc)).toEqual({ canRead: true, canEdit: false, canManage: false });
  });

  it('gives anyone else no access at all', () => {
    expect(documentAccess({ id: 'x', roles: ['writer', 'reviewer'] }, doc).canRead).toBe(false);
  });

  it('makes the body read-only outside 起草 and 已退回', () => {
    expect(documentAccess({ id: 'w1', roles: [] }, { ...doc, state: 'review' }).canEdit).toBe(false);
    expect(documentAccess({ id: 'w1', roles: [] }, { ...doc, state: 'returned' }).canEdit).toBe(true);
  });

  it('keeps a deleted document out of collaborators\' reach but lets its owner restore it', () => {
    const deleted = { ...doc, deleted: true };
    expect(documentAccess({ id: 'w2', roles: [] }, deleted).canRead).toBe(false);
    expect(documentAccess({ id: 'w1', roles: [] }, deleted)).toEqual({ canRead: true, canEdit: false, canManage: true });
  });
});
