/**
 * What the paged 预览 needs from a .docx that docx-preview does not give: each section's start (a new
 * page, or the next even or odd page, where Word and LibreOffice insert a blank page), whether its
 * pages carry a PAGE field in the footer (GB/T 9704's `— 1 —`), and where the footer sits.
 */
import { strFromU8, unzipSync } from 'fflate';

export type SectionStart = 'nextPage' | 'evenPage' | 'oddPage' | 'continuous';

export interface DocxSection {
  start: SectionStart;
  /** Its default and even footers hold a PAGE field. */
  numbered: boolean;
  /** Distance of the footer from the page's bottom edge, in twips. */
  footerTwips: number;
}

const START: Record<string, SectionStart> = { evenPage: 'evenPage', oddPage: 'oddPage', continuous: 'continuous', nextPage: 'nextPage' };

/** Footer part names by relationship id, from word/_rels/document.xml.rels. */
function footerTargets(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(tag)?.[1];
    const target = /Target="([^"]+)"/.exec(tag)?.[1];
    if (id && target && /footer/i.test(target)) targets.set(id, `word/${target.replace(/^\/?word\//, '')}`);
  }
  return targets;
}

/** The sections of a document.xml in order, given the text of each footer part by name. */
export function sectionsOf(documentXml: string, relsXml: string, parts: (name: string) => string | undefined): DocxSection[] {
  const targets = footerTargets(relsXml);
  const sections: DocxSection[] = [];
  let inherited = false;
  for (const [sectPr] of documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)) {
    const refs = [...sectPr.matchAll(/<w:footerReference\b[^>]*>/g)].map(([tag]) => /r:id="([^"]+)"/.exec(tag)?.[1] ?? '');
    const numbered: boolean = refs.length === 0 ? inherited : refs.some((id) => /\bPAGE\b/.test(parts(targets.get(id) ?? '') ?? ''));
    inherited = numbered;
    sections.push({
      start: START[/<w:type w:val="(\w+)"/.exec(sectPr)?.[1] ?? 'nextPage'] ?? 'nextPage',
      numbered,
      footerTwips: Number(/<w:pgMar\b[^>]*w:footer="(\d+)"/.exec(sectPr)?.[1] ?? 992),
    });
  }
  return sections;
}

/**
 * The document default character spacing (`w:rPrDefault`'s `w:spacing`, in twips: GB/T 9704's 28
 * characters a line), which docx-preview leaves out; 0 when none.
 */
export function defaultCharSpacing(stylesXml: string): number {
  const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(stylesXml)?.[0] ?? '';
  return Number(/<w:spacing w:val="(-?\d+)"/.exec(defaults)?.[1] ?? 0);
}

/** The character spacing of a .docx file's defaults (see defaultCharSpacing). */
export function docxCharSpacing(bytes: Uint8Array): number {
  const styles = unzipSync(bytes, { filter: (file) => file.name === 'word/styles.xml' })['word/styles.xml'];
  return styles ? defaultCharSpacing(strFromU8(styles)) : 0;
}

/** The sections of a .docx file (one plain numbered section when it has none). */
export function docxSections(bytes: Uint8Array): DocxSection[] {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' || file.name.startsWith('word/footer') || file.name === 'word/_rels/document.xml.rels' });
  const text = (name: string): string | undefined => (files[name] ? strFromU8(files[name]) : undefined);
  const sections = sectionsOf(text('word/document.xml') ?? '', text('word/_rels/document.xml.rels') ?? '', text);
  return sections.length > 0 ? sections : [{ start: 'nextPage', numbered: false, footerTwips: 992 }];
}
