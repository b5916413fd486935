import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../digest';

/** A new session token: 32 random bytes, base64url. Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a session store keeps of a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return sha256Hex(token);
}
