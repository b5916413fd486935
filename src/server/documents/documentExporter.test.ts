import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/api';
import type { DocumentRow } from '../db/schema';
import type { BodyStore } from '../collab/bodyStore';
import { DocumentExporter, type DocumentExporterDeps } from './documentExporter';

const user: User = { id: 'writer', username: 'writer', displayName: '王撰稿', roles: ['writer'], disabled: false };
const row: DocumentRow = {
  id: 'd1', title: '关于做好年终工作的通知', kind: 'official', owner_id: 'writer', state: 'final', properties: '{}',
  created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', deleted_at: null, revision: 1,
  checkpoint_index: null, assignee_id: null, chain: null, finalized_by: 'signer', source_document_id: null,
};
const access = { canRead: true, canEdit: false, canManage: true, canComment: false, canStartThreads: false, canResolveThreads: false, canReadComments: true };
/** The reading of the piece now: what its signature vouched for, in the current canonical version. */
const signed = { canonicalText: '{}', hash: `v2:${'a'.repeat(64)}`, v1Hash: 'b'.repeat(64) };

/** A store, bodies and pool that count what the export reads. */
function harness(piece: DocumentRow, approvalHash: string | null) {
  const reads = { rows: 0, snapshots: 0, states: 0, exported: [] as Array<{ state: Uint8Array; approval: unknown; revisions?: boolean }> };
  const state = new Uint8Array([1, 2, 3]);
  const bodies = {
    canonical: async () => { reads.snapshots++; return { state, ...signed }; },
    currentState: async () => { reads.states++; return state; },
  };
  const deps: DocumentExporterDeps = {
    documents: { load: async () => { reads.rows++; return { row: piece, collaboratorIds: [], access }; } },
    // Only the two methods the export calls exist on this fake.
    bodies: bodies as unknown as BodyStore,
    work: { run: async (_task, input) => { reads.exported.push({ state: input.state, approval: input.approval, revisions: input.revisions }); return new Uint8Array([9]); } },
    audit: async () => {},
    approvals: { finalApproval: async () => (approvalHash === null ? null : { contentHash: approvalHash, signerName: '张主任', signedAt: '2026-01-02T00:00:00.000Z' }) },
  };
  return { exporter: new DocumentExporter(deps), reads, state };
}

describe('DocumentExporter', () => {
  it('loads a signed 定稿 once and writes the very snapshot it compared with the approval', async () => {
    const { exporter, reads, state } = harness(row, signed.hash);
    const file = await exporter.export(user, row.id);
    expect(file.fileName).toMatch(/\.docx$/);
    expect(reads).toMatchObject({ rows: 1, snapshots: 1, states: 0 });
    expect(reads.exported[0].state).toBe(state);
    expect(reads.exported[0].approval).toMatchObject({ contentHash: signed.hash });
  });

  it('refuses a 定稿 whose content is no longer what its approval vouched for', async () => {
    const { exporter, reads } = harness(row, `v2:${'0'.repeat(64)}`);
    await expect(exporter.export(user, row.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(reads.exported).toHaveLength(0);
  });

  it('exports a draft from its current state, with no approval and no snapshot', async () => {
    const { exporter, reads } = harness({ ...row, state: 'draft', finalized_by: null }, null);
    await exporter.export(user, row.id);
    expect(reads).toMatchObject({ rows: 1, snapshots: 0, states: 1 });
    expect(reads.exported[0].approval).toBeNull();
  });

  it('passes the choice of Word revisions for a draft, and never for a 定稿', async () => {
    const draft = harness({ ...row, state: 'draft', finalized_by: null }, null);
    await draft.exporter.export(user, row.id, { revisions: true });
    await draft.exporter.export(user, row.id);
    expect(draft.reads.exported.map((e) => e.revisions)).toEqual([true, false]);
    const final = harness(row, signed.hash);
    await final.exporter.export(user, row.id, { revisions: true });
    expect(final.reads.exported[0].revisions).toBe(false);
  });
});
