import { describe, expect, it } from 'vitest';
import { cookieValue, DEVICE_TOKEN_TTL_MS, issueDeviceToken, verifyDeviceToken } from './deviceTokens';

const bob = { id: 'user-bob', password_hash: 'scrypt$32768$8$1$salt$hash' };

describe('device tokens', () => {
  it('verifies a token for its user, and for no one else', () => {
    const token = issueDeviceToken(bob, 1_000_000);
    expect(verifyDeviceToken(token, bob, 1_000_000)).toMatch(/^[\w-]{22}$/);
    expect(verifyDeviceToken(token, { ...bob, id: 'user-carol' }, 1_000_000)).toBeNull();
  });

  it('refuses a forged, altered or expired token, and one issued before a password reset', () => {
    const token = issueDeviceToken(bob, 0);
    const [id, at, nonce, mac] = token.split('.');
    expect(verifyDeviceToken(`${id}.${at}.${nonce}x.${mac}`, bob, 0)).toBeNull();
    expect(verifyDeviceToken(`${id}.${Number(at) + 1}.${nonce}.${mac}`, bob, 0)).toBeNull();
    expect(verifyDeviceToken('garbage', bob, 0)).toBeNull();
    expect(verifyDeviceToken(token, bob, DEVICE_TOKEN_TTL_MS + 1_000)).toBeNull();
    expect(verifyDeviceToken(token, { ...bob, password_hash: 'scrypt$new' }, 0)).toBeNull();
  });

  it('reads one cookie from a Cookie header', () => {
    expect(cookieValue('a=1; wengao_device=x.y.z; b=2', 'wengao_device')).toBe('x.y.z');
    expect(cookieValue(undefined, 'wengao_device')).toBeUndefined();
  });
});
