/**
 * The exported layouts as a real office suite lays them out: LibreOffice (headless, official fonts
 * aliased to Noto CJK) converts each to PDF; the pages' text shows 22 lines per full body page, the
 * page numbers `— n —` (odd right, even left; none on a blank page before the 版记 and the 版记's
 * page), the masthead on page 1 and the 版记 at the foot of the last, even page. PDFs and page PNGs stay in test-results/docx for a person to look at.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocx, type DocxLayout } from '../../src/core/docx/docxExporter';
import type { BodyBlock } from '../../src/core/body/bodyModel';
import { bodyLines, libreOfficeAvailable, renderDocx, savePagePngs } from '../support/libreoffice';
import { parseSample } from '../support/samples';

const OUT = resolve(import.meta.dirname, '../../test-results/docx');
// Rendered in a private folder (Playwright empties test-results when it starts), then kept in OUT.
const WORK = mkdtempSync(join(tmpdir(), 'wengao-docx-render-'));

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function keep(pdfPath: string): void {
  mkdirSync(OUT, { recursive: true });
  for (const file of [pdfPath, ...savePagePngs(pdfPath)]) copyFileSync(file, join(OUT, basename(file)));
}
const official = parseSample('notice-official.md');
const bulletin = parseSample('info-bulletin.md');

/**
 * The sample's body, then its paragraphs again as plain text, three times over: several pages that
 * are nothing but body text (a heading kept with its next line may leave a page one line short).
 */
function longBody(blocks: readonly BodyBlock[]): BodyBlock[] {
  const plain = blocks.map((b): BodyBlock => (b.type === 'paragraph' ? { ...b, level: 0 } : b));
  return [...blocks, ...plain, ...plain, ...plain];
}

function render(sample: typeof official, layout: DocxLayout, final: boolean) {
  return exportDocx({ kind: sample.kind, title: sample.title, properties: sample.properties, body: longBody(sample.blocks), final, layout })
    .then((bytes) => renderDocx(bytes, `${layout}-${final ? 'final' : 'draft'}`, WORK));
}

/** Page numbers: `— n —` on every page, at the right on odd pages and at the left on even ones. */
function expectPageNumbers(pages: readonly string[]): void {
  pages.forEach((page, i) => {
    const line = page.split('\n').find((l) => /—\s*\d+\s*—/.test(l)) ?? '';
    expect(line.trim().replace(/\s+/g, '')).toBe(`—${i + 1}—`);
    const indent = line.length - line.trimStart().length;
    if ((i + 1) % 2 === 1) expect(indent).toBeGreaterThan(20);
    else expect(indent).toBeLessThan(5);
  });
}

/**
 * Pages that hold nothing but body text (after the first page, before the page where the body ends
 * and blank lines set off the closing parts) have 22 lines.
 */
function expectFullPages(pages: readonly string[], bodyEnd: RegExp): void {
  const end = pages.findIndex((p) => bodyEnd.test(p));
  const middle = pages.slice(1, end < 0 ? -1 : end);
  expect(middle.length).toBeGreaterThan(0);
  for (const page of middle) expect(bodyLines(page)).toHaveLength(22);
}

describe.skipIf(!libreOfficeAvailable())('rendering by LibreOffice', () => {
  it('lays out a 公文: masthead on page 1, 22 lines a page, page numbers, 版记 at the foot of the last even page', async () => {
    const { pages, pdfPath } = await render(official, 'official', true);
    keep(pdfPath);
    expect(pages[0]).toContain('临沂沂河新区党政办公室文件');
    expect(pages[0]).toMatch(/沂新办发〔2023〕12\s?号/);
    expectFullPages(pages, /附件：/);
    expectPageNumbers(pages);
    expect(pages.length % 2).toBe(0);
    const last = bodyLines(pages.at(-1) ?? '');
    expect(last.at(-2)).toMatch(/^抄送：区党工委/);
    expect(last.at(-1)?.replace(/\s+/g, '')).toBe('临沂沂河新区党政办公室2023年9月10日印发');
    expect(pages.slice(0, -1).join('')).not.toContain('抄送');
  }, 120_000);

  it('leaves a blank page before a 版记 that would land on an odd page, and numbers neither page', async () => {
    // The sample's own body fills two pages (by the exporter's estimate): page 3 is blank, the 版记 on page 4.
    const bytes = await exportDocx({ kind: official.kind, title: official.title, properties: official.properties, body: official.blocks, final: false, layout: 'official' });
    const { pages, pdfPath } = renderDocx(bytes, 'official-blank-page', WORK);
    keep(pdfPath);
    expect(pages.length % 2).toBe(0);
    expectPageNumbers(pages.slice(0, -2));
    const [blank, end] = pages.slice(-2);
    for (const page of [blank, end]) {
      expect(page).not.toMatch(/—\s*\d+\s*—/);
      expect(page).toContain('草稿');
    }
    expect(bodyLines(blank)).toEqual(['草稿']);
    expect(bodyLines(end).at(-1)?.replace(/\s+/g, '')).toBe('临沂沂河新区党政办公室2023年9月10日印发');
  }, 120_000);

  it('lays out a draft bulletin with its masthead, 草稿 mark and tail', async () => {
    const { pages, pdfPath } = await render(bulletin, 'info', false);
    keep(pdfPath);
    expect(pages[0]).toContain('沂河新区政务信息');
    expect(pages[0]).toMatch(/第\s*45\s*期/);
    expect(pages.every((p) => p.includes('草稿'))).toBe(true);
    expectPageNumbers(pages);
    const last = bodyLines(pages.at(-1) ?? '');
    expect(last.at(-1)?.replace(/\s+/g, '')).toBe('发：各部门、各单位，各街道。（共印30份）');
  }, 120_000);

  it('keeps the bulletin\'s 报/送/发 tail on one page where it once split (报 on one page, 送 and 发 on the next)', async () => {
    const line = (text: string): BodyBlock => ({ type: 'paragraph', level: 0, runs: [{ text, format: 0 }], align: '' });
    for (const extra of [14, 16]) {
      const body = [...bulletin.blocks, ...Array.from({ length: extra }, (_, i) => line(`第${i + 1}行补充内容。`))];
      const bytes = await exportDocx({ kind: 'info', title: bulletin.title, properties: bulletin.properties, body, final: true, layout: 'info' });
      const { pages } = renderDocx(bytes, `info-tail-${extra}`, WORK);
      const tailPages = ['报：', '送：', '发：'].map((mark) => pages.findIndex((page) => page.includes(mark)));
      expect(tailPages[0]).toBeGreaterThanOrEqual(0);
      expect(tailPages).toEqual([tailPages[0], tailPages[0], tailPages[0]]);
      expect(bodyLines(pages.at(-1) ?? '').at(-1)?.replace(/\s+/g, '')).toBe('发：各部门、各单位，各街道。（共印30份）');
    }
  }, 120_000);

  it('lays out a manuscript with 22 lines a page', async () => {
    const { pages, pdfPath } = await render(official, 'manuscript', true);
    keep(pdfPath);
    expect(bodyLines(pages[0])[0]).toBe(official.title);
    expectFullPages(pages, /$^/);
    expectPageNumbers(pages);
  }, 120_000);
});
