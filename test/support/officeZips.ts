/**
 * Hostile and heavy office files for tests, built in memory as a stream: a zip bomb inflates to
 * hundreds of MB from a few hundred KB without the test ever holding (or writing) the inflated bytes.
 */
import { crc32, createDeflateRaw } from 'node:zlib';

/** One zip entry: its name and its content, produced piece by piece. */
export interface ZipPart { name: string; content: Iterable<string | Uint8Array> }

const encoder = new TextEncoder();

async function deflatePart(content: Iterable<string | Uint8Array>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => { deflate.on('end', resolve); deflate.on('error', reject); });
  let crc = 0;
  let size = 0;
  for (const piece of content) {
    const bytes = typeof piece === 'string' ? encoder.encode(piece) : piece;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

/** A zip of deflated entries, as Word or Excel would write one. */
export async function zipParts(parts: readonly ZipPart[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const { data, crc, size } = await deflatePart(part.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** `times` copies of `piece`, one at a time. */
function* repeated(piece: string | Uint8Array, times: number): Generator<string | Uint8Array> {
  for (let i = 0; i < times; i++) yield piece;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

/** A minimal .docx whose word/document.xml is `body` between the document's opening and closing tags. */
export function docxParts(body: Iterable<string | Uint8Array>): ZipPart[] {
  return [
    { name: '[Content_Types].xml', content: [`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`] },
    { name: '_rels/.rels', content: [`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIP}" Target="word/document.xml"/></Relationships>`] },
    { name: 'word/document.xml', content: (function* () { yield `${XML}<w:document xmlns:w="${W}"><w:body>`; yield* body; yield '</w:body></w:document>'; })() },
  ];
}

const MB = 1024 * 1024;

/** A .docx of one paragraph whose text is `megabytes` MB of one letter: ~1,000× smaller zipped. */
export function bombDocx(megabytes: number): Promise<Uint8Array> {
  const letters = new Uint8Array(MB).fill(0x41);
  return zipParts(docxParts((function* () { yield '<w:p><w:r><w:t>'; yield* repeated(letters, megabytes); yield '</w:t></w:r></w:p>'; })()));
}

/** A .docx of `count` short paragraphs: a few KB zipped. */
export function paragraphsDocx(count: number): Promise<Uint8Array> {
  return zipParts(docxParts(repeated('<w:p><w:r><w:t>全区重点项目建设进展顺利。</w:t></w:r></w:p>', count)));
}

/** An .xlsx whose only sheet holds one inline string of `megabytes` MB. */
export function bombXlsx(megabytes: number): Promise<Uint8Array> {
  const letters = new Uint8Array(MB).fill(0x41);
  const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return zipParts([
    { name: '[Content_Types].xml', content: [`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`] },
    { name: '_rels/.rels', content: [`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIP}" Target="xl/workbook.xml"/></Relationships>`] },
    { name: 'xl/workbook.xml', content: [`${XML}<workbook xmlns="${S}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="报送台账" sheetId="1" r:id="rId1"/></sheets></workbook>`] },
    { name: 'xl/_rels/workbook.xml.rels', content: [`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`] },
    { name: 'xl/worksheets/sheet1.xml', content: (function* () {
      yield `${XML}<worksheet xmlns="${S}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
      yield* repeated(letters, megabytes);
      yield '</t></is></c></row></sheetData></worksheet>';
    })() },
  ]);
}
