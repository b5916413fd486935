/**
 * LibreOffice as the test's reader of generated .docx files: headless conversion to PDF with a
 * private profile, the official font names aliased to Noto CJK through a fontconfig file given for
 * this run only, page texts through pdftotext and page images through pdftoppm. The PDF keeps the
 * blank pages that the office suite inserts itself (an odd or even page section break after a page
 * of the wrong side), as a printer gets them; LibreOffice's PDF export leaves them out by default.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Whether soffice, pdftotext and pdftoppm are installed (`.ci/run` installs them). */
export function libreOfficeAvailable(): boolean {
  return ['soffice', 'pdftotext', 'pdftoppm'].every((tool) => spawnSync('which', [tool]).status === 0);
}

const ALIASES: Record<string, string> = {
  '仿宋_GB2312': 'Noto Serif CJK SC', '仿宋': 'Noto Serif CJK SC', FangSong: 'Noto Serif CJK SC',
  '楷体_GB2312': 'Noto Serif CJK SC', '楷体': 'Noto Serif CJK SC', KaiTi: 'Noto Serif CJK SC',
  '宋体': 'Noto Serif CJK SC', SimSun: 'Noto Serif CJK SC',
  '方正小标宋简体': 'Noto Serif CJK SC', '华文中宋': 'Noto Serif CJK SC',
  '黑体': 'Noto Sans CJK SC', SimHei: 'Noto Sans CJK SC',
};

let workDir: string | null = null;

function setup(): string {
  if (workDir) return workDir;
  workDir = mkdtempSync(join(tmpdir(), 'wengao-lo-'));
  const matches = Object.entries(ALIASES).map(([from, to]) =>
    `  <match target="pattern"><test name="family"><string>${from}</string></test>` +
    `<edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`).join('\n');
  writeFileSync(join(workDir, 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${matches}
</fontconfig>
`);
  return workDir;
}

export interface RenderedPdf {
  pdfPath: string;
  /** The text of each page (pdftotext -layout), in page order. */
  pages: string[];
}

/** PDF export that keeps automatically inserted blank pages (JSON filter options, LibreOffice ≥ 7.4). */
const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/** Converts a .docx to PDF in `outDir` (as `<name>.pdf`) and reads its pages' text. */
export function renderDocx(bytes: Uint8Array, name: string, outDir: string): RenderedPdf {
  return renderDocxBatch([{ name, bytes }], outDir)[0];
}

/**
 * Converts several .docx files to PDF with one start of LibreOffice (each start costs seconds) and
 * reads their pages' text, in the order given.
 */
export function renderDocxBatch(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, outDir: string): RenderedPdf[] {
  const dir = setup();
  mkdirSync(outDir, { recursive: true });
  const jobs = files.map(({ name, bytes }) => {
    const docxPath = join(outDir, `${name}.docx`);
    writeFileSync(docxPath, bytes);
    const pdfPath = join(outDir, `${name}.pdf`);
    rmSync(pdfPath, { force: true });
    return { docxPath, pdfPath };
  });
  // The first run on a fresh profile sometimes only creates the profile: a second run converts.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const missing = jobs.filter((job) => !existsSync(job.pdfPath));
    if (missing.length === 0) break;
    execFileSync('soffice', [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless', '--norestore', '--convert-to', PDF_FILTER, '--outdir', outDir, ...missing.map((job) => job.docxPath),
    ], { env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') }, stdio: 'pipe', timeout: 120_000 + 5_000 * missing.length });
  }
  return jobs.map(({ pdfPath }) => {
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const pages = text.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return { pdfPath, pages };
  });
}

/** A word of a PDF page as pdftotext -bbox finds it: its text and box in points from the page's top left. */
export interface PdfWord { text: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** The words of each page, in page order. */
export function pdfWords(pdfPath: string): PdfWord[][] {
  // pdftotext says "no word list" on stderr for an empty page.
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return html.split(/<page\b/).slice(1).map((page) => [...page.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )].map((m) => ({ text: m[5], xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) })));
}

/** Saves every page as `<pdf name>-<n>.png` beside the PDF; returns the paths. */
export function savePagePngs(pdfPath: string, dpi = 60): string[] {
  const prefix = pdfPath.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdfPath, prefix]);
  const base = basename(prefix);
  const dir = pdfPath.slice(0, pdfPath.length - basename(pdfPath).length);
  return readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort().map((f) => join(dir, f));
}

/** The non-empty text lines of a page, without the page number line. */
export function bodyLines(page: string): string[] {
  return page.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^—\s*\d+\s*—$/.test(line));
}
