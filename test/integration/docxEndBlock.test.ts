/**
 * Where the 版记 lands as LibreOffice lays the 公文 out: the official sample with 0…N extra body
 * paragraphs, so the body ends at every point of several page cycles. For each length the 版记 must
 * sit at the foot of the last page, which is even, both its lines on that page and nowhere else; the
 * pages up to the body's last one are numbered `— n —`; when blank pages come between the body and the
 * 版记, neither they nor the 版记's page carry a number (GB/T 9704 7.5), while a 版记 page right after
 * the body's last (odd) page is numbered in sequence. All files are converted by one LibreOffice run.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/docx/docxExporter';
import type { BodyBlock } from '../../src/core/body/bodyModel';
import { bodyLines, libreOfficeAvailable, pdfWords, renderDocxBatch, savePagePngs, type RenderedPdf } from '../support/libreoffice';
import { parseSample } from '../support/samples';

const OUT = resolve(import.meta.dirname, '../../test-results/docx-endblock');
const WORK = mkdtempSync(join(tmpdir(), 'wengao-endblock-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const official = parseSample('notice-official.md');
const para = (text: string, level: 0 | 1 | 2 = 0): BodyBlock => ({ type: 'paragraph', level, runs: [{ text, format: 0 }], align: '' });

const POOL = '各部门各单位要认真落实信息报送工作要求进一步加强组织领导明确责任分工健全工作机制提高信息质量和时效';
/** `width` characters of CJK text from the pool, a comma now and then, starting at `seed`. */
function filler(width: number, seed: number): string {
  let text = '';
  for (let i = 0; text.length < width; i += 1) text += (i + 1) % 13 === 0 ? '，' : POOL[(seed + i) % POOL.length];
  return text;
}
const CN = '一二三四五六七八九十';

/**
 * Body paragraphs of many shapes: headings standing alone (kept with the next paragraph), one to
 * four lines, lines filled to the last character, a full stop that hangs past the last line, Arabic
 * numbers, a closing quote with its full stop.
 */
function mixedParagraph(j: number): BodyBlock {
  const seed = j * 7;
  switch (j % 8) {
    case 0: return para(`${CN[(j / 8) % 10]}、补充事项`, 1);
    case 1: return para(`${filler(30 + (j % 5) * 3, seed)}。`);
    // Two characters of indent and 26 characters fill the line; the full stop hangs past it.
    case 2: return para(`${filler(26, seed)}。`);
    case 3: return para(`（${CN[j % 10]}）具体要求`, 2);
    case 4: return para(`${filler(20, seed)}2023年完成${filler(30, seed + 3)}1500字以内${filler(12 + (j % 4) * 5, seed + 5)}。`);
    case 5: return para(`${filler(8 + (j % 6) * 2, seed)}。`);
    case 6: return para(`${filler(2 * 28 + 26, seed)}。`);
    default: return para(`${filler(40 + (j % 3) * 4, seed)}“${filler(6, seed + 1)}”。`);
  }
}

interface Case { name: string; extra: BodyBlock[] }
const CASES: Case[] = [
  // One line more at a time: the body's end walks line by line across two pages.
  ...Array.from({ length: 48 }, (_, n) => ({ name: `lines-${String(n).padStart(2, '0')}`, extra: Array.from({ length: n }, (_, i) => para(`第${i + 1}行补充内容。`)) })),
  // Paragraphs of many shapes, one more at a time: over five more pages.
  ...Array.from({ length: 48 }, (_, j) => ({ name: `mixed-${String(j + 1).padStart(2, '0')}`, extra: Array.from({ length: j + 1 }, (_, i) => mixedParagraph(i)) })),
  // An attachment on pages of its own, three lines longer each time: the body ends in it.
  ...Array.from({ length: 16 }, (_, k) => ({
    name: `attachment-${String(3 * k).padStart(2, '0')}`,
    extra: [para('附件1'), para('沂河新区政务信息报送考核细则'), ...Array.from({ length: 3 * k }, (_, i) => para(`第${i + 1}条考核内容。`))],
  })),
];

const ISSUED = '临沂沂河新区党政办公室2023年9月10日印发';
const isCopies = (line: string) => line.startsWith('抄送：');
const isIssued = (line: string) => line.replace(/\s+/g, '') === ISSUED;
const pageNumber = (page: string) => /—\s*(\d+)\s*—/.exec(page);
/** The page's text lines that belong to the body: not the page number, the 版记 or the 草稿 mark. */
const bodyText = (page: string) => bodyLines(page).filter((l) => !isCopies(l) && !isIssued(l) && l !== '草稿');

/** What one rendering breaks of the rules in the header comment; empty when it keeps them all. */
function problemsOf({ pages, pdfPath }: RenderedPdf): string[] {
  const problems: string[] = [];
  const copies = pages.flatMap((p, i) => (bodyLines(p).some(isCopies) ? [i] : []));
  const issued = pages.flatMap((p, i) => (bodyLines(p).some(isIssued) ? [i] : []));
  const last = pages.length - 1;
  if (copies.length !== 1 || issued.length !== 1 || copies[0] !== issued[0]) problems.push(`版记 lines on pages ${copies.map((i) => i + 1)} / ${issued.map((i) => i + 1)}`);
  if (copies[0] !== last) problems.push(`版记 on page ${copies[0] + 1} of ${pages.length}`);
  if (pages.length % 2 !== 0) problems.push(`${pages.length} pages: the last page is odd`);
  const end = bodyLines(pages[last]);
  if (!isCopies(end.at(-2) ?? '') || !isIssued(end.at(-1) ?? '')) problems.push(`last page ends with ${JSON.stringify(end.slice(-2))}`);
  // At the foot: the 印发 line's bottom within a line of the type area's bottom (35 mm above the page's).
  const words = pdfWords(pdfPath)[last] ?? [];
  const bottom = Math.max(...words.filter((w) => w.text.endsWith('印发')).map((w) => w.yMax));
  const areaBottom = 841.89 - (35 / 25.4) * 72;
  if (!(bottom > areaBottom - 29 && bottom <= areaBottom + 1)) problems.push(`版记 ends at y ${bottom.toFixed(1)}, not at the type area's foot (${areaBottom.toFixed(1)})`);

  const lastBody = pages.reduce((found, page, i) => (bodyText(page).length > 0 ? i : found), -1);
  pages.forEach((page, i) => {
    const number = pageNumber(page);
    const numbered = i <= lastBody || (i === last && last === lastBody + 1);
    if (numbered) {
      if (number?.[1] !== String(i + 1)) problems.push(`page ${i + 1} shows ${number ? number[0] : 'no number'}`);
    } else if (number) {
      problems.push(`page ${i + 1} (${i === last ? '版记' : 'blank'}, after the body's last page ${lastBody + 1}) shows ${number[0]}`);
    }
  });
  return problems;
}

const rendered = new Map<string, RenderedPdf>();

describe.skipIf(!libreOfficeAvailable())('the 版记 as LibreOffice places it, for bodies ending anywhere on a page', () => {
  beforeAll(async () => {
    const files = await Promise.all(CASES.map(async ({ name, extra }) => ({
      name,
      bytes: await exportDocx({
        kind: official.kind, title: official.title, properties: official.properties,
        body: [...official.blocks, ...extra], final: true, layout: 'official',
      }),
    })));
    renderDocxBatch(files, WORK).forEach((pdf, i) => rendered.set(CASES[i].name, pdf));
    // A few kept for a person to look at: the sample as it is, and each way the 版记 can land.
    mkdirSync(OUT, { recursive: true });
    for (const name of ['lines-00', 'lines-01', 'lines-10', 'lines-30', 'attachment-30']) {
      const pdf = rendered.get(name);
      if (pdf) for (const file of [pdf.pdfPath, ...savePagePngs(pdf.pdfPath)]) copyFileSync(file, join(OUT, basename(file)));
    }
  }, 180_000);

  it.each(CASES.map((c) => c.name))('%s: 版记 at the foot of the last, even page; page numbers by GB/T 9704 7.5', (name) => {
    const pdf = rendered.get(name);
    expect(pdf).toBeDefined();
    if (pdf) expect(problemsOf(pdf)).toEqual([]);
  });
});
