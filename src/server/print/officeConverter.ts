/**
 * .docx to PDF with LibreOffice (`soffice --headless --convert-to pdf`), for the team server's 导出 PDF:
 * a child process (never the event loop), one conversion at a time (each soffice uses a core and a
 * few hundred MB; a second one on the same profile would refuse), with a time limit after which
 * the process group is killed. Blank pages the office suite inserts for an odd/even section start
 * are kept, as a printer prints them. The official font names prefer the real fonts when the server
 * has them (仿宋_GB2312, 方正小标宋简体 …) and fall back to Noto CJK (Debian fonts-noto-cjk).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskError } from '../errors';

/** PDF export keeping automatically inserted blank pages (LibreOffice ≥ 7.4's JSON filter options). */
const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';
const FALLBACKS: Record<string, string> = {
  '仿宋_GB2312': SERIF, '仿宋': SERIF, '楷体_GB2312': SERIF, '楷体': SERIF, '宋体': SERIF, '方正小标宋简体': SERIF, '黑体': SANS,
};

function fontConfig(): string {
  const aliases = Object.entries(FALLBACKS).map(([family, fallback]) =>
    `  <alias binding="same"><family>${family}</family><prefer><family>${family}</family><family>${fallback}</family></prefer></alias>`).join('\n');
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`;
}

export interface OfficeConverterOptions {
  /** The soffice binary (default `WENGAO_SOFFICE` or `soffice` on the PATH). */
  soffice?: string;
  /** Longest one conversion may take (default `WENGAO_PDF_TIMEOUT_MS` or 120 s). */
  timeoutMs?: number;
  /** Conversions that may wait behind the running one before 503 (default 8). */
  maxWaiting?: number;
}

/** Converts Word files to PDF with LibreOffice, one at a time (see the module comment). */
export class OfficeConverter {
  private readonly soffice: string;
  private readonly timeoutMs: number;
  private readonly maxWaiting: number;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private home: string | null = null;
  private found: Promise<boolean> | null = null;

  constructor(options: OfficeConverterOptions = {}) {
    this.soffice = options.soffice ?? process.env.WENGAO_SOFFICE ?? 'soffice';
    this.timeoutMs = options.timeoutMs ?? (Number(process.env.WENGAO_PDF_TIMEOUT_MS) || 120_000);
    this.maxWaiting = options.maxWaiting ?? 8;
  }

  /** Whether soffice can be run here (looked up once, in a child process). */
  available(): Promise<boolean> {
    this.found ??= new Promise((resolve) => {
      execFile(this.soffice, ['--version'], { timeout: 30_000 }, (error) => resolve(error === null));
    });
    return this.found;
  }

  /**
   * The PDF of a .docx; `busy` when LibreOffice is missing or too many wait, `payload_too_large` past
   * the time limit, `internal` when it fails.
   */
  async toPdf(docx: Uint8Array): Promise<Uint8Array> {
    if (!(await this.available())) throw new DeskError('busy', '服务器未安装 LibreOffice，无法导出 PDF；请导出 Word 后用 Word 或 WPS 打印');
    if (this.waiting >= this.maxWaiting) throw new DeskError('busy', '正在生成其他 PDF，请稍后再试');
    this.waiting += 1;
    const run = this.queue.then(() => this.convert(docx));
    this.queue = run.catch(() => undefined).finally(() => { this.waiting -= 1; });
    return run;
  }

  private homeDir(): string {
    if (this.home) return this.home;
    this.home = mkdtempSync(join(tmpdir(), 'wengao-pdf-'));
    writeFileSync(join(this.home, 'fonts.conf'), fontConfig());
    return this.home;
  }

  private async convert(docx: Uint8Array): Promise<Uint8Array> {
    const home = this.homeDir();
    const dir = await mkdtemp(join(home, 'job-'));
    try {
      await writeFile(join(dir, 'piece.docx'), docx);
      // A fresh profile sometimes only gets created on the first run: a second run converts.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        await this.runSoffice(home, dir);
        const pdf = await readFile(join(dir, 'piece.pdf')).catch(() => null);
        if (pdf) return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      }
      throw new DeskError('internal', 'LibreOffice 未能生成 PDF');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private runSoffice(home: string, dir: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.soffice, [
        `-env:UserInstallation=file://${join(home, 'profile')}`, '--headless', '--norestore', '--nolockcheck',
        '--convert-to', PDF_FILTER, '--outdir', dir, join(dir, 'piece.docx'),
      ], { env: { ...process.env, FONTCONFIG_FILE: join(home, 'fonts.conf'), HOME: home }, stdio: 'ignore', detached: true });
      const timer = setTimeout(() => {
        try { if (child.pid) process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
        reject(new DeskError('payload_too_large', `生成 PDF 超时（限 ${Math.max(1, Math.round(this.timeoutMs / 1000))} 秒）`));
      }, this.timeoutMs);
      child.on('error', (err) => { clearTimeout(timer); reject(new DeskError('internal', `无法启动 LibreOffice：${err.message}`)); });
      child.on('exit', () => { clearTimeout(timer); resolve(); });
    });
  }
}
