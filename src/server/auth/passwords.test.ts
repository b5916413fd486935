import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('沂河新区2023'), hashPassword('沂河新区2023')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('沂河新区2023');
    expect(await verifyPassword('沂河新区2023', a)).toBe(true);
    expect(await verifyPassword('沂河新区2024', a)).toBe(false);
  });

  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});
