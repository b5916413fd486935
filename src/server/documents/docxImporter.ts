/**
 * Reads an uploaded .docx into what a new document is made of: kind, title, properties (the official
 * parts recognized in the text) and seed blocks for its body. mammoth turns the Word file into
 * semantic HTML (headings by Word's Heading styles, lists, tables, bold/italic/underline); the pure
 * code in src/core/docx/import does the rest.
 */
import mammoth from 'mammoth';
import type { BodySeedBlock } from '../../core/editor/headless';
import { blocksFromHtml } from '../../core/docx/import/htmlBlocks';
import { recognizeOfficialParts } from '../../core/docx/import/officialParts';
import type { DocumentKind } from '../../shared/kinds';
import { DeskError } from '../http/errors';

export interface ImportedDocument {
  kind: DocumentKind | null;
  title: string | null;
  properties: Record<string, string | string[]>;
  blocks: BodySeedBlock[];
}

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

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Reads a .docx; anything else, or a damaged one, is a 400 with a message for the user. */
export async function importDocx(bytes: Buffer): Promise<ImportedDocument> {
  if (startsWith(bytes, OLE)) {
    throw new DeskError('bad_request', '这是旧版 Word 文件（.doc），请先在 Word 或 WPS 中另存为 .docx 再导入');
  }
  if (!startsWith(bytes, ZIP)) throw new DeskError('bad_request', '文件不是 Word 文档（.docx），无法导入');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true })).value;
  } catch {
    throw new DeskError('bad_request', 'Word 文档已损坏或不完整，无法导入');
  }
  const recognized = recognizeOfficialParts(blocksFromHtml(html));
  return { kind: recognized.kind, title: recognized.title, properties: recognized.properties, blocks: recognized.blocks };
}
