/**
 * 导出 PDF of the 100-page benchmark document (docxExport.ts's largeBody, ≈ 60,000 characters, the
 * 公文 layout, brought in by 导入 Word) through the real server (`GET /api/documents/:id/export.pdf`: the .docx export in the
 * worker pool, then LibreOffice in a child process), against LibreOffice converting the same .docx on
 * its own (`soffice --headless --convert-to pdf`, its own warmed profile), in the same run. Each is
 * warmed once, then timed RUNS times alternately; medians are compared.
 *
 * Goals: the endpoint ≤ 1.3 × LibreOffice alone, and both PDFs have the same number of pages.
 * Run alone: `npx tsx test/bench/pdfExport.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { largeBody } from './docxExport';
import { exportDocx } from '../../src/core/docx/docxExporter';
import { encodeSeedBody, readBody } from '../../src/core/editor/headless';
import { startDeskFixture } from './support/desk';
import { check, runIfMain, type BenchResult } from './support/report';

const RUNS = 3;
const GOAL_RATIO = 1.3;

const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const pageCount = (pdf: Uint8Array): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))?.[1] ?? 0);

export async function benchPdfExport(): Promise<BenchResult> {
  const desk = await startDeskFixture();
  const dir = mkdtempSync(join(tmpdir(), 'wengao-pdf-bench-'));
  try {
    // The body has tables, which the create form does not seed: it comes in as a Word file, as offices bring them.
    const seed = await exportDocx({ kind: 'official', title: '重点工作推进情况的报告', properties: {}, body: readBody(encodeSeedBody(largeBody())).json, final: false });
    const form = new FormData();
    form.append('file', new Blob([seed as BlobPart]), '重点工作推进情况的报告.docx');
    const imported = await fetch(`${desk.server.url}/api/import?kind=official`, { method: 'POST', body: form, headers: { authorization: `Bearer ${desk.alice.token}` } });
    if (!imported.ok) throw new Error(`import → ${imported.status} ${await imported.text()}`);
    const { id } = (await imported.json()) as { id: string };
    const get = async (path: string): Promise<Uint8Array> => {
      const res = await fetch(`${desk.server.url}${path}`, { headers: { authorization: `Bearer ${desk.alice.token}` } });
      if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
      return new Uint8Array(await res.arrayBuffer());
    };
    const docx = await get(`/api/documents/${id}/export.docx?layout=official`);
    const docxPath = join(dir, 'piece.docx');
    writeFileSync(docxPath, docx);
    const alone = (): { ms: number; pdf: Uint8Array } => {
      const t = performance.now();
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docxPath],
        { stdio: 'ignore', timeout: 300_000 });
      return { ms: performance.now() - t, pdf: new Uint8Array(readFileSync(join(dir, 'piece.pdf'))) };
    };
    const served = async (): Promise<{ ms: number; pdf: Uint8Array }> => {
      const t = performance.now();
      const pdf = await get(`/api/documents/${id}/export.pdf?layout=official`);
      return { ms: performance.now() - t, pdf };
    };
    alone();
    await served();
    const ours: number[] = [];
    const theirs: number[] = [];
    let pages = { ours: 0, theirs: 0 };
    for (let i = 0; i < RUNS; i += 1) {
      const a = await served();
      const b = alone();
      ours.push(a.ms);
      theirs.push(b.ms);
      pages = { ours: pageCount(a.pdf), theirs: pageCount(b.pdf) };
    }
    const ratio = median(ours) / median(theirs);
    return {
      name: 'pdfExport',
      figures: [
        ['document', `${(docx.length / 1024).toFixed(0)} KB .docx, ${pages.theirs} pages`],
        [`GET export.pdf, median of ${RUNS}`, `${median(ours).toFixed(0)} ms (min ${Math.min(...ours).toFixed(0)}, max ${Math.max(...ours).toFixed(0)})`],
        [`soffice --convert-to pdf alone, median of ${RUNS}`, `${median(theirs).toFixed(0)} ms (min ${Math.min(...theirs).toFixed(0)}, max ${Math.max(...theirs).toFixed(0)})`],
        ['ratio endpoint / LibreOffice alone', `${ratio.toFixed(2)}×`],
      ],
      goals: [
        check(`endpoint ≤ ${GOAL_RATIO}× LibreOffice alone`, `${ratio.toFixed(2)}×`, ratio <= GOAL_RATIO),
        check('same pages as LibreOffice alone', `${pages.ours} / ${pages.theirs}`, pages.ours === pages.theirs && pages.ours >= 95),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await desk.server.dispose();
  }
}

await runIfMain(import.meta.url, benchPdfExport);
