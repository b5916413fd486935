/**
 * Templates, office defaults, 一稿多用 and 约稿 on PostgreSQL: migration 0009 and the queries of its
 * stores (the template-document exclusion, the 约稿 joins, the missed sweep) on the other dialect.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';
import { startPostgres, type TestPostgres } from '../support/postgres';
import type { DocumentDetail, DocumentSummary } from '../../src/shared/api';
import type { CommissionSummary, CommissionYear, Lineage, TemplateSummary } from '../../src/shared/templates';
import type { Outlet } from '../../src/shared/ledger';

let postgres: TestPostgres | null = null;
let server: RunningServer;
let admin: ApiClient;
let alice: ApiClient;
let aliceId: string;

beforeAll(async () => {
  postgres = await startPostgres();
  if (!postgres) return;
  server = await startDeskServer({ env: { WENGAO_DATABASE_URL: await postgres.createDatabase() } });
  const made = await createWriters(server, 'alice');
  ({ admin } = made);
  [alice] = made.writers;
  [aliceId] = made.ids;
}, 120_000);

afterAll(async () => {
  await server?.dispose();
  await postgres?.stop();
});

describe.skipIf(!existsSync('/usr/lib/postgresql') && !process.env.CI)('templates and 约稿 on PostgreSQL', () => {
  it('starts a piece from an edited template with the defaults, and keeps the template out of the list', async () => {
    await admin.ok('PUT', '/api/office-defaults/info', { properties: { 刊名: '沂河新区政务信息' } });
    const template = await admin.ok<TemplateSummary>('POST', '/api/templates/info-special/edit');
    const piece = await alice.ok<DocumentDetail>('POST', '/api/documents', { title: '专报', kind: 'info', template: 'info-special' });
    expect(piece.properties).toEqual({ 刊名: '沂河新区政务信息' });
    const listed = await admin.ok<{ documents: DocumentSummary[] }>('GET', '/api/documents');
    expect(listed.documents.map((d) => d.id)).toContain(piece.id);
    expect(listed.documents.map((d) => d.id)).not.toContain(template.documentId);
  });

  it('derives a piece with its lineage', async () => {
    const report = await alice.ok<DocumentDetail>('POST', '/api/documents', { title: '调研报告', kind: 'research', blocks: [{ type: 'paragraph', text: '正文' }] });
    const info = await alice.ok<DocumentDetail>('POST', `/api/documents/${report.id}/derive`, { kind: 'info' });
    const lineage = await alice.ok<Lineage>('GET', `/api/documents/${report.id}/lineage`);
    expect(lineage.derivatives.map((d) => d.id)).toEqual([info.id]);
    expect((await alice.ok<{ research: unknown[] }>('GET', '/api/lineage/research?year=2023')).research).toHaveLength(1);
  });

  it('records a missed 约稿 once and counts it', async () => {
    const outlet = (await admin.ok<{ outlets: Outlet[] }>('GET', '/api/outlets')).outlets[0];
    await admin.ok('POST', '/api/commissions', { outletId: outlet.id, topic: '过期约稿', kind: 'info', deadline: '2023-03-01', assigneeId: aliceId });
    const mine = await alice.ok<{ commissions: CommissionSummary[] }>('GET', '/api/commissions?mine=1');
    expect(mine.commissions).toMatchObject([{ topic: '过期约稿', status: 'missed', assigneeName: 'alice' }]);
    const summary = await admin.ok<CommissionYear>('GET', '/api/commissions/summary?year=2023');
    expect(summary).toMatchObject({ total: 1, missed: 1 });
    const { submissions } = await admin.ok<{ submissions: Array<{ title: string }> }>('GET', '/api/submissions?year=2023');
    expect(submissions.filter((s) => s.title === '约稿：过期约稿')).toHaveLength(1);
  });
});
