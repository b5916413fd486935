import { timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../digest';
import type { User } from '../../shared/api';
import type { UserDirectory } from '../users/userDirectory';
import type { LocalLogin } from '../services';
import { newToken } from './tokens';

export const LOCAL_USERNAME = 'local';

/**
 * Password-less login for the desktop's own user. The server knows only the SHA-256 of the secret
 * (from its parent process), so reading its environment does not reveal the secret itself.
 */
export function createLocalLogin(users: UserDirectory, secretHash: string, displayName: string): LocalLogin {
  const expected = Buffer.from(secretHash, 'hex');
  return {
    accepts: (secret) => {
      const actual = Buffer.from(sha256Hex(secret), 'hex');
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
    user: async (): Promise<User> => {
      const row = await users.findRowByUsername(LOCAL_USERNAME);
      if (row) return users.get(row.id);
      // Nobody ever types this password: it only satisfies the account model.
      return users.create({ username: LOCAL_USERNAME, password: newToken(), displayName, roles: ['writer', 'admin'] });
    },
  };
}
