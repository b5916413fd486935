import { createHash } from 'node:crypto';

/** SHA-256 of a text (as UTF-8) or bytes, as 64 lowercase hex digits: token hashes, content hashes, the local secret. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of bytes as base64: a short key for caches of a Yjs state's readings. */
export function sha256Base64(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('base64');
}
