import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from '../db/database';
import { UserDirectory } from '../users/userDirectory';
import { SessionStore } from './sessionStore';
import { isLoopback } from '../http/context';

let database: DeskDatabase;
let users: UserDirectory;

beforeEach(async () => {
  database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'wengao-sessions-')) });
  users = new UserDirectory(database.db);
});
afterEach(() => database.close());

describe('sessions', () => {
  it('expire after their lifetime', async () => {
    const sessions = new SessionStore(database.db, 60_000);
    const user = await users.create({ username: 'wangming', password: 'wangming-pass', displayName: '王明', roles: ['writer'] });
    const start = new Date('2023-09-10T01:00:00Z');
    const token = await sessions.create(user.id, start);
    expect(await sessions.authenticate(token, new Date('2023-09-10T01:00:59Z'))).toMatchObject({ username: 'wangming' });
    expect(await sessions.authenticate(token, new Date('2023-09-10T01:01:01Z'))).toBeNull();
    await sessions.purgeExpired(new Date('2023-09-10T01:01:01Z'));
    expect(await database.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('end when the account is disabled, and never match an unknown token', async () => {
    const sessions = new SessionStore(database.db, 60_000);
    const user = await users.create({ username: 'lina', password: 'lina-pass-1', displayName: '李娜', roles: ['writer'] });
    const token = await sessions.create(user.id);
    await users.update(user.id, { disabled: true });
    expect(await sessions.authenticate(token)).toBeNull();
    expect(await sessions.authenticate('')).toBeNull();
    expect(await sessions.authenticate('not-a-token')).toBeNull();
  });
});

describe('isLoopback', () => {
  it('accepts only the server\'s own machine', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address)).toBe(true);
    for (const address of ['10.0.0.8', '192.168.1.20', '::ffff:10.0.0.8', undefined]) expect(isLoopback(address)).toBe(false);
  });
});
