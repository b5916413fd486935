/**
 * Measures what a zip upload (.docx, .xlsx) inflates to before any parser sees it, and refuses a
 * zip bomb while it inflates: every entry of the central directory (the table jszip, and so mammoth
 * and exceljs, read) is inflated as a stream, its output counted and thrown away, and the scan stops
 * as soon as one part or the whole passes its limit. Entries that overlap in the file are inflated
 * and counted once each, as a reader would.
 */
import { Inflate } from 'fflate';
import { DeskError } from '../errors';

export interface ZipLimits {
  /** All entries together, inflated (bytes). */
  totalBytes: number;
  /** Any one entry, inflated (bytes). */
  partBytes: number;
  /** Entries in the central directory. */
  entries: number;
}

/**
 * What real office files never reach: a 100-page report with images inflates to 20–50 MB, its
 * document.xml to a few MB; pictures are stored already compressed, so their parts are no larger
 * than the 50 MB upload itself. Four to five times that leaves room for every honest file.
 */
export const OFFICE_ZIP_LIMITS: ZipLimits = { totalBytes: 256 * 1024 * 1024, partBytes: 64 * 1024 * 1024, entries: 10_000 };

/** Sees each inflated chunk of an entry as it comes (the chunk is not kept after the call). */
export type PartListener = (name: string, chunk: Uint8Array) => void;

export interface ZipSummary { entries: string[]; totalBytes: number }

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes pushed at a time: deflate inflates at most ~1032:1, so each push yields ≤ ~4 MB. */
const PUSH_BYTES = 4096;

const MB = 1024 * 1024;

/** Not a zip a reader could open: damaged, truncated, encrypted or compressed in a way readers do not know. */
export class ZipFormatError extends Error {}

const damaged = (): ZipFormatError => new ZipFormatError('damaged zip');

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u16(at: number): number {
    if (at < 0 || at + 2 > this.bytes.length) throw damaged();
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    if (at < 0 || at + 4 > this.bytes.length) throw damaged();
    return this.view.getUint32(at, true);
  }

  u64(at: number): number {
    const value = this.u32(at) + this.u32(at + 4) * 2 ** 32;
    if (!Number.isSafeInteger(value)) throw damaged();
    return value;
  }
}

interface Directory { offset: number; entries: number }

function findDirectory(reader: Reader): Directory {
  const { bytes } = reader;
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (reader.u32(at) !== EOCD) continue;
    let entries = reader.u16(at + 10);
    let offset = reader.u32(at + 16);
    if ((entries === 0xffff || offset === 0xffffffff) && at >= 20 && reader.u32(at - 20) === ZIP64_LOCATOR) {
      const record = reader.u64(at - 20 + 8);
      if (reader.u32(record) !== ZIP64_EOCD) throw damaged();
      entries = reader.u64(record + 32);
      offset = reader.u64(record + 48);
    }
    return { offset, entries };
  }
  throw damaged();
}

interface Entry { name: string; method: number; flags: number; compressedSize: number; size: number; localOffset: number }

function readEntry(reader: Reader, at: number): { entry: Entry; next: number } {
  if (reader.u32(at) !== CENTRAL) throw damaged();
  const flags = reader.u16(at + 8);
  const method = reader.u16(at + 10);
  let compressedSize = reader.u32(at + 20);
  let size = reader.u32(at + 24);
  const nameLength = reader.u16(at + 28);
  const extraLength = reader.u16(at + 30);
  const commentLength = reader.u16(at + 32);
  let localOffset = reader.u32(at + 42);
  const nameBytes = reader.bytes.subarray(at + 46, at + 46 + nameLength);
  if (nameBytes.length !== nameLength) throw damaged();
  const name = new TextDecoder().decode(nameBytes);
  // ZIP64: the fields that overflow are in extra field 0x0001, in this order.
  for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
    const id = reader.u16(x);
    const length = reader.u16(x + 2);
    if (id === 0x0001) {
      let field = x + 4;
      if (size === 0xffffffff) { size = reader.u64(field); field += 8; }
      if (compressedSize === 0xffffffff) { compressedSize = reader.u64(field); field += 8; }
      if (localOffset === 0xffffffff) localOffset = reader.u64(field);
    }
    x += 4 + length;
  }
  return { entry: { name, method, flags, compressedSize, size, localOffset }, next: at + 46 + nameLength + extraLength + commentLength };
}

function dataOf(reader: Reader, entry: Entry): Uint8Array {
  const at = entry.localOffset;
  if (reader.u32(at) !== LOCAL) throw damaged();
  const start = at + 30 + reader.u16(at + 26) + reader.u16(at + 28);
  const end = start + entry.compressedSize;
  if (end > reader.bytes.length) throw damaged();
  return reader.bytes.subarray(start, end);
}

function partTooLarge(name: string, limits: ZipLimits): DeskError {
  return new DeskError('payload_too_large',
    `文件解压后过大：其中“${name.slice(0, 80)}”超过单个部件 ${limits.partBytes / MB} MB 的上限，无法导入（正常的 Office 文件远小于此，文件可能已损坏或是恶意构造的）`);
}

function totalTooLarge(limits: ZipLimits): DeskError {
  return new DeskError('payload_too_large',
    `文件解压后过大：总计超过 ${limits.totalBytes / MB} MB 的上限，无法导入（正常的 Office 文件远小于此，文件可能已损坏或是恶意构造的）`);
}

/**
 * Inflates every entry of `bytes` as a stream, counting, within `limits`. Throws a DeskError (413)
 * past a limit, a ZipFormatError for a zip no reader could open (the caller words that for its file
 * type). `listen` sees the inflated chunks of each entry and may throw to stop the scan.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits, listen?: PartListener): ZipSummary {
  const reader = new Reader(bytes);
  const directory = findDirectory(reader);
  if (directory.entries > limits.entries) {
    throw new DeskError('payload_too_large', `文件包含的部件过多（超过 ${limits.entries} 个），无法导入`);
  }
  const names: string[] = [];
  let total = 0;
  let at = directory.offset;
  for (let i = 0; i < directory.entries; i++) {
    const { entry, next } = readEntry(reader, at);
    at = next;
    names.push(entry.name);
    if (entry.flags & 0x1) throw new ZipFormatError('encrypted entry');
    // The declared size cannot be trusted to be small, but a large one needs no inflating to refuse.
    if (entry.size > limits.partBytes) throw partTooLarge(entry.name, limits);
    let part = 0;
    const count = (chunk: Uint8Array): void => {
      part += chunk.length;
      total += chunk.length;
      if (part > limits.partBytes) throw partTooLarge(entry.name, limits);
      if (total > limits.totalBytes) throw totalTooLarge(limits);
      if (chunk.length > 0) listen?.(entry.name, chunk);
    };
    const data = dataOf(reader, entry);
    if (entry.method === 0) {
      count(data);
    } else if (entry.method === 8) {
      inflateCounting(data, count);
    } else {
      throw new ZipFormatError(`compression method ${entry.method}`);
    }
  }
  return { entries: names, totalBytes: total };
}

function inflateCounting(data: Uint8Array, count: (chunk: Uint8Array) => void): void {
  const inflate = new Inflate(count);
  try {
    for (let at = 0; at < data.length; at += PUSH_BYTES) {
      const end = Math.min(at + PUSH_BYTES, data.length);
      inflate.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    // fflate's own errors carry a numeric code; the limits' and the listener's pass through.
    const fromFflate = error instanceof Error && 'code' in error && typeof error.code === 'number';
    throw fromFflate ? damaged() : error;
  }
}
