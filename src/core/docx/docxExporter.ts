/**
 * Exports a 文稿台 document as a .docx in one of three layouts: 公文 (GB/T 9704), 政务信息 bulletin, or
 * 文稿 manuscript. A document that is not 定稿 exports as a draft (草稿 in the header and the file name);
 * a 定稿 one may carry its approval (content hash, signer, time) in the custom properties. A draft
 * may carry its pending suggestions (修订) as Word revisions; by default, and always for a 定稿, the
 * body is printed as the original (every pending suggestion unapplied), as an approval vouches for it.
 */
import { DocumentGridType, Document } from 'docx';
import { bodyBlocksFromLexical, type BodyBlock } from '../body/bodyModel';
import { propertyText, type PropertyMap } from './documentProperties';
import { FOOTER_DISTANCE, LINE_PITCH, mmToTwip, PAGE } from './gbt9704';
import { bulletinLayout, manuscriptLayout } from './bulletinLayouts';
import { officialLayout, type LayoutSource } from './officialLayout';
import { blankFooters, draftHeaders, pageNumberFooters } from './pageFurniture';
import type { PageFlow } from './pageFlow';
import { DESK_NUMBERING, DESK_STYLES } from './styles';
import { layoutForKind, type DocxLayout } from './layouts';
import { FragmentSplicer } from './wordXml';
import { cleanFileName } from '../text/cleanText';

export { DOCX_LAYOUTS, DOCX_MIME, layoutForKind, type DocxLayout } from './layouts';

/** The approval a 定稿 carries into the file, as the review workflow recorded it. */
export interface DocxApproval { contentHash: string; signerName: string; signedAt: string }

/** The custom property names the approval is written under. */
export const APPROVAL_PROPERTIES = {
  contentHash: 'WenGaoContentHash',
  signerName: 'WenGaoSigner',
  signedAt: 'WenGaoSignedAt',
} as const;

export interface DocxExportInput {
  kind: string;
  title: string;
  properties: PropertyMap;
  /** The body: Lexical editor-state JSON (as `readBody` gives it), or blocks already read from it. */
  body: unknown;
  /** A draft carries the 草稿 mark; only a final (定稿) document exports as the official file. */
  final: boolean;
  /** Defaults to the kind's layout (see layoutForKind). */
  layout?: DocxLayout;
  /** Written to the custom properties of a final document. */
  approval?: DocxApproval | null;
  /**
   * Pending suggestions as Word revisions (w:ins, w:del, paragraph marks, pPrChange), with Word's
   * 修订 turned on for whoever edits the file next. Ignored for a final document: none can be
   * pending at signing, and the file is the approved text.
   */
  revisions?: boolean;
}

const LAYOUTS: Record<DocxLayout, (source: LayoutSource) => PageFlow> = {
  official: officialLayout,
  info: bulletinLayout,
  manuscript: manuscriptLayout,
};

function isBlockList(body: unknown): body is BodyBlock[] {
  return Array.isArray(body);
}

/** Every section's page: A4, the GB/T 9704 margins, 22 lines of the grid. */
const SECTION_PROPERTIES = {
  page: {
    size: { width: PAGE.width, height: PAGE.height },
    margin: {
      top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right,
      header: mmToTwip(15), footer: FOOTER_DISTANCE, gutter: 0,
    },
  },
  grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
};

/** The Word document object, its body fragments behind the splicer's placeholders. */
function buildDocxDocument(input: DocxExportInput, splicer: FragmentSplicer): Document {
  const revisions = input.revisions === true && !input.final;
  const blocks = isBlockList(input.body) ? input.body : bodyBlocksFromLexical(input.body, { suggestions: revisions ? 'marked' : 'original' });
  const title = propertyText(input.properties, '标题') || input.title;
  const flow = LAYOUTS[input.layout ?? layoutForKind(input.kind)]({ title, properties: input.properties, blocks });
  const approval = input.final ? input.approval : null;
  const end = flow.endSection;
  return new Document({
    title,
    creator: '文稿台',
    styles: DESK_STYLES,
    // The numbering part only when a list needs it: every part costs packing time.
    ...(blocks.some((b) => b.type === 'list') && { numbering: DESK_NUMBERING }),
    evenAndOddHeaderAndFooters: true,
    ...(revisions && { features: { trackRevisions: true } }),
    customProperties: approval ? [
      { name: APPROVAL_PROPERTIES.contentHash, value: approval.contentHash },
      { name: APPROVAL_PROPERTIES.signerName, value: approval.signerName },
      { name: APPROVAL_PROPERTIES.signedAt, value: approval.signedAt },
    ] : [],
    sections: [
      {
        properties: SECTION_PROPERTIES,
        ...(input.final ? {} : { headers: draftHeaders() }),
        footers: pageNumberFooters(),
        children: splicer.children(end === undefined ? flow.children : flow.children.slice(0, end.from)),
      },
      // The 版记's section, on the next even (or odd, a blank page first) page: numbered or not as
      // endPlacement decided (GB/T 9704 7.5); the 草稿 header carries over.
      ...(end === undefined ? [] : [{
        properties: { ...SECTION_PROPERTIES, type: end.start },
        footers: end.numbered ? pageNumberFooters() : blankFooters(),
        children: splicer.children(flow.children.slice(end.from)),
      }]),
    ],
  });
}

/** The .docx file's bytes. */
export async function exportDocx(input: DocxExportInput): Promise<Uint8Array> {
  const splicer = new FragmentSplicer();
  return splicer.pack(buildDocxDocument(input, splicer));
}

/** The file name: the title as cleanFileName leaves it (no bidi controls, nothing Windows forbids), and 草稿 for a draft. */
export function docxFileName(title: string, final: boolean): string {
  return `${cleanFileName(title, '文稿')}${final ? '' : '（草稿）'}.docx`;
}
