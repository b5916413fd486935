/**
 * Word revisions as a real office suite reads and writes them. An export with revisions, converted
 * by LibreOffice to .odt, lists its tracked changes (insertions, deletions, the paragraph mark) with
 * their authors; the clean export lists none. A .docx whose revisions LibreOffice made (from an
 * .fodt with tracked changes) imports with them as pending suggestions by `word:<author>`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { $getRoot } from 'lexical';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyBlocksFromLexical } from '../../src/core/body/bodyModel';
import { bodyJson } from '../../src/core/body/testing';
import { exportDocx } from '../../src/core/docx/docxExporter';
import { $isDeskParagraphNode } from '../../src/core/editor/DeskParagraphNode';
import { encodeSeedBody, readBody } from '../../src/core/editor/headless';
import { $fill, BOB, del, ins, meta } from '../../src/core/suggestions/testing';
import { importDocx } from '../../src/server/documents/docxImporter';

const WORK = mkdtempSync(join(tmpdir(), 'wengao-docx-revisions-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const available = spawnSync('which', ['soffice']).status === 0;

/** Converts `file` (in WORK) with LibreOffice on a private profile; returns the converted file's path. */
function convert(file: string, to: 'odt' | 'docx'): string {
  const path = join(WORK, file);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    // The first run on a fresh profile sometimes only creates the profile.
    execFileSync('soffice', [
      `-env:UserInstallation=file://${join(WORK, 'profile')}`, '--headless', '--norestore', '--convert-to', to, '--outdir', WORK, path,
    ], { stdio: 'pipe', timeout: 120_000 });
    const out = path.replace(/\.[a-z]+$/, `.${to}`);
    if (spawnSync('test', ['-s', out]).status === 0) return out;
  }
  throw new Error(`LibreOffice did not convert ${file}`);
}

function $paragraphAt(index: number) {
  const node = $getRoot().getChildAtIndex(index);
  if (!$isDeskParagraphNode(node)) throw new Error('not a paragraph');
  return node;
}

const BODY = bodyJson(() => {
  $fill([['现将有关事项', ins('通知', meta('s1')), '如下，', del('请', meta('s2', BOB)), '认真贯彻执行。'], ['另起一段。']]);
  $paragraphAt(1).setSuggestions({ split: meta('s3', BOB) });
});

async function odtContent(name: string, revisions: boolean): Promise<string> {
  const bytes = await exportDocx({ kind: 'manuscript', title: '关于做好年终工作的通知', properties: {}, body: BODY, final: false, revisions });
  writeFileSync(join(WORK, `${name}.docx`), bytes);
  return strFromU8(unzipSync(readFileSync(convert(`${name}.docx`, 'odt')))['content.xml']);
}

/** An .fodt with tracked changes: an insertion, a deletion, and an inserted paragraph break. */
const FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:tracked-changes text:track-changes="true">
<text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>王五</dc:creator><dc:date>2025-03-02T09:30:00</dc:date></office:change-info></text:insertion></text:changed-region>
<text:changed-region text:id="ct2"><text:deletion><office:change-info><dc:creator>赵六</dc:creator><dc:date>2025-03-02T09:31:00</dc:date></office:change-info><text:p>旧词</text:p></text:deletion></text:changed-region>
<text:changed-region text:id="ct3"><text:insertion><office:change-info><dc:creator>王五</dc:creator><dc:date>2025-03-02T09:32:00</dc:date></office:change-info></text:insertion></text:changed-region>
</text:tracked-changes>
<text:p>正文第一段，<text:change-start text:change-id="ct1"/>新增的话<text:change-end text:change-id="ct1"/>到此。</text:p>
<text:p>第二段<text:change text:change-id="ct2"/>结束。</text:p>
<text:p>第三段前半<text:change-start text:change-id="ct3"/></text:p>
<text:p><text:change-end text:change-id="ct3"/>第三段后半。</text:p>
</office:text></office:body></office:document>
`;

describe.skipIf(!available)('Word revisions in LibreOffice', () => {
  it('lists the exported revisions with their authors; the clean export has none', async () => {
    const marked = await odtContent('with-revisions', true);
    const changes = /<text:tracked-changes[\s\S]*?<\/text:tracked-changes>/.exec(marked)?.[0] ?? '';
    expect(changes).toContain('<text:insertion>');
    expect(changes).toContain('<text:deletion>');
    const creators = [...changes.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1]);
    expect(new Set(creators)).toEqual(new Set(['张三', '李四']));
    // Insertion 通知, deletion 请, and the inserted paragraph mark.
    expect(creators.length).toBeGreaterThanOrEqual(3);
    expect(changes).toContain('请');
    const clean = await odtContent('clean', false);
    expect(clean).not.toContain('text:tracked-changes');
    expect(clean).not.toContain('通知如下');
    expect(clean).toContain('现将有关事项如下，请认真贯彻执行。');
  }, 120_000);

  it('imports a .docx with revisions made by LibreOffice as pending suggestions', async () => {
    writeFileSync(join(WORK, 'made.fodt'), FODT);
    const imported = await importDocx(readFileSync(convert('made.fodt', 'docx')));
    const json = readBody(encodeSeedBody(imported.blocks)).json;
    const marked = bodyBlocksFromLexical(json, { suggestions: 'marked' });
    const runs = marked.flatMap((block) => (block.type === 'paragraph' ? block.runs : []));
    expect(runs.filter((run) => run.suggestion).map((run) => [run.text, run.suggestion?.kind, run.suggestion?.authorId, run.suggestion?.at]))
      .toEqual([['新增的话', 'insert', 'word:王五', '2025-03-02T09:30:00.000Z'], ['旧词', 'delete', 'word:赵六', '2025-03-02T09:31:00.000Z']]);
    const split = marked.find((block) => block.type === 'paragraph' && block.suggestions?.split);
    expect(split?.type === 'paragraph' && split.suggestions?.split?.authorName).toBe('王五');
    expect(bodyBlocksFromLexical(json).map((block) => (block.type === 'paragraph' ? block.runs.map((r) => r.text).join('') : '')))
      .toEqual(['正文第一段，到此。', '第二段旧词结束。', '第三段前半第三段后半。']);
  }, 120_000);
});
