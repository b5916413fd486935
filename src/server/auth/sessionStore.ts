import type { Kysely } from 'kysely';
import type { User } from '../../shared/api';
import type { Database } from '../db/schema';
import { toUser } from '../users/userDirectory';
import { hashToken, newToken } from './tokens';

/** Login sessions: random tokens, stored only as hashes, expiring after `ttlMs`. */
export class SessionStore {
  /** `onUser` hears every user a token authenticates, as the directory has them now (their name then). */
  constructor(private readonly db: Kysely<Database>, private readonly ttlMs: number, private readonly onUser?: (user: User) => void) {}

  async create(userId: string, now = new Date()): Promise<string> {
    const token = newToken();
    await this.db.insertInto('sessions').values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.ttlMs).toISOString(),
    }).execute();
    return token;
  }

  /** The user a token belongs to, or null when it is unknown, expired, or the account is disabled. */
  async authenticate(token: string, now = new Date()): Promise<User | null> {
    if (!token) return null;
    const row = await this.db.selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select('sessions.expires_at')
      .where('sessions.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.expires_at <= now.toISOString() || row.disabled === 1) return null;
    const user = toUser(row);
    this.onUser?.(user);
    return user;
  }

  async revoke(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  }

  async revokeAllFor(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async purgeExpired(now = new Date()): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  }
}
