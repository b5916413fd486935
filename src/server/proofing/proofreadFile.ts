/**
 * Reads a file for proofreading: .txt (one paragraph per line; the proofreader finds title, headings,
 * 主送机关, 署名 and dates itself), .md (front matter as properties with 标题 as the title, paragraphs
 * separated by blank lines, as in ../shared/samples) and .docx (its paragraphs, through mammoth).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { parseFrontMatter } from '../../core/text/frontMatter';
import { proofreadDocument, type DocumentProofInput, type PlacedFinding, type Proofreader } from '../../core/proofing';

export interface LoadedText {
  input: DocumentProofInput;
  /** 1-based source line of each body paragraph. */
  lines: number[];
  /** Whether the first body line may be the title (no title field). */
  titleFirst: boolean;
}

/** Paragraphs separated by blank lines (Markdown), each with its first line number. */
function blankLineParagraphs(body: string, firstLine: number): { texts: string[]; lines: number[] } {
  const texts: string[] = [];
  const lines: number[] = [];
  let current: string[] = [];
  let start = firstLine;
  body.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') {
      if (current.length) { texts.push(current.join('')); lines.push(start); current = []; }
      return;
    }
    if (!current.length) start = firstLine + i;
    current.push(line.trim());
  });
  if (current.length) { texts.push(current.join('')); lines.push(start); }
  return { texts, lines };
}

export async function loadForProofreading(path: string): Promise<LoadedText> {
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') {
    const { value } = await mammoth.extractRawText({ path });
    const texts = value.split(/\n+/).map((t) => t.trim()).filter(Boolean);
    return { input: { title: '', properties: {}, paragraphs: texts.map((text) => ({ text })) }, lines: texts.map((_, i) => i + 1), titleFirst: true };
  }
  const source = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  if (ext === '.md') {
    const { properties, body, bodyLine } = parseFrontMatter(source) ?? { properties: {}, body: source, bodyLine: 1 };
    const title = typeof properties['标题'] === 'string' ? properties['标题'] : '';
    delete properties['标题'];
    delete properties.kind;
    const { texts, lines } = blankLineParagraphs(body, bodyLine);
    return { input: { title, properties, paragraphs: texts.map((text) => ({ text })) }, lines, titleFirst: !title };
  }
  const texts = source.split(/\r?\n/);
  return { input: { title: '', properties: {}, paragraphs: texts.map((text) => ({ text })) }, lines: texts.map((_, i) => i + 1), titleFirst: true };
}

/** A finding with the file position a person looks for: line and column (1-based), or the field it is in. */
export interface FileFinding extends PlacedFinding { where: string }

export async function proofreadFile(path: string, proofreader: Proofreader): Promise<FileFinding[]> {
  const loaded = await loadForProofreading(path);
  return proofreadDocument(proofreader, loaded.input, { titleFirst: loaded.titleFirst }).map((f) => ({
    ...f,
    where: f.scope === 'body' ? `${loaded.lines[f.paragraph]}:${f.start + 1}` : f.scope === 'title' ? '标题' : f.scope.slice('property:'.length),
  }));
}
