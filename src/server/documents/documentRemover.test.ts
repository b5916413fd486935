import { describe, expect, it } from 'vitest';
import { removalRight, type RemovalFacts } from './documentRemover';

const owner = { id: 'owner', roles: ['writer' as const] };
const colleague = { id: 'colleague', roles: ['writer' as const] };
const admin = { id: 'admin', roles: ['admin' as const] };
const piece = (facts: Partial<RemovalFacts>): RemovalFacts => ({ ownerId: 'owner', state: 'draft', submissions: 0, ...facts });

describe('removalRight', () => {
  it('leaves a plain draft or returned piece to its owner alone', () => {
    expect(removalRight(owner, piece({}))).toEqual({ mode: 'owner', message: null });
    expect(removalRight(owner, piece({ state: 'returned' }))).toEqual({ mode: 'owner', message: null });
    expect(removalRight(colleague, piece({}))).toEqual({ mode: 'none', message: null });
    expect(removalRight(admin, piece({}))).toEqual({ mode: 'none', message: null });
  });

  it("protects a 定稿, a piece in review and one with ledger rows from its writer, saying why", () => {
    expect(removalRight(owner, piece({ state: 'final' })).message).toBe('该文稿已定稿，不能删除；如确需删除，请联系管理员。');
    expect(removalRight(owner, piece({ state: 'review' })).message).toBe('该文稿正在审核中，不能删除；如确需删除，请联系管理员。');
    expect(removalRight(owner, piece({ submissions: 2 }))).toEqual({
      mode: 'none', message: '该文稿在报送台账中有 2 条报送记录，不能删除；如确需删除，请联系管理员。',
    });
    expect(removalRight(colleague, piece({ state: 'final' }))).toEqual({ mode: 'none', message: null });
  });

  it('lets an admin delete a protected piece with a reason, their own included', () => {
    expect(removalRight(admin, piece({ state: 'final' })).mode).toBe('reason');
    expect(removalRight(admin, piece({ ownerId: 'admin', submissions: 1 })).mode).toBe('reason');
    expect(removalRight(admin, piece({ ownerId: 'admin' })).mode).toBe('owner');
  });
});
