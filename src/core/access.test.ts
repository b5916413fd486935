import { describe, expect, it } from 'vitest';
import { documentAccess, type AccessDocument } from './access';

const doc = { ownerId: 'w1', state: 'draft', collaboratorIds: ['w2'], deleted: false };
const inReview = { ...doc, state: 'review', assigneeId: 'r1', pastAssigneeIds: ['r0'] };

describe('documentAccess', () => {
  it('lets the owner and collaborators edit a draft, and only the owner manage it', () => {
    expect(documentAccess({ id: 'w1', roles: ['writer'] }, doc)).toMatchObject({ canRead: true, canEdit: true, canManage: true, canComment: true });
    expect(documentAccess({ id: 'w2', roles: ['writer'] }, doc)).toMatchObject({ canRead: true, canEdit: true, canManage: false });
  });

  it('lets an admin read but never edit another writer\'s body, and only read the threads', () => {
    expect(documentAccess({ id: 'a', roles: ['admin'] }, doc)).toMatchObject({ canRead: true, canEdit: false, canManage: false, canComment: false, canReadComments: true });
  });

  it('gives anyone else no access at all, reviewers included until assigned', () => {
    expect(documentAccess({ id: 'x', roles: ['writer', 'reviewer'] }, doc).canRead).toBe(false);
    expect(documentAccess({ id: 'x', roles: ['reviewer'] }, inReview).canRead).toBe(false);
  });

  it('makes the body read-only outside 起草 and 已退回', () => {
    expect(documentAccess({ id: 'w1', roles: [] }, inReview).canEdit).toBe(false);
    expect(documentAccess({ id: 'w1', roles: [] }, { ...doc, state: 'final' }).canEdit).toBe(false);
    expect(documentAccess({ id: 'w1', roles: [] }, { ...doc, state: 'returned' }).canEdit).toBe(true);
  });

  it('lets the current and earlier assignees read the body and comment, never edit', () => {
    expect(documentAccess({ id: 'r1', roles: ['reviewer'] }, inReview)).toMatchObject({ canRead: true, canEdit: false, canComment: true });
    expect(documentAccess({ id: 'r0', roles: ['reviewer'] }, inReview)).toMatchObject({ canRead: true, canEdit: false, canComment: true });
  });

  it('gives the review threads the rights of the access table: the holder opens them, writers and holder resolve, earlier assignees reply', () => {
    const rights = (id: string, roles: string[], d: AccessDocument = inReview) => {
      const a = documentAccess({ id, roles }, d);
      return [a.canReadComments, a.canComment, a.canStartThreads, a.canResolveThreads];
    };
    expect(rights('w1', ['writer'])).toEqual([true, true, false, true]);
    expect(rights('w2', ['writer'])).toEqual([true, true, false, true]);
    expect(rights('r1', ['reviewer'])).toEqual([true, true, true, true]);
    expect(rights('r0', ['reviewer'])).toEqual([true, true, false, false]);
    expect(rights('a', ['admin'])).toEqual([true, false, false, false]);
    expect(rights('c', ['clerk'], { ...inReview, state: 'final' })).toEqual([false, false, false, false]);
    // Once returned, the former holder is an earlier assignee: nobody opens threads until it is back in review.
    expect(rights('r1', ['reviewer'], { ...inReview, state: 'returned', assigneeId: null, pastAssigneeIds: ['r1'] })).toEqual([true, true, false, false]);
    expect(rights('w1', ['writer'], { ...doc, deleted: true })).toEqual([false, false, false, false]);
  });

  it('lets a clerk read 定稿 pieces only, without the threads', () => {
    expect(documentAccess({ id: 'c', roles: ['clerk'] }, { ...doc, state: 'final' })).toMatchObject({ canRead: true, canEdit: false, canReadComments: false });
    expect(documentAccess({ id: 'c', roles: ['clerk'] }, doc).canRead).toBe(false);
  });

  it('keeps a deleted document out of collaborators\' reach but lets its owner restore it', () => {
    const deleted = { ...doc, deleted: true };
    expect(documentAccess({ id: 'w2', roles: [] }, deleted).canRead).toBe(false);
    expect(documentAccess({ id: 'w1', roles: [] }, deleted)).toMatchObject({ canRead: true, canEdit: false, canManage: true });
  });
});
