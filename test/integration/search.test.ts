/**
 * Search inside pieces (`GET /api/search`) on both databases: SQLite (FTS5 trigram) and PostgreSQL
 * (pg_trgm), through the real server: words inside a body, a word split by formatting, two-character
 * and one-character queries, the filters, access, and the index following an edit.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $createTextNode, $getRoot } from 'lexical';
import { ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';
import { connectClient, type CollabClient } from '../support/collabClient';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { $createDeskParagraphNode } from '../../src/core/editor/DeskParagraphNode';
import type { SearchAnswer } from '../../src/shared/search';

const marked = (m: { text: string; marks: Array<[number, number]> } | null): string | null =>
  m && m.marks.reduceRight((text, [a, b]) => `${text.slice(0, a)}【${text.slice(a, b)}】${text.slice(b)}`, m.text);

const BODY = [
  { type: 'paragraph' as const, text: '一、基本情况' },
  { type: 'paragraph' as const, text: '今年以来，我区坚持项目为王。全年新签约招商引资项目42个，总投资超百亿元。下一步将继续优化营商环境' },
];

for (const database of ['sqlite', 'postgres'] as const) {
  // PostgreSQL comes from Debian's package (.ci/run installs it): skipped only on a developer machine without it.
  const skip = database === 'postgres' && !existsSync('/usr/lib/postgresql') && !process.env.CI;
  describe.skipIf(skip)(`search on ${database}`, () => {
    let postgres: TestPostgres | null = null;
    let server: RunningServer;
    let admin: ApiClient;
    let alice: ApiClient;
    let bob: ApiClient;
    let ids: string[];
    const clients: CollabClient[] = [];

    beforeAll(async () => {
      if (database === 'postgres') {
        postgres = await startPostgres();
        if (!postgres) throw new Error('PostgreSQL is not installed');
      }
      server = await startDeskServer(postgres ? { env: { WENGAO_DATABASE_URL: await postgres.createDatabase() } } : {});
      ({ admin, writers: [alice, bob], ids } = await createWriters(server, 'alice', 'bob'));
    }, 120_000);

    afterAll(async () => {
      for (const c of clients) c.destroy();
      await server?.dispose();
      await postgres?.stop();
    });

    const search = (who: ApiClient, params: Record<string, string>) =>
      who.ok<SearchAnswer>('GET', `/api/search?${new URLSearchParams(params).toString()}`);
    /** Waits until the search finds the piece (the index reads a body once it is quiet for 2 s). */
    const found = async (who: ApiClient, q: string, id: string): Promise<SearchAnswer> => {
      let answer = await search(who, { q });
      for (let i = 0; i < 60 && !answer.results.some((r) => r.id === id); i++) {
        await new Promise((r) => setTimeout(r, 250));
        answer = await search(who, { q });
      }
      return answer;
    };

    it('finds a Chinese word inside a body and shows its sentence marked', async () => {
      const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '全区经济运行情况', kind: 'info', blocks: BODY });
      await alice.ok('POST', '/api/documents', { title: '无关的稿子', kind: 'info', blocks: [{ type: 'paragraph', text: '社区志愿服务。' }] });
      const answer = await found(alice, '招商引资', id);
      expect(answer.results.map((r) => r.id)).toEqual([id]);
      expect(marked(answer.results[0].sentence)).toBe('全年新签约【招商引资】项目42个，总投资超百亿元。');
      expect(answer.note).toBeNull();
      // Two characters: below the trigram's three, still found in the body, also at its very end.
      expect(marked((await search(alice, { q: '招商' })).results[0]?.sentence ?? null)).toBe('全年新签约【招商】引资项目42个，总投资超百亿元。');
      expect((await search(alice, { q: '环境' })).results.map((r) => r.id)).toEqual([id]);
      // Two terms: both must be there (one in the title, one in the body).
      expect((await search(alice, { q: '经济 项目为王' })).results.map((r) => r.id)).toEqual([id]);
      expect((await search(alice, { q: '经济 不存在的词' })).results).toEqual([]);
      // One character: titles only, and the answer says so.
      const single = await search(alice, { q: '招' });
      expect(single.results).toEqual([]);
      expect(single.note).toContain('单个字只搜索标题');
      expect((await search(alice, { q: '况' })).results.map((r) => r.id)).toEqual([id]);
      // Literal text: % and _ are not wildcards.
      expect((await search(alice, { q: '%%%' })).results).toEqual([]);
    });

    it('finds a word split across a formatting run boundary', async () => {
      const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title: '格式', kind: 'media' });
      const client = connectClient(server.wsUrl, id, alice.token);
      clients.push(client);
      await client.synced();
      client.editor.update(() => {
        const bold = $createTextNode('深化放');
        bold.toggleFormat('bold');
        $getRoot().append($createDeskParagraphNode().append($createTextNode('持续'), bold, $createTextNode('管服改革，服务企业。')));
      }, { discrete: true });
      await client.acknowledged();
      const answer = await found(alice, '深化放管服', id);
      expect(answer.results.map((r) => r.id)).toEqual([id]);
      expect(marked(answer.results[0].sentence)).toBe('持续【深化放管服】改革，服务企业。');
    });

    it('follows the body as it changes', async () => {
      const { id } = await bob.ok<{ id: string }>('POST', '/api/documents', { title: '跟随修改', kind: 'comprehensive', blocks: [{ type: 'paragraph', text: '初稿内容。' }] });
      expect((await found(bob, '初稿内容', id)).results.map((r) => r.id)).toEqual([id]);
      const client = connectClient(server.wsUrl, id, bob.token);
      clients.push(client);
      await client.synced();
      client.addParagraph('新增一句：数字乡村建设取得新进展。');
      await client.acknowledged();
      const answer = await found(bob, '数字乡村', id);
      expect(answer.results.map((r) => r.id)).toEqual([id]);
      expect(marked(answer.results[0].sentence)).toBe('新增一句：【数字乡村】建设取得新进展。');
    });

    it('respects who may read what, and filters', async () => {
      const { id } = await bob.ok<{ id: string }>('POST', '/api/documents', { title: '内部稿', kind: 'research', blocks: [{ type: 'paragraph', text: '乡村振兴调研发现三个问题。' }] });
      expect((await found(bob, '乡村振兴', id)).results.map((r) => r.id)).toEqual([id]);
      expect((await search(alice, { q: '乡村振兴' })).results).toEqual([]);
      expect((await search(admin, { q: '乡村振兴' })).results.map((r) => r.id)).toEqual([id]);
      await bob.ok('POST', `/api/documents/${id}/collaborators`, { userId: ids[0] });
      expect((await search(alice, { q: '乡村振兴' })).results.map((r) => r.id)).toEqual([id]);
      expect((await search(alice, { q: '乡村振兴', writer: ids[0] })).results.map((r) => r.id)).toEqual([id]);
      expect((await search(admin, { q: '乡村振兴', kind: 'research', state: 'draft' })).results.map((r) => r.id)).toEqual([id]);
      expect((await search(admin, { q: '乡村振兴', kind: 'info' })).results).toEqual([]);
      expect((await search(admin, { q: '乡村振兴', state: 'final' })).results).toEqual([]);
      const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
      expect((await search(admin, { q: '乡村振兴', year: String(year) })).results.map((r) => r.id)).toEqual([id]);
      expect((await search(admin, { q: '乡村振兴', year: String(year - 1) })).results).toEqual([]);
      const refused = await admin.request<{ error: string }>('GET', '/api/search?q=a&state=done');
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('状态只能是');
      await bob.ok('DELETE', `/api/documents/${id}`, {});
      expect((await search(admin, { q: '乡村振兴' })).results).toEqual([]);
    });
  });
}
