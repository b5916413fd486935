/**
 * Regression for issue 11, defect 4: the approval hash must cover everything the export prints. A
 * property over random mutations of a real body (every node the editor makes): whenever the
 * exported document.xml differs, the canonical text (what the hash is taken of) differs too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { SerializedEditorState } from 'lexical';
import { $richBody, bodyJson } from '../body/testing';
import { exportDocx } from '../docx/docxExporter';
import { canonicalText, type CanonicalInput, type CanonicalVersion } from './canonical';

type Json = Record<string, unknown>;
type Piece = Omit<CanonicalInput, 'body'> & { body: Json };

/** mulberry32: the same cases on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A deep copy of JSON data as a record, detached from the original (mutations must not reach it). */
function jsonCopy(value: unknown): Json {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  if (!isJson(copy)) throw new Error('expected a JSON object');
  return copy;
}
/** Whether mutated JSON still has Lexical's serialized shape: a root with children. */
const isEditorState = (value: unknown): value is SerializedEditorState =>
  isJson(value) && isJson(value.root) && Array.isArray(value.root.children);
const kids = (node: Json): Json[] => (Array.isArray(node.children) ? node.children.filter(isJson) : []);

/** Every node under the root with its parent, in document order. */
function nodes(root: Json): Array<{ node: Json; parent: Json }> {
  const out: Array<{ node: Json; parent: Json }> = [];
  const walk = (parent: Json): void => {
    for (const node of kids(parent)) {
      out.push({ node, parent });
      walk(node);
    }
  };
  walk(root);
  return out;
}

const PARAGRAPH = 'desk-paragraph';
const text = (value: string, format = 0): Json => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 });
const paragraph = (children: Json[]): Json => ({
  type: PARAGRAPH, level: 0, format: '', indent: 0, direction: null, textFormat: 0, textStyle: '', version: 1, children,
});
const listOf = (listType: string, items: Json[]): Json => ({ type: 'list', listType, start: 1, tag: 'ul', indent: 0, direction: null, format: '', version: 1, children: items });
const itemOf = (children: Json[]): Json => ({ type: 'listitem', value: 1, indent: 0, direction: null, format: '', version: 1, children });
const cellOf = (children: Json[]): Json => ({ type: 'tablecell', colSpan: 1, rowSpan: 1, headerState: 0, backgroundColor: null, indent: 0, direction: null, format: '', version: 1, children });

const CHARS = '甲乙丙。，A1 、';
const ALIGNS = ['', 'left', 'center', 'right', 'justify', 'start', 'end'];
const LIST_TYPES = ['bullet', 'number', 'check'];
/** Every Lexical text format bit, printed or not. */
const BITS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/** The next bit to toggle: every bit comes up in turn. */
let bitTurn = 0;

interface Mutation { name: string; apply(piece: Piece, rand: () => number): boolean }

function pick<T>(items: readonly T[], rand: () => number): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(rand() * items.length)];
}

const where = (piece: Piece, test: (node: Json, parent: Json) => boolean) =>
  nodes(isJson(piece.body.root) ? piece.body.root : {}).filter(({ node, parent }) => test(node, parent));

const MUTATIONS: Mutation[] = [
  { name: 'change a character', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === 'text' && typeof n.text === 'string' && n.text !== ''), rand);
    if (!found || typeof found.node.text !== 'string') return false;
    const i = Math.floor(rand() * found.node.text.length);
    found.node.text = found.node.text.slice(0, i) + (pick([...CHARS], rand) ?? '') + found.node.text.slice(i + 1);
    return true;
  } },
  { name: 'toggle a format bit', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === 'text' || n.type === 'tab'), rand);
    if (!found) return false;
    found.node.format = (typeof found.node.format === 'number' ? found.node.format : 0) ^ BITS[bitTurn++ % BITS.length];
    return true;
  } },
  { name: 'set a structure level', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === PARAGRAPH), rand);
    if (!found) return false;
    found.node.level = Math.floor(rand() * 5);
    return true;
  } },
  { name: 'set an alignment', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === PARAGRAPH || n.type === 'listitem'), rand);
    if (!found) return false;
    found.node.format = pick(ALIGNS, rand);
    return true;
  } },
  { name: 'set an indent', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === PARAGRAPH), rand);
    if (!found) return false;
    found.node.indent = Math.floor(rand() * 3);
    return true;
  } },
  { name: 'split a text node', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === 'text' && typeof n.text === 'string' && n.text.length > 1), rand);
    if (!found || typeof found.node.text !== 'string' || !Array.isArray(found.parent.children)) return false;
    const at = 1 + Math.floor(rand() * (found.node.text.length - 1));
    const index = found.parent.children.indexOf(found.node);
    found.parent.children.splice(index + 1, 0, { ...found.node, text: found.node.text.slice(at) });
    found.node.text = found.node.text.slice(0, at);
    return true;
  } },
  { name: 'insert a line break, a tab or an empty text', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === PARAGRAPH || n.type === 'listitem'), rand);
    if (!found || !Array.isArray(found.node.children)) return false;
    const inserted = pick([{ type: 'linebreak', version: 1 }, { type: 'tab', text: '\t', format: 0, detail: 2, mode: 'normal', style: '', version: 1 }, text('')], rand);
    found.node.children.splice(Math.floor(rand() * (found.node.children.length + 1)), 0, inserted);
    return true;
  } },
  { name: 'remove an inline node', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === 'text' || n.type === 'linebreak' || n.type === 'tab'), rand);
    if (!found || !Array.isArray(found.parent.children)) return false;
    found.parent.children.splice(found.parent.children.indexOf(found.node), 1);
    return true;
  } },
  { name: 'split a cell paragraph in two', apply(piece, rand) {
    const found = pick(where(piece, (n, parent) => parent.type === 'tablecell' && kids(n).length > 0), rand);
    if (!found || !Array.isArray(found.parent.children) || !Array.isArray(found.node.children)) return false;
    const children = found.node.children;
    const at = Math.floor(rand() * (children.length + 1));
    found.parent.children.splice(found.parent.children.indexOf(found.node) + 1, 0, paragraph(children.splice(at)));
    return true;
  } },
  { name: 'merge two cell paragraphs', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === 'tablecell' && kids(n).length > 1), rand);
    if (!found || !Array.isArray(found.node.children)) return false;
    const [first, second] = found.node.children.splice(0, 2).filter(isJson);
    found.node.children.unshift(paragraph([...kids(first), ...kids(second)]));
    return true;
  } },
  { name: 'nest a list item one level deeper', apply(piece, rand) {
    const found = pick(where(piece, (n, parent) => n.type === 'listitem' && parent.type === 'list' && !kids(n).some((c) => c.type === 'list')), rand);
    if (!found || !Array.isArray(found.parent.children)) return false;
    const index = found.parent.children.indexOf(found.node);
    found.parent.children[index] = itemOf([listOf(String(found.parent.listType), [found.node])]);
    return true;
  } },
  { name: 'change a list kind', apply(piece, rand) {
    const found = pick(where(piece, (n) => n.type === 'list'), rand);
    if (!found) return false;
    found.node.listType = pick(LIST_TYPES, rand);
    return true;
  } },
  { name: 'change a table shape', apply(piece, rand) {
    const rows = where(piece, (n) => n.type === 'tablerow');
    const found = pick(rows, rand);
    if (!found || !Array.isArray(found.node.children) || !Array.isArray(found.parent.children)) return false;
    const choice = Math.floor(rand() * 3);
    if (choice === 0) found.node.children.push(cellOf([paragraph([])]));
    else if (choice === 1 && found.node.children.length > 1) found.node.children.pop();
    else found.parent.children.push({ ...found.node, children: [cellOf([paragraph([text('新')])])] });
    return true;
  } },
  { name: 'change the title, a property or the kind', apply(piece, rand) {
    const choice = Math.floor(rand() * 4);
    if (choice === 0) piece.title = `${piece.title}${pick([...CHARS], rand) ?? ''}`;
    else if (choice === 1) piece.properties = { ...piece.properties, 期号: `第${Math.floor(rand() * 90)}期` };
    else if (choice === 2) piece.properties = { ...piece.properties, 主送机关: pick([['甲', '乙'], ['甲', '', '乙'], ['甲 ', '乙'], []], rand) ?? [] };
    else piece.kind = pick(['official', 'info', 'comprehensive'], rand) ?? 'official';
    return true;
  } },
];

const base: Piece = {
  title: '关于进一步规范政务信息报送工作的通知', kind: 'official',
  properties: { 发文字号: '沂新办发〔2023〕12号', 主送机关: ['各部门'], 期号: '第45期' },
  body: jsonCopy(bodyJson($richBody)),
};

async function documentXml(piece: Piece): Promise<string> {
  const bytes = await exportDocx({ ...piece, body: piece.body, final: true });
  return strFromU8(unzipSync(bytes)['word/document.xml']);
}

function textOf(piece: Piece, version: CanonicalVersion): string {
  // The mutated JSON keeps Lexical's serialized shape: the reader takes it as it is.
  const { body } = piece;
  if (!isEditorState(body)) throw new Error('a mutation removed the root');
  return canonicalText({ ...piece, body }, version);
}

interface Case { mutations: string[]; piece: Piece }

/** Cases the same on every run: each mutation in turn, a third of them followed by a random second one. */
function cases(count: number): Case[] {
  const rand = random(20261127);
  const out: Case[] = [];
  for (let turn = 0; out.length < count; turn += 1) {
    const piece: Piece = structuredClone(base);
    const steps = [MUTATIONS[turn % MUTATIONS.length], ...(rand() < 1 / 3 ? [pick(MUTATIONS, rand) ?? MUTATIONS[0]] : [])];
    const applied = steps.filter((mutation) => mutation.apply(piece, rand)).map((mutation) => mutation.name);
    if (applied.length > 0) out.push({ mutations: applied, piece });
  }
  return out;
}

/** The cases whose export prints differently from the base body while the canonical text stays the same. */
async function missed(version: CanonicalVersion, all: readonly Case[], printed: ReadonlyMap<Case, boolean>): Promise<string[]> {
  const baseText = textOf(base, version);
  return all.filter((c) => printed.get(c) && textOf(c.piece, version) === baseText).map((c) => c.mutations.join(' + '));
}

describe('the approval hash covers everything the export prints', () => {
  const all = cases(MUTATIONS.length * 12);
  const printed = new Map<Case, boolean>();

  beforeAll(async () => {
    const baseXml = await documentXml(base);
    for (const c of all) printed.set(c, (await documentXml(c.piece)) !== baseXml);
  }, 120_000);

  it('exports the same body to the same document.xml, and most cases print differently', async () => {
    expect(await documentXml(base)).toBe(await documentXml(structuredClone(base)));
    // The property below is only as good as the differences the cases make.
    expect([...printed.values()].filter(Boolean).length).toBeGreaterThan(all.length / 2);
    for (const m of MUTATIONS.filter((m) => !/indent/.test(m.name))) {
      expect(all.some((c) => c.mutations.includes(m.name) && printed.get(c)), m.name).toBe(true);
    }
  });

  it('version 2: every printed difference changes the canonical text', async () => {
    expect(await missed(2, all, printed)).toEqual([]);
  });

  it('version 1 (frozen) misses printed differences: why version 2 exists', async () => {
    const gaps = await missed(1, all, printed);
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of ['split a cell paragraph in two', 'merge two cell paragraphs', 'set an alignment', 'toggle a format bit']) {
      expect(gaps.some((g) => g.includes(gap)), gap).toBe(true);
    }
  });
});
