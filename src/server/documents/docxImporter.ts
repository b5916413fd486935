/**
 * Reads an uploaded .docx into what a new document is made of: kind, title, properties (the official
 * parts recognized in the text) and seed blocks for its body. The zip is measured first (zipGuard),
 * so mammoth never opens a bomb or a file of more paragraphs than the desk takes; mammoth then turns
 * the Word file into semantic HTML (headings by Word's Heading styles, lists, tables,
 * bold/italic/underline) and the pure code in src/core/docx/import does the rest; the file's
 * revisions (修订) come in as pending suggestions (wordRevisions.ts marks them for mammoth). CPU-heavy: the
 * server runs it in its worker pool (src/server/work), never on the event loop.
 */
import mammoth from 'mammoth';
import type { BodySeedBlock } from '../../core/editor/headless';
import { blocksFromHtml } from '../../core/docx/import/htmlBlocks';
import { recognizeOfficialParts } from '../../core/docx/import/officialParts';
import { applyRevisionMarks, markWordRevisions, type MarkedRevisions } from '../../core/docx/import/wordRevisions';
import type { DocumentKind } from '../../core/domain/kinds';
import { DeskError } from '../errors';
import { inspectZip, OFFICE_ZIP_LIMITS, ZipFormatError, type ZipLimits } from '../work/zipGuard';
import { ParagraphCounter } from './paragraphCounter';

export interface ImportedDocument {
  kind: DocumentKind | null;
  title: string | null;
  properties: Record<string, string | string[]>;
  blocks: BodySeedBlock[];
}

/**
 * The most paragraphs (Word's `<w:p>`, table cells' and empty ones included) an imported .docx may
 * hold. A 100-page report has 1,000–3,000; 20,000 is a book of a thousand pages. Measured on the
 * 2-core build machine at load 8–12: 20,000 paragraphs import in 9–10 s and read back in about 5 s,
 * within the pool's 30 s; 60,000 took 22 s to seed and 28 s to read, too slow to edit or export.
 */
export const MAX_IMPORT_PARAGRAPHS = 20_000;

export interface DocxImportLimits { zip: ZipLimits; paragraphs: number }

const DEFAULT_LIMITS: DocxImportLimits = { zip: OFFICE_ZIP_LIMITS, paragraphs: MAX_IMPORT_PARAGRAPHS };

// mammoth leaves underlines out unless told; the export's own paragraph styles are ordinary paragraphs.
const STYLE_MAP = [
  'u => u',
  "p[style-name='公文正文'] => p:fresh",
  "p[style-name='公文无缩进'] => p:fresh",
  "p[style-name='公文标题'] => p:fresh",
  "p[style-name='公文版记'] => p:fresh",
  "p[style-name='公文表格'] => p:fresh",
  "p[style-name='公文列表'] => p:fresh",
];

// The body keeps no pictures: leaving them unread spares inflating and base64-encoding them.
const SKIP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
const DAMAGED = 'Word 文档已损坏或不完整，无法导入';

/** The parts whose paragraphs mammoth reads or could be pointed at: every XML part under word/. */
const isWordXml = (name: string): boolean => /^word\/.*\.xml$/i.test(name);

/**
 * Reads a .docx; anything else, or a damaged one, is a 400 with a message for the user; past a
 * limit (what it inflates to, its paragraphs), a 413 that names the limit.
 */
export async function importDocx(bytes: Uint8Array, limits: DocxImportLimits = DEFAULT_LIMITS): Promise<ImportedDocument> {
  if (startsWith(bytes, OLE)) {
    throw new DeskError('bad_request', '这是旧版 Word 文件（.doc），请先在 Word 或 WPS 中另存为 .docx 再导入');
  }
  if (!startsWith(bytes, ZIP)) throw new DeskError('bad_request', '文件不是 Word 文档（.docx），无法导入');
  const paragraphs = new ParagraphCounter();
  try {
    inspectZip(bytes, limits.zip, (name, chunk) => {
      if (!isWordXml(name)) return;
      if (paragraphs.add(name, chunk) > limits.paragraphs) {
        throw new DeskError('payload_too_large', `文档段落过多（超过 ${limits.paragraphs} 段），无法导入；请拆分为几个文档分别导入`);
      }
    });
  } catch (error) {
    if (error instanceof ZipFormatError) throw new DeskError('bad_request', DAMAGED);
    throw error;
  }
  let html: string;
  let revised: MarkedRevisions | null;
  try {
    revised = markWordRevisions(bytes);
    const read = revised?.bytes ?? bytes;
    const buffer = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
    html = (await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true, convertImage: SKIP_IMAGES })).value;
  } catch {
    throw new DeskError('bad_request', DAMAGED);
  }
  const blocks = blocksFromHtml(html);
  const recognized = recognizeOfficialParts(revised ? applyRevisionMarks(blocks, revised.revisions) : blocks);
  return { kind: recognized.kind, title: recognized.title, properties: recognized.properties, blocks: recognized.blocks };
}
