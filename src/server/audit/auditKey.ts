/**
 * The audit key: 32 random bytes kept outside the database, so that whoever can write the database
 * still cannot sign audit entries. `WENGAO_AUDIT_KEY` (64 hex digits) or the file `<data>/audit.key`,
 * created with mode 0600 on first start. Backups leave it out: it is backed up separately.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUDIT_KEY_FILE = 'audit.key';

export interface AuditKey {
  key: Buffer;
  /** A fingerprint that names the key without revealing it (in heads, manifests and the cutover entry). */
  id: string;
  source: 'env' | 'file';
}

/** The key's public fingerprint: 16 hex digits of an HMAC over a fixed label. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('wengao-audit-key-id').digest('hex').slice(0, 16);
}

function parseKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`${where}: the audit key must be 64 hex digits (32 bytes)`);
  return Buffer.from(hex, 'hex');
}

/** The configured key (environment first, then the data folder's file), or null when there is none yet. */
export function findAuditKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): AuditKey | null {
  if (env.WENGAO_AUDIT_KEY) {
    const key = parseKey(env.WENGAO_AUDIT_KEY, 'WENGAO_AUDIT_KEY');
    return { key, id: auditKeyId(key), source: 'env' };
  }
  const file = join(dataDir, AUDIT_KEY_FILE);
  if (!existsSync(file)) return null;
  // Readable only by the server's own user: tighten a copy restored with looser permissions.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = parseKey(readFileSync(file, 'utf8'), file);
  return { key, id: auditKeyId(key), source: 'file' };
}

/** Makes a new key file (mode 0600); refuses to overwrite one. */
export function createAuditKey(dataDir: string): AuditKey {
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(join(dataDir, AUDIT_KEY_FILE), `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, id: auditKeyId(key), source: 'file' };
}
