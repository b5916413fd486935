import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/** Evidence files (scans, screenshots, PDFs) in the data folder, `evidence/<id>`; the database keeps the names. */
export class EvidenceFiles {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'evidence');
  }

  /** Writes a stream to a new file; returns its id and size. A stream cut at the size limit leaves no file. */
  async save(stream: Readable & { truncated?: boolean }): Promise<{ id: string; size: number } | null> {
    mkdirSync(this.dir, { recursive: true });
    const id = randomUUID();
    const path = join(this.dir, id);
    let size = 0;
    stream.on('data', (chunk: Buffer) => { size += chunk.length; });
    try {
      await pipeline(stream, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    if (stream.truncated) {
      rmSync(path, { force: true });
      return null;
    }
    return { id, size };
  }

  open(id: string): ReadStream {
    return createReadStream(join(this.dir, id));
  }

  remove(id: string): void {
    rmSync(join(this.dir, id), { force: true });
  }
}
