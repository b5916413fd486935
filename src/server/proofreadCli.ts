/**
 * `npm run proofread -- FILE…` (.txt, .md, .docx): prints every finding, one per line, and a summary;
 * exits 1 when a file has an error (错误), for batch checks. Uses the shipped 规范表述 dictionary, or
 * `--lists lists.json` ({phrasing, sensitive, leaders}, as GET /api/proofing/lists returns them).
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_PHRASING, Proofreader, SEVERITY_NAMES, countBySeverity, type ProofingData } from '../core/proofing';
import { proofreadFile } from './proofing/proofreadFile';

async function main(argv: string[]): Promise<number> {
  const listsAt = argv.indexOf('--lists');
  const data: ProofingData = listsAt >= 0
    ? { phrasing: [], sensitive: [], leaders: [], ...(JSON.parse(readFileSync(argv[listsAt + 1], 'utf8')) as Partial<ProofingData>) }
    : { phrasing: DEFAULT_PHRASING, sensitive: [], leaders: [] };
  const files = argv.filter((a, i) => !a.startsWith('--') && (listsAt < 0 || i !== listsAt + 1));
  if (files.length === 0) {
    process.stderr.write('用法：npm run proofread -- 文件.txt|文件.md|文件.docx … [--lists lists.json]\n');
    return 2;
  }
  const proofreader = new Proofreader(data);
  let errors = 0;
  for (const file of files) {
    const findings = await proofreadFile(file, proofreader);
    for (const f of findings) {
      const quote = f.text.slice(f.start, Math.max(f.end, f.start + 1));
      const fix = f.suggestions.length ? ` → ${f.suggestions.map((s) => `“${s}”`).join(' / ')}` : '';
      process.stdout.write(`${file}:${f.where} ${SEVERITY_NAMES[f.severity]} [${f.rule}] “${quote}” ${f.message}${fix}\n`);
    }
    const counts = countBySeverity(findings);
    errors += counts.error;
    process.stdout.write(`${file}: 错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.hint}\n`);
  }
  return errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
