import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { inspectZip, ZipFormatError, type ZipLimits } from './zipGuard';

const MB = 1024 * 1024;
const LIMITS: ZipLimits = { totalBytes: 4 * MB, partBytes: 2 * MB, entries: 10 };
const spaces = (bytes: number): Uint8Array => new Uint8Array(bytes).fill(0x20);

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('inspectZip', () => {
  it('counts what each entry inflates to, deflated or stored, and shows the listener every byte', () => {
    const zip = zipSync({ 'a.xml': [spaces(MB), { level: 9 }], 'b.png': [strToU8('stored'), { level: 0 }] });
    const seen = new Map<string, number>();
    const summary = inspectZip(zip, LIMITS, (name, chunk) => seen.set(name, (seen.get(name) ?? 0) + chunk.length));
    expect(summary).toEqual({ entries: ['a.xml', 'b.png'], totalBytes: MB + 6 });
    expect(Object.fromEntries(seen)).toEqual({ 'a.xml': MB, 'b.png': 6 });
  });

  it('stops one part past its limit while inflating, and says which part and which limit', () => {
    const bomb = zipSync({ 'word/document.xml': [spaces(3 * MB), { level: 9 }] });
    expect(bomb.length).toBeLessThan(10 * 1024);
    expect(thrown(() => inspectZip(bomb, LIMITS))).toMatchObject({
      code: 'payload_too_large', message: expect.stringMatching(/“word\/document\.xml”超过单个部件 2 MB 的上限/),
    });
  });

  it('stops past the total, also when the parts are each within theirs', () => {
    const many = zipSync(Object.fromEntries(['a', 'b', 'c'].map((n) => [n, [spaces(1.5 * MB), { level: 9 }]])));
    expect(thrown(() => inspectZip(many, LIMITS))).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/总计超过 4 MB 的上限/) });
  });

  it('counts entries that share their data in the file once each, as a reader inflates them', () => {
    const one = zipSync({ a: [spaces(1.5 * MB), { level: 9 }] });
    // A second and third central-directory entry pointing at the same local entry (an overlapping bomb).
    const view = new DataView(one.buffer);
    const end = one.length - 22;
    const dirOffset = view.getUint32(end + 16, true);
    const dir = one.slice(dirOffset, end);
    const copies = new Uint8Array(dirOffset + dir.length * 3 + 22);
    copies.set(one.subarray(0, dirOffset));
    for (let i = 0; i < 3; i++) copies.set(dir, dirOffset + i * dir.length);
    copies.set(one.subarray(end), dirOffset + dir.length * 3);
    const copyView = new DataView(copies.buffer);
    const copyEnd = copies.length - 22;
    copyView.setUint16(copyEnd + 8, 3, true);
    copyView.setUint16(copyEnd + 10, 3, true);
    copyView.setUint32(copyEnd + 12, dir.length * 3, true);
    expect(thrown(() => inspectZip(copies, LIMITS))).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/总计/) });
  });

  it('refuses a declared size past the part limit without inflating, and too many entries', () => {
    const zip = zipSync({ a: [spaces(10), { level: 9 }] });
    const view = new DataView(zip.buffer);
    const dirOffset = view.getUint32(zip.length - 22 + 16, true);
    view.setUint32(dirOffset + 24, 3 * MB, true);
    expect(thrown(() => inspectZip(zip, LIMITS))).toMatchObject({ code: 'payload_too_large' });
    const crowded = zipSync(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, strToU8('x')])));
    expect(thrown(() => inspectZip(crowded, LIMITS))).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/部件过多（超过 10 个）/) });
  });

  it('calls a truncated or corrupt zip a ZipFormatError', () => {
    const zip = zipSync({ 'a.xml': [spaces(100_000), { level: 9 }] });
    expect(thrown(() => inspectZip(zip.subarray(0, zip.length / 2), LIMITS))).toBeInstanceOf(ZipFormatError);
    const corrupt = zip.slice();
    corrupt.fill(0xff, 40, 60);
    expect(thrown(() => inspectZip(corrupt, LIMITS))).toBeInstanceOf(ZipFormatError);
    expect(thrown(() => inspectZip(strToU8('PK\u0003\u0004 not really'), LIMITS))).toBeInstanceOf(ZipFormatError);
  });
});
