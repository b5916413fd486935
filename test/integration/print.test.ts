/**
 * Paper from the server: the 发文稿纸 of a 公文 taken through 拟稿 → 核稿 → 会签 → 签发 (names, opinions,
 * dates and hash in document.xml; one page in LibreOffice), and 导出 PDF (the same pages as
 * LibreOffice's rendering of the .docx, numbered as GB/T 9704 7.5 says).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { RunningServer } from '../support/server';
import { openOffice, type TestOffice } from '../support/office';
import { libreOfficeAvailable, pdfWords, renderDocx } from '../support/libreoffice';
import { parseSample } from '../support/samples';
import type { HistoryEntry } from '../../src/shared/review';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const OUT = resolve(import.meta.dirname, '../../test-results/print');
let server: RunningServer;
let office: TestOffice;

beforeAll(async () => {
  ({ server, office } = await openOffice());
  await office.person('joint', '孙会签', ['reviewer']);
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  office?.close();
  await server?.dispose();
});

async function download(path: string, username = 'writer'): Promise<{ status: number; type: string; bytes: Uint8Array }> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${office.as(username).token}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
}

const documentXml = async (bytes: Uint8Array): Promise<string> => (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string') ?? '';
const visibleText = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function officialPiece(paragraphs: number): Promise<string> {
  const sample = parseSample('notice-official.md');
  const blocks = Array.from({ length: paragraphs }, (_, i) => sample.paragraphs[i % sample.paragraphs.length]);
  const { id } = await office.as('writer').ok<{ id: string }>('POST', '/api/documents', {
    title: sample.title, kind: 'official', properties: { ...sample.properties, 印发份数: '30' }, blocks,
  });
  return id;
}

describe.skipIf(!libreOfficeAvailable())('paper', () => {
  it('the 发文稿纸 follows a 公文 from 拟稿 to 签发 with every name, opinion and date, on one page', async () => {
    await office.as('admin').ok('PUT', '/api/chains/official', { draftName: '拟稿', checkpoints: [
      { key: 'check', name: '核稿', role: 'reviewer' },
      { key: 'joint', name: '会签', role: 'reviewer' },
      { key: 'sign', name: '签发', role: 'signer' },
    ] });
    const id = await officialPiece(6);
    const draft = await download(`/api/documents/${id}/dispatch-form.docx`);
    expect(draft.status).toBe(200);
    expect(visibleText(await documentXml(draft.bytes))).toContain('尚未定稿，待办环节：拟稿、核稿、会签、签发');

    const move = (who: string, body: object) => office.as(who).ok('POST', `/api/documents/${id}/transitions`, body);
    await move('writer', { action: 'submit', assigneeId: office.idOf('reviewer') });
    await move('reviewer', { action: 'approve', assigneeId: office.idOf('joint'), comment: '核稿无误' });
    const midway = visibleText(await documentXml((await download(`/api/documents/${id}/dispatch-form.docx`)).bytes));
    expect(midway).toContain('待办环节：会签、签发');
    expect(midway).toContain('核稿无误');
    await move('joint', { action: 'approve', assigneeId: office.idOf('signer'), comment: '无意见' });
    await move('signer', { action: 'sign', comment: '同意，请印发' });

    const { entries } = await office.as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    const signed = entries.at(-1);
    const form = await download(`/api/documents/${id}/dispatch-form.docx`);
    expect(form.type).toContain('wordprocessingml');
    const xml = await documentXml(form.bytes);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    const text = visibleText(xml);
    const day = (at: string) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date(at)).filter((p) => p.type !== 'literal').map((p) => p.value);
    const [y, m, d] = day(signed?.at ?? '');
    for (const expected of ['发文稿纸', '已定稿', '王撰稿', '李审核', '核稿无误', '孙会签', '无意见', '张主任', '同意，请印发',
      `${y}年${m}月${d}日`, '沂新办发〔2023〕12号', '特急', '各部门、各单位，各街道：', '区党工委、管委会领导，区纪工委。', '30',
      '沂河新区政务信息报送考核细则', signed?.contentHash ?? 'hash']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('待办');
    const rendered = renderDocx(form.bytes, 'dispatch-form', OUT);
    expect(rendered.pages).toHaveLength(1);
    expect(rendered.pages[0]).toContain('同意，请印发');
  }, 120_000);

  it('导出 PDF has the pages of LibreOffice rendering the .docx, numbered as GB/T 9704 7.5 says', async () => {
    const id = await officialPiece(30);
    const docx = await download(`/api/documents/${id}/export.docx?layout=official`);
    const pdf = await download(`/api/documents/${id}/export.pdf?layout=official`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    const pdfPath = resolve(OUT, 'export.pdf');
    writeFileSync(pdfPath, pdf.bytes);
    const served = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
    const reference = renderDocx(docx.bytes, 'export-reference', OUT);
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(served).toHaveLength(reference.pages.length);
    const words = pdfWords(pdfPath);
    const pageWidth = 595;
    served.forEach((page, i) => {
      const n = i + 1;
      const numbered = new RegExp(`—\\s*${n}\\s*—`).test(page);
      // Every page is numbered but the 版记's page when it follows a blank page (7.5); that one has 印发.
      if (!numbered) {
        expect(page, `page ${n}`).toContain('印发');
        return;
      }
      // Odd pages at the right, even pages at the left (7.5: 单页码居右空一字，双页码居左空一字), at the foot.
      const number = words[i].find((w) => w.text === String(n) && w.yMin > 700);
      expect(number, `page ${n}'s number`).toBeDefined();
      if (number) expect(n % 2 === 1 ? number.xMin > pageWidth / 2 : number.xMax < pageWidth / 2, `page ${n} side`).toBe(true);
    });
    expect(served.filter((page, i) => new RegExp(`—\\s*${i + 1}\\s*—`).test(page)).length).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('refuses a PDF of a piece the user may not read, naming why', async () => {
    const id = await officialPiece(1);
    const res = await download(`/api/documents/${id}/export.pdf`, 'clerk');
    expect([403, 404]).toContain(res.status);
  });
});
