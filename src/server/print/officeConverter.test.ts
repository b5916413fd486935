import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OfficeConverter } from './officeConverter';

/** A stand-in soffice: logs start and end, sleeps, writes `<outdir>/piece.pdf` (or answers --version). */
function fakeSoffice(sleepSeconds: number): { path: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-soffice-'));
  const log = join(dir, 'log');
  writeFileSync(log, '');
  const path = join(dir, 'soffice');
  writeFileSync(path, `#!/bin/sh
[ "$1" = "--version" ] && exit 0
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
echo start >> ${log}
sleep ${sleepSeconds}
printf '%%PDF-fake' > "$out/piece.pdf"
echo end >> ${log}
`);
  chmodSync(path, 0o755);
  return { path, log };
}

describe('OfficeConverter', () => {
  it('converts one file at a time', async () => {
    const fake = fakeSoffice(0.3);
    const converter = new OfficeConverter({ soffice: fake.path });
    const pdfs = await Promise.all([1, 2, 3].map(() => converter.toPdf(new Uint8Array([1]))));
    expect(pdfs.map((pdf) => new TextDecoder().decode(pdf))).toEqual(['%PDF-fake', '%PDF-fake', '%PDF-fake']);
    expect(readFileSync(fake.log, 'utf8').trim().split('\n')).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });

  it('stops a conversion past its time limit with a message that says so', async () => {
    const slow = new OfficeConverter({ soffice: fakeSoffice(5).path, timeoutMs: 300 });
    await expect(slow.toPdf(new Uint8Array([1]))).rejects.toMatchObject({ code: 'payload_too_large', message: '生成 PDF 超时（限 1 秒）' });
  });

  it('says LibreOffice is missing when soffice cannot run', async () => {
    const missing = new OfficeConverter({ soffice: '/nonexistent/soffice' });
    await expect(missing.toPdf(new Uint8Array([1]))).rejects.toMatchObject({ code: 'busy', message: expect.stringContaining('未安装 LibreOffice') });
  });

  it('refuses when too many conversions wait', async () => {
    const converter = new OfficeConverter({ soffice: fakeSoffice(0.3).path, maxWaiting: 1 });
    const first = converter.toPdf(new Uint8Array([1]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(converter.toPdf(new Uint8Array([1]))).rejects.toMatchObject({ code: 'busy', message: '正在生成其他 PDF，请稍后再试' });
    await first;
  });
});
