import type { UpdateUserRequest, User } from '../../shared/api';
import { DeskError } from '../errors';
import type { Audit } from '../services';
import type { SessionStore } from '../auth/sessionStore';
import type { UserDirectory } from './userDirectory';

export interface UserUpdaterDeps {
  users: UserDirectory;
  sessions: Pick<SessionStore, 'revokeAllFor'>;
  audit: Audit;
}

/**
 * An administrator's change to an account (the caller has checked `admin` is one): never disabling
 * or un-admining oneself (conflict); a disabled account or a reset password ends every open session
 * of that user; audited as `user.update`, a new password shown only as `(reset)`.
 */
export class UserUpdater {
  constructor(private readonly deps: UserUpdaterDeps) {}

  async update(admin: User, id: string, changes: UpdateUserRequest): Promise<User> {
    if (id === admin.id && (changes.disabled || (changes.roles && !changes.roles.includes('admin')))) {
      throw new DeskError('conflict', '不能停用自己的账号或取消自己的管理员角色');
    }
    const user = await this.deps.users.update(id, changes);
    if (changes.disabled || changes.password) await this.deps.sessions.revokeAllFor(id);
    await this.deps.audit(admin.id, 'user.update', id, { ...changes, password: changes.password ? '(reset)' : undefined });
    return user;
  }
}
