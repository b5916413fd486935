/**
 * Word export of a 100-page document: ≈ 60,000 characters of body text with headings at four levels
 * and tables, as Lexical JSON read from a real Y.Doc (encodeSeedBody → readBody), exported in the 公文
 * layout (exportDocx: layout, styles, page furniture, packing). Baseline, same run: the docx library
 * alone packing the same paragraphs and tables (plain TextRuns, default styles).
 *
 * After an edit the endpoint also reads the body again through headless Lexical (its reading cache
 * is keyed by the state), so a second pair measures that whole path (issue 17): one character typed,
 * then read + export, against a peer that reads the same state straight from Yjs (a fresh Y.Doc and
 * its XML text, no Lexical) and packs with the docx library alone.
 *
 * Goals: export ≤ 2 s, and ≤ 1.5 × the baseline (medians of RUNS runs, both warmed up first).
 * Run alone: `npx tsx test/bench/docxExport.ts`.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import * as Y from 'yjs';
import { BODY_ROOT, encodeSeedBody, readBody, type BodySeedBlock } from '../../src/core/editor/headless';
import { bodyBlocksFromLexical, runsText, type BodyBlock } from '../../src/core/body/bodyModel';
import { exportDocx } from '../../src/core/docx/docxExporter';
import { officialLayout } from '../../src/core/docx/officialLayout';
import { formatLevelNumber } from '../../src/core/structure/levels';
import { parseSample } from '../support/samples';

const TARGET_CHARS = 60_000;
const RUNS = 15;
const GOAL_MS = 2000;
const GOAL_RATIO = 1.5;

const PHRASES = ['坚持以人民为中心的发展思想，', '统筹推进经济社会高质量发展。', '进一步优化营商环境，', '切实加强基层治理能力建设，',
  '全面落实安全生产责任制，', '扎实推进重点项目建设，', '着力保障和改善民生。', '深化“放管服”改革，持续提升政务服务效能。'];

function paragraphText(index: number, length: number): string {
  let text = '';
  for (let i = index; text.length < length; i += 1) text += PHRASES[i % PHRASES.length];
  return `${text.slice(0, length - 1)}。`;
}

/** About TARGET_CHARS characters: sections of a 一级 heading, 二级 and 三级 run-in headings, body text, and a table every few sections. */
export function largeBody(): BodySeedBlock[] {
  const blocks: BodySeedBlock[] = [];
  let chars = 0;
  for (let section = 1; chars < TARGET_CHARS; section += 1) {
    const push = (block: BodySeedBlock, length: number) => { blocks.push(block); chars += length; };
    const h1 = `${formatLevelNumber(1, section)}重点工作推进情况`;
    push({ type: 'paragraph', level: 1, text: h1 }, h1.length);
    for (let sub = 1; sub <= 3; sub += 1) {
      const h2 = `${formatLevelNumber(2, sub)}项目建设。${paragraphText(section + sub, 120)}`;
      push({ type: 'paragraph', level: 2, text: h2 }, h2.length);
      for (let p = 0; p < 3; p += 1) push({ type: 'paragraph', text: paragraphText(section * 7 + p, 160) }, 160);
      const h3 = `${formatLevelNumber(3, sub)}工作措施。${paragraphText(section + p3(sub), 60)}`;
      push({ type: 'paragraph', level: 3, text: h3 }, h3.length);
    }
    if (section % 3 === 0) {
      const rows = Array.from({ length: 6 }, (_, r) => ['项目名称', `第${r + 1}项重点项目`, `${(r + 1) * 12.5}亿元`, '按计划推进'].map((t) => [[{ text: t }]]));
      push({ type: 'table', rows }, 6 * 24);
    }
  }
  return blocks;
}
const p3 = (n: number) => n * 3;

/** The docx library alone: the same texts as plain paragraphs and tables, default styles, packed. */
function baselineDocument(blocks: readonly BodyBlock[]): Document {
  const children = blocks.flatMap((block): Array<Paragraph | Table> => {
    if (block.type === 'paragraph') return [new Paragraph({ children: [new TextRun(runsText(block.runs))] })];
    if (block.type === 'list') return block.items.map((item) => new Paragraph({ children: [new TextRun(runsText(item.runs))] }));
    return [new Table({
      rows: block.rows.map((row) => new TableRow({
        children: row.map((cell) => new TableCell({ children: cell.map((runs) => new Paragraph({ children: [new TextRun(runsText(runs))] })) })),
      })),
    })];
  });
  return new Document({ sections: [{ children }] });
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface DocxBenchResult {
  name: string;
  figures: Array<[string, string]>;
  goals: Array<{ goal: string; measured: string; pass: boolean }>;
}

export async function benchDocxExport(): Promise<DocxBenchResult> {
  const sample = parseSample('notice-official.md');
  const seeded = largeBody();
  const readStart = performance.now();
  const { json, text } = readBody(encodeSeedBody(seeded));
  const readMs = performance.now() - readStart;
  const blocks = bodyBlocksFromLexical(json);
  const characters = [...text.replace(/\s/g, '')].length;
  const pages = officialLayout({ title: sample.title, properties: sample.properties, blocks }).currentPage;
  const input = { kind: 'official', title: sample.title, properties: sample.properties, body: json, final: false } as const;

  const exportOnce = async () => { const t = performance.now(); const bytes = await exportDocx(input); return { ms: performance.now() - t, size: bytes.length }; };
  const baselineOnce = async () => { const t = performance.now(); const bytes = await Packer.pack(baselineDocument(blocks), 'uint8array'); return { ms: performance.now() - t, size: bytes.length }; };
  await exportOnce();
  await baselineOnce();
  const exports: number[] = [];
  const baselines: number[] = [];
  let exportSize = 0;
  let baselineSize = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const e = await exportOnce();
    const b = await baselineOnce();
    exports.push(e.ms);
    baselines.push(b.ms);
    exportSize = e.size;
    baselineSize = b.size;
  }
  const exportMs = median(exports);
  const baselineMs = median(baselines);
  const ratio = exportMs / baselineMs;

  // After an edit: a state the reading cache has not seen, read and exported, against the Yjs peer.
  const live = new Y.Doc();
  Y.applyUpdate(live, encodeSeedBody(seeded));
  const edited = (i: number): Uint8Array => {
    live.get(BODY_ROOT, Y.XmlText).insert(0, String(i % 10));
    return Y.encodeStateAsUpdate(live);
  };
  const afterEdits: number[] = [];
  const peers: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    let t = performance.now();
    const read = readBody(edited(i));
    await exportDocx({ ...input, body: read.json });
    afterEdits.push(performance.now() - t);
    t = performance.now();
    const peerDoc = new Y.Doc();
    Y.applyUpdate(peerDoc, edited(i));
    void peerDoc.get(BODY_ROOT, Y.XmlText).toString();
    await Packer.pack(baselineDocument(blocks), 'uint8array');
    peers.push(performance.now() - t);
  }
  const afterEditMs = median(afterEdits);
  const peerMs = median(peers);
  return {
    name: 'docxExport',
    figures: [
      ['body', `${characters} characters, ${blocks.length} blocks (${blocks.filter((b) => b.type === 'table').length} tables), ≈ ${pages} pages (estimate)`],
      ['readBody (Y.Doc → Lexical JSON, once)', `${readMs.toFixed(0)} ms`],
      ['export, median of 15', `${exportMs.toFixed(0)} ms (min ${Math.min(...exports).toFixed(0)}, max ${Math.max(...exports).toFixed(0)}), ${(exportSize / 1024).toFixed(0)} KB`],
      ['docx alone, median of 15', `${baselineMs.toFixed(0)} ms (min ${Math.min(...baselines).toFixed(0)}, max ${Math.max(...baselines).toFixed(0)}), ${(baselineSize / 1024).toFixed(0)} KB`],
      ['ratio export / docx alone', `${ratio.toFixed(2)}×`],
      ['after an edit: read + export, median of 5', `${afterEditMs.toFixed(0)} ms`],
      ['after an edit: Yjs read + docx alone (peer)', `${peerMs.toFixed(0)} ms`],
      ['ratio after an edit / peer', `${(afterEditMs / peerMs).toFixed(2)}×`],
    ],
    goals: [
      { goal: `export ≤ ${GOAL_MS} ms`, measured: `${exportMs.toFixed(0)} ms`, pass: exportMs <= GOAL_MS },
      { goal: `export ≤ ${GOAL_RATIO}× docx alone`, measured: `${ratio.toFixed(2)}×`, pass: ratio <= GOAL_RATIO },
      { goal: `after an edit: read + export ≤ ${GOAL_MS} ms`, measured: `${afterEditMs.toFixed(0)} ms`, pass: afterEditMs <= GOAL_MS },
      { goal: '≈ 100 pages, ≈ 60,000 characters', measured: `${pages} pages, ${characters} characters`, pass: pages >= 95 && characters >= 55_000 },
    ],
  };
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const result = await benchDocxExport();
  console.log(`\n== ${result.name} ==`);
  for (const [label, value] of result.figures) console.log(`  ${label.padEnd(40)}  ${value}`);
  for (const goal of result.goals) console.log(`  ${goal.pass ? 'PASS  ' : 'MISSED'}  ${goal.goal}  (measured ${goal.measured})`);
}
