/**
 * Word export and import through the real server: the export's headers and structure, the round trip
 * import(export) of body text, levels and table cells, and bad uploads that create nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { exportDocx } from '../../src/core/docx/docxExporter';
import type { BodyBlock } from '../../src/core/body/bodyModel';
import { checkDocx, readDocx } from '../support/docxChecker';
import { parseSample } from '../support/samples';
import { ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';

let server: RunningServer;
let alice: ApiClient;
let bob: ApiClient;

beforeAll(async () => {
  server = await startDeskServer();
  ({ writers: [alice, bob] } = await createWriters(server, 'alice', 'bob'));
});
afterAll(() => server.dispose());

const official = parseSample('notice-official.md');
const bulletin = parseSample('info-bulletin.md');

interface Content { text: string; json: { root: { children: Array<{ type: string; level?: number; children?: unknown[] }> } } }
interface Detail { id: string; title: string; kind: string; properties: Record<string, string | string[]> }

async function download(client: ApiClient, path: string): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
  const response = await fetch(client.baseUrl + path, { headers: { authorization: `Bearer ${client.token}` } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function upload(client: ApiClient, bytes: Uint8Array, name: string, query = ''): Promise<{ status: number; body: { id?: string; error?: { code: string; message: string } } }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${client.baseUrl}/api/import${query}`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  return { status: response.status, body: await response.json() as { id?: string } };
}

async function createSample(client: ApiClient, sample: typeof official): Promise<string> {
  const created = await client.ok<{ id: string }>('POST', '/api/documents', {
    title: sample.title, kind: sample.kind, properties: sample.properties, blocks: sample.paragraphs,
  });
  return created.id;
}

const levels = (content: Content) => content.json.root.children.map((c) => c.level ?? c.type);

describe('export', () => {
  it('sends a draft 公文 as a file named with 草稿 (UTF-8 filename*) that passes the structural checks', async () => {
    const id = await createSample(alice, official);
    const { status, headers, bytes } = await download(alice, `/api/documents/${id}/export.docx`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(`${official.title}（草稿）.docx`);
    const { problems, reading } = await checkDocx(bytes, { layout: 'official' });
    expect(problems).toEqual([]);
    expect(reading.headersText).toEqual(['草稿', '草稿']);
    expect(reading.customProperties).toEqual({});
  });

  it('exports the other layouts on request, and refuses an unknown one and other writers', async () => {
    const id = await createSample(alice, bulletin);
    const info = await download(alice, `/api/documents/${id}/export.docx`);
    expect((await checkDocx(info.bytes, { layout: 'info' })).problems).toEqual([]);
    const manuscript = await download(alice, `/api/documents/${id}/export.docx?layout=manuscript`);
    expect((await checkDocx(manuscript.bytes, { layout: 'manuscript' })).problems).toEqual([]);
    expect((await alice.request('GET', `/api/documents/${id}/export.docx?layout=poster`)).status).toBe(400);
    expect((await bob.request('GET', `/api/documents/${id}/export.docx`)).status).toBe(403);
  });
});

describe('import', () => {
  it('gives back the body text, structure levels and properties of an exported 公文', async () => {
    const id = await createSample(alice, official);
    const original = await alice.ok<Content>('GET', `/api/documents/${id}/content`);
    const { bytes } = await download(alice, `/api/documents/${id}/export.docx`);
    const imported = await upload(alice, bytes, '通知.docx');
    expect(imported.status).toBe(201);
    const copyId = imported.body.id ?? '';
    const detail = await alice.ok<Detail>('GET', `/api/documents/${copyId}`);
    expect(detail).toMatchObject({ title: official.title, kind: 'official' });
    // The title comes back as the title; an empty property (密级: "") prints nothing and comes back as nothing.
    const properties = Object.fromEntries(Object.entries(official.properties).filter(([k, v]) => k !== '标题' && v !== ''));
    expect(detail.properties).toEqual(properties);
    const copy = await alice.ok<Content>('GET', `/api/documents/${copyId}/content`);
    expect(copy.text).toBe(original.text);
    expect(levels(copy)).toEqual(levels(original));
  });

  it('gives back a bulletin’s properties, and tables, lists and formats in a round trip', async () => {
    const table: BodyBlock = { type: 'table', rows: [
      [[[{ text: '项目', format: 0 }]], [[{ text: '投资（亿元）', format: 0 }]]],
      [[[{ text: '重点项目', format: 0 }]], [[{ text: '126.5', format: 1 }]]],
    ] };
    const list: BodyBlock = { type: 'list', ordered: true, items: [{ depth: 0, runs: [{ text: '领导包联', format: 0 }] }, { depth: 0, runs: [{ text: '专班服务', format: 8 }] }] };
    const first = await exportDocx({ kind: 'info', title: bulletin.title, properties: bulletin.properties, body: [...bulletin.blocks, table, list], final: false });
    const a = await upload(alice, first, 'bulletin.docx');
    expect(a.status).toBe(201);
    const detailA = await alice.ok<Detail>('GET', `/api/documents/${a.body.id}`);
    expect(detailA.kind).toBe('info');
    const { 标题: _title, ...properties } = bulletin.properties;
    expect(detailA.properties).toEqual(properties);
    const contentA = await alice.ok<Content>('GET', `/api/documents/${a.body.id}/content`);
    expect(contentA.text).toBe([...bulletin.paragraphs.map((p) => p.text), '项目\t投资（亿元）', '重点项目\t126.5', '领导包联', '专班服务'].join('\n'));
    expect(JSON.stringify(contentA.json)).toContain('"format":1,"mode":"normal","style":"","text":"126.5"');

    const { bytes } = await download(alice, `/api/documents/${a.body.id}/export.docx`);
    const b = await upload(alice, bytes, 'again.docx');
    const contentB = await alice.ok<Content>('GET', `/api/documents/${b.body.id}/content`);
    expect(contentB.text).toBe(contentA.text);
    expect(levels(contentB)).toEqual(levels(contentA));
  });

  it('refuses a renamed .txt, a truncated file, an old .doc and a 60 MB file, and creates nothing', async () => {
    const before = (await alice.ok<{ documents: unknown[] }>('GET', '/api/documents')).documents.length;
    const text = await upload(alice, new TextEncoder().encode('这不是 Word 文档'), '假的.docx');
    expect(text).toEqual({ status: 400, body: { error: { code: 'bad_request', message: '文件不是 Word 文档（.docx），无法导入' } } });

    const good = await exportDocx({ kind: 'official', title: 't', properties: {}, body: official.blocks, final: false });
    const truncated = await upload(alice, good.slice(0, Math.floor(good.length / 2)), '截断.docx');
    expect(truncated).toEqual({ status: 400, body: { error: { code: 'bad_request', message: 'Word 文档已损坏或不完整，无法导入' } } });

    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    const notWord = await upload(alice, await zip.generateAsync({ type: 'uint8array' }), 'zip.docx');
    expect(notWord.status).toBe(400);

    const doc = await upload(alice, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '旧版.doc');
    expect(doc.body.error?.message).toContain('.doc');

    const huge = new Uint8Array(60 * 1024 * 1024);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    const tooLarge = await upload(alice, huge, '大.docx');
    expect(tooLarge).toEqual({ status: 413, body: { error: { code: 'payload_too_large', message: '文件超过 50 MB，无法导入' } } });

    const empty = await fetch(`${alice.baseUrl}/api/import`, { method: 'POST', headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(empty.status).toBe(400);
    expect((await alice.ok<{ documents: unknown[] }>('GET', '/api/documents')).documents.length).toBe(before);
    expect((await new ApiClient(server.url).request('POST', '/api/import')).status).toBe(401);
  });

  it('reads a Word file written by someone else: heading styles, numbered headings, formats', async () => {
    const bytes = await exportDocx({
      kind: 'research', title: '关于重点项目的调研报告', properties: { 署名: '王明', 日期: '2023年8月1日' }, final: true,
      body: [
        { type: 'paragraph', level: 1, runs: [{ text: '一、基本情况', format: 0 }], align: '' },
        { type: 'paragraph', level: 0, runs: [{ text: '全区', format: 0 }, { text: '68个', format: 1 }, { text: '项目。', format: 2 }], align: '' },
      ],
    });
    const result = await upload(alice, bytes, 'report.docx', '?kind=research');
    const detail = await alice.ok<Detail>('GET', `/api/documents/${result.body.id}`);
    expect(detail).toMatchObject({ kind: 'research', title: '关于重点项目的调研报告', properties: { 署名: '王明', 日期: '2023年8月1日' } });
    const reading = await readDocx(bytes);
    expect(reading.paragraphs.some((p) => p.text === '全区68个项目。')).toBe(true);
    const content = await alice.ok<Content>('GET', `/api/documents/${result.body.id}/content`);
    expect(content.text).toBe('一、基本情况\n全区68个项目。');
    expect(levels(content)).toEqual([1, 0]);
  });
});
