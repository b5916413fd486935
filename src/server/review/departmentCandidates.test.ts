import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/api';
import { nextCandidates } from './departmentCandidates';

const user = (id: string, roles: User['roles'], department?: string, disabled = false): User =>
  ({ id, username: id, displayName: id.toUpperCase(), roles, disabled, ...(department && { department }) });

const USERS = [
  user('a', ['reviewer'], '财务科'), user('b', ['reviewer'], '办公室'), user('c', ['reviewer']),
  user('d', ['writer'], '办公室'), user('e', ['reviewer'], '办公室', true), user('f', ['reviewer'], '办公室'),
];

describe('nextCandidates', () => {
  it('offers everyone holding the role for a role-based step, with their departments', () => {
    expect(nextCandidates({ key: 'j', name: '会签', role: 'reviewer', countersign: true }, USERS, new Set(['f'])))
      .toEqual([{ id: 'a', displayName: 'A', department: '财务科' }, { id: 'b', displayName: 'B', department: '办公室' }, { id: 'c', displayName: 'C' }]);
  });

  it('offers only the role holders of the listed departments, in the chain\'s order of departments', () => {
    const step = { key: 'j', name: '会签', role: 'reviewer' as const, countersign: true, holdersFrom: 'departments' as const, departments: ['办公室', '财务科'] };
    expect(nextCandidates(step, USERS, new Set()).map((c) => c.id)).toEqual(['b', 'f', 'a']);
  });
});
