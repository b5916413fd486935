import { describe, expect, it } from 'vitest';
import { sha256Base64, sha256Hex } from './digest';

describe('digest', () => {
  it('hashes text as UTF-8 and bytes alike', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('文稿'))).toBe(sha256Hex('文稿'));
  });

  it('gives the same digest in base64', () => {
    expect(Buffer.from(sha256Base64(new TextEncoder().encode('abc')), 'base64').toString('hex')).toBe(sha256Hex('abc'));
  });
});
