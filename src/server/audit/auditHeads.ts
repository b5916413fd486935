/**
 * Chain heads kept where the database writer cannot silently change them: `<data>/audit-heads.log`,
 * one JSON line `{seq, mac, at, reason}` per head, only ever opened for appending and synced to disk.
 * (An operator may also make it append-only for root: `chattr +a`.)
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChainHead } from './auditChain';

export const AUDIT_HEADS_FILE = 'audit-heads.log';

function isHead(value: unknown): value is ChainHead {
  if (typeof value !== 'object' || value === null) return false;
  const { seq, mac, at } = value as Record<string, unknown>;
  return typeof seq === 'number' && Number.isInteger(seq) && seq > 0 && typeof mac === 'string' && typeof at === 'string';
}

/** Reads every well-formed head (a line cut short by a crash is skipped). */
export function readHeads(file: string): ChainHead[] {
  if (!existsSync(file)) return [];
  const heads: ChainHead[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isHead(parsed)) heads.push(parsed);
    } catch {
      // A torn last line: the head before it still stands.
    }
  }
  return heads;
}

function endsMidLine(file: string): boolean {
  if (!existsSync(file)) return false;
  const { size } = statSync(file);
  if (size === 0) return false;
  const fd = openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** Appends one head and syncs it to disk before returning. */
export function appendHead(file: string, head: ChainHead): void {
  mkdirSync(dirname(file), { recursive: true });
  // After a torn write the new head starts on a line of its own.
  const separator = endsMidLine(file) ? '\n' : '';
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${separator}${JSON.stringify(head)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
