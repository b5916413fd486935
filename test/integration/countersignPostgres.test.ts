/** 会签 on PostgreSQL: migrations 0008 and 0011 there, three holders approving at the same moment, and holders from departments. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, ADMIN_PASSWORD, startDeskServer, type RunningServer } from '../support/server';
import { TestOffice } from '../support/office';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { approveAllAtOnce, COUNTERSIGN_CHAIN } from '../support/countersignStory';
import { existsSync } from 'node:fs';
import type { WorkflowStatus } from '../../src/shared/review';

let postgres: TestPostgres | null = null;
let server: RunningServer | undefined;
let office: TestOffice;

beforeAll(async () => {
  postgres = await startPostgres();
  if (!postgres) return;
  server = await startDeskServer({ env: { WENGAO_DATABASE_URL: await postgres.createDatabase() } });
  office = new TestOffice(server, await new ApiClient(server.url).login('admin', ADMIN_PASSWORD));
  await office.staff();
  for (const name of ['finance', 'planning', 'justice']) await office.person(name, name, ['reviewer']);
  await office.admin.ok('PUT', '/api/chains/official', COUNTERSIGN_CHAIN);
}, 120_000);

afterAll(async () => {
  office?.close();
  await server?.dispose();
  await postgres?.stop();
});

// As postgres.test.ts: skipped where Debian's PostgreSQL is absent, except in CI.
describe.skipIf(!existsSync('/usr/lib/postgresql') && !process.env.CI)('会签 on PostgreSQL', () => {
  it('ends the step once when every holder approves at the same moment', async () => {
    await approveAllAtOnce(office, ['finance', 'planning', 'justice']);
  });

  it('keeps each user\'s 部门 and the department each 会签 holder was named for', async () => {
    for (const [who, department] of [['finance', '财务科'], ['planning', '规划科']]) await office.admin.ok('PATCH', `/api/users/${office.idOf(who)}`, { department });
    await office.admin.ok('PUT', '/api/chains/research', { draftName: '起草', checkpoints: [
      { key: 'check', name: '核稿', role: 'reviewer' },
      { key: 'joint', name: '部门会签', role: 'reviewer', countersign: true, holdersFrom: 'departments', departments: ['财务科', '规划科'] },
      { key: 'sign', name: '签发', role: 'signer' },
    ] });
    const { id } = await office.as('writer').ok<{ id: string }>('POST', '/api/documents', { title: '调研报告', kind: 'research', blocks: [] });
    await office.as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: office.idOf('reviewer') });
    await office.as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeIds: [office.idOf('finance'), office.idOf('planning')] });
    const status = await office.as('finance').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(status.holders?.map((h) => h.department)).toEqual(['财务科', '规划科']);
  });
});
