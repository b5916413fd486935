/**
 * The desk server side of a benchmark: the real server as a child process (test/support/server.ts),
 * two writers, and a document both may edit.
 */
import { createWriters, startDeskServer, type ApiClient, type RunningServer } from '../../support/server';
import type { SeedBlock } from '../../../src/shared/api';

export interface DeskFixture {
  server: RunningServer;
  alice: ApiClient;
  bob: ApiClient;
  /** Creates a document owned by alice, shared with bob, seeded with `blocks`; returns its id. */
  sharedDocument(title: string, blocks?: SeedBlock[]): Promise<string>;
}

/** Starts the desk server (with extra environment `env`, e.g. NODE_OPTIONS for a profile) and two writers. */
export async function startDeskFixture(env?: Record<string, string>): Promise<DeskFixture> {
  const server = await startDeskServer({ env });
  try {
    const { writers: [alice, bob], ids: [, bobId] } = await createWriters(server, 'alice', 'bob');
    return {
      server,
      alice,
      bob,
      sharedDocument: async (title, blocks = []) => {
        const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', { title, kind: 'research', blocks });
        await alice.ok('POST', `/api/documents/${id}/collaborators`, { userId: bobId });
        return id;
      },
    };
  } catch (error) {
    await server.dispose();
    throw error;
  }
}
