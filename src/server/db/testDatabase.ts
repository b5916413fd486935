import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DeskDatabase } from './database';
import { UserDirectory } from '../users/userDirectory';
import type { User } from '../../shared/api';
import type { Role } from '../../core/domain/roles';

/** For store tests: a fresh, fully migrated SQLite file in a temp folder (close it after the test). */
export function openTestDatabase(): Promise<DeskDatabase> {
  return openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'wengao-store-')) });
}

/** For store tests: an account to own rows (foreign keys are on), created through its owning store. */
export function addTestUser(database: DeskDatabase, username: string, roles: Role[] = ['writer']): Promise<User> {
  return new UserDirectory(database.db).create({ username, password: `${username}-password`, displayName: username, roles });
}
