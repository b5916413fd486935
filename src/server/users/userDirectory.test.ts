import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { openTestDatabase } from '../db/testDatabase';
import { UserDirectory } from './userDirectory';

let database: DeskDatabase;
let users: UserDirectory;

beforeEach(async () => {
  database = await openTestDatabase();
  users = new UserDirectory(database.db);
});
afterEach(() => database.close());

describe('UserDirectory', () => {
  it('keeps each role once and reads them back', async () => {
    const user = await users.create({ username: 'zhaoli', password: 'zhaoli-pass', displayName: '赵丽', roles: ['reviewer', 'signer', 'reviewer'] });
    expect(user.roles).toEqual(['reviewer', 'signer']);
    expect((await users.update(user.id, { roles: ['clerk', 'clerk'] })).roles).toEqual(['clerk']);
    expect(await users.get(user.id)).toEqual({ id: user.id, username: 'zhaoli', displayName: '赵丽', roles: ['clerk'], disabled: false });
    await expect(users.create({ username: 'zhaoli', password: 'other-pass', displayName: '赵丽', roles: [] })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps a 部门, trimmed, and clears it with a blank', async () => {
    const user = await users.create({ username: 'lina', password: 'lina-pass', displayName: '李娜', roles: ['reviewer'], department: ' 财务科 ' });
    expect(user.department).toBe('财务科');
    expect((await users.update(user.id, { department: '办公室' })).department).toBe('办公室');
    expect((await users.list()).find((u) => u.id === user.id)?.department).toBe('办公室');
    expect(await users.update(user.id, { department: '' })).not.toHaveProperty('department');
    expect((await users.create({ username: 'wuyi', password: 'wuyi-pass', displayName: '吴一', roles: [] }))).not.toHaveProperty('department');
  });

  it('says whose roles are corrupt rather than reading them as none', async () => {
    const user = await users.create({ username: 'sunhao', password: 'sunhao-pass', displayName: '孙浩', roles: ['admin'] });
    await database.db.updateTable('users').set({ roles: '{"admin": true}' }).where('id', '=', user.id).execute();
    await expect(users.get(user.id)).rejects.toThrow(`users.roles of ${user.id} is corrupt`);
    await expect(users.list()).rejects.toThrow(/users\.roles/);
  });
});
