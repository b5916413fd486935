import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../shared/api';
import type { Role } from '../../core/domain/roles';
import type { Database, UserRow } from '../db/schema';
import { userRolesColumn } from '../db/jsonColumns';
import { hashPassword } from '../auth/passwords';
import { DeskError, notFound } from '../errors';

/** A users row as the API shows it; throws CorruptColumnError when its roles are not a list. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: userRolesColumn.parse(row.roles, row.id),
    disabled: row.disabled === 1,
    ...(row.department && { department: row.department }),
  };
}

/** A 部门 as stored: trimmed by the request schema, null for blank. */
function departmentValue(department: string): string | null {
  return department.trim() === '' ? null : department.trim();
}

export interface NewUser { username: string; password: string; displayName: string; roles: Role[]; department?: string }
/** An account's changes; `department: ''` clears the 部门. */
export interface UserChanges { displayName?: string; roles?: Role[]; disabled?: boolean; password?: string; department?: string }

/** The office's accounts: creation, lookup, roles, 部门, password resets and disabling. */
export class UserDirectory {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async create(input: NewUser): Promise<User> {
    if (await this.findRowByUsername(input.username)) throw new DeskError('conflict', `用户名“${input.username}”已被使用`);
    const row: UserRow = {
      id: randomUUID(),
      username: input.username,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      roles: userRolesColumn.stringify([...new Set(input.roles)]),
      disabled: 0,
      created_at: new Date().toISOString(),
      department: departmentValue(input.department ?? ''),
    };
    await this.db.insertInto('users').values(row).execute();
    return toUser(row);
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('created_at').execute();
    return rows.map(toUser);
  }

  async get(id: string): Promise<User> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('用户');
    return toUser(row);
  }

  findRowByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async update(id: string, changes: UserChanges): Promise<User> {
    await this.get(id);
    await this.db.updateTable('users').set({
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.roles !== undefined && { roles: userRolesColumn.stringify([...new Set(changes.roles)]) }),
      ...(changes.disabled !== undefined && { disabled: changes.disabled ? 1 : 0 }),
      ...(changes.department !== undefined && { department: departmentValue(changes.department) }),
      ...(changes.password !== undefined && { password_hash: await hashPassword(changes.password) }),
    }).where('id', '=', id).execute();
    return this.get(id);
  }
}
