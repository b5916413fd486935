import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a device stays known after its last successful login (a new token comes with each). */
export const DEVICE_TOKEN_TTL_MS = 180 * 24 * 3600_000;
/** The cookie that carries the device token (HttpOnly, SameSite=Strict, only sent to /api/auth). */
export const DEVICE_COOKIE = 'wengao_device';

/** Who a device token is for: the user's id and password hash (the HMAC key). */
export interface DeviceOwner { id: string; password_hash: string }

function mac(owner: DeviceOwner, issuedAt: string, nonce: string): Buffer {
  return createHmac('sha256', owner.password_hash).update(`wengao-device\n${owner.id}\n${issuedAt}\n${nonce}`).digest();
}

/**
 * A device token, issued at a successful login and kept by the client (a cookie): `userId.issuedAt.
 * nonce.mac`. The MAC is keyed with the user's password hash, which only the server knows: no key to
 * store or share between instances, and a password reset makes every device of that user unknown
 * again. It vouches for nothing but an earlier login from that device; the password is always checked.
 */
export function issueDeviceToken(owner: DeviceOwner, now = Date.now()): string {
  const issuedAt = String(Math.floor(now / 1000));
  const nonce = randomBytes(16).toString('base64url');
  return `${owner.id}.${issuedAt}.${nonce}.${mac(owner, issuedAt, nonce).toString('base64url')}`;
}

/** The device's id (its nonce) when `token` is a valid, unexpired device token of `owner`; else null. */
export function verifyDeviceToken(token: string | undefined, owner: DeviceOwner | undefined, now = Date.now()): string | null {
  if (!token || !owner || token.length > 400) return null;
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [userId, issuedAt, nonce, signature] = parts;
  if (userId !== owner.id || !/^\d{1,12}$/.test(issuedAt)) return null;
  const age = now - Number(issuedAt) * 1000;
  if (age < -60_000 || age > DEVICE_TOKEN_TTL_MS) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(owner, issuedAt, nonce);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The Set-Cookie value that stores a device token on the client. */
export function deviceCookie(token: string, secure: boolean): string {
  return `${DEVICE_COOKIE}=${token}; Path=/api/auth; Max-Age=${DEVICE_TOKEN_TTL_MS / 1000}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
