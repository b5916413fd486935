/** `<w:p` then the byte that ends the element name: `<w:p>`, `<w:p w:rsidR=…>`, `<w:p/>`, not `<w:pPr>`. */
const OPEN = Buffer.from('<w:p');
const NAME_ENDS = new Set([0x3e, 0x2f, 0x20, 0x09, 0x0a, 0x0d]);

/**
 * Counts WordprocessingML paragraphs in parts' XML as it streams past in chunks, without decoding or
 * keeping it: a tag split between two chunks is counted once.
 */
export class ParagraphCounter {
  private part = '';
  /** The last bytes of the part's previous chunk, where a tag may have started. */
  private tail: Buffer = Buffer.alloc(0);
  count = 0;

  /** Adds a chunk of `part`'s XML (chunks of a part arrive in order); returns the count so far. */
  add(part: string, chunk: Uint8Array): number {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (part !== this.part) {
      this.part = part;
      this.tail = Buffer.alloc(0);
    }
    // The seam: a tag that starts in the tail and ends in this chunk.
    const seam = Buffer.concat([this.tail, bytes.subarray(0, OPEN.length)]);
    for (let at = seam.indexOf(OPEN); at !== -1 && at < this.tail.length; at = seam.indexOf(OPEN, at + 1)) {
      if (at + OPEN.length < seam.length && NAME_ENDS.has(seam[at + OPEN.length])) this.count += 1;
    }
    for (let at = bytes.indexOf(OPEN); at !== -1; at = bytes.indexOf(OPEN, at + 1)) {
      if (at + OPEN.length < bytes.length && NAME_ENDS.has(bytes[at + OPEN.length])) this.count += 1;
    }
    const kept = bytes.length >= OPEN.length ? bytes : Buffer.concat([this.tail, bytes]);
    this.tail = Buffer.from(kept.subarray(Math.max(0, kept.length - OPEN.length)));
    return this.count;
  }
}
