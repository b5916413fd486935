/** 会签 on PostgreSQL: migration 0008 there, and three holders approving at the same moment. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ApiClient, ADMIN_PASSWORD, startDeskServer, type RunningServer } from '../support/server';
import { TestOffice } from '../support/office';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { approveAllAtOnce, COUNTERSIGN_CHAIN } from '../support/countersignStory';
import { existsSync } from 'node:fs';

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
});
