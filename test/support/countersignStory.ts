/**
 * A 会签 whose holders all approve at the same moment: whatever the store, exactly one approval ends
 * the step and the piece moves on once (used on SQLite and on PostgreSQL).
 */
import { expect } from 'vitest';
import type { TestOffice } from './office';
import type { HistoryEntry, WorkflowStatus } from '../../src/shared/review';

/** The chain the story runs on: 核稿 → 会签 → 签发. */
export const COUNTERSIGN_CHAIN = { draftName: '拟稿', checkpoints: [
  { key: 'check', name: '核稿', role: 'reviewer' },
  { key: 'joint', name: '会签', role: 'reviewer', countersign: true },
  { key: 'sign', name: '签发', role: 'signer' },
] };

/** Runs the story in `office` (chain set, `holders` created as reviewers) and checks it. */
/** What a transition request answers: the refusal, or the new state and holders. */
export type TransitionReply = { error?: { message: string }; state?: string; holderIds?: string[] };

/** `POST /api/documents/:id/transitions` as `username` of `office`, the reply as it came (no throw on a refusal). */
export function transitionAs(office: () => TestOffice) {
  return (username: string, id: string, body: Record<string, unknown>) =>
    office().as(username).request<TransitionReply>('POST', `/api/documents/${id}/transitions`, body);
}

export async function approveAllAtOnce(office: TestOffice, holders: string[]): Promise<void> {
  const { id } = await office.as('writer').ok<{ id: string }>('POST', '/api/documents', {
    title: '关于同时会签的通知', kind: 'official', blocks: [{ type: 'paragraph', text: '现将有关事项通知如下。' }],
  });
  await office.as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: office.idOf('reviewer') });
  await office.as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeIds: holders.map(office.idOf) });
  const answers = await Promise.all(holders.map((h) => office.as(h).request('POST', `/api/documents/${id}/transitions`, {
    action: 'approve', opinion: `${h} 同意`, assigneeId: office.idOf('signer'),
  })));
  expect(answers.map((a) => a.status)).toEqual(holders.map(() => 200));
  const status = await office.as('signer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
  expect(status).toMatchObject({ state: 'review', checkpoint: { name: '签发' }, assignee: { id: office.idOf('signer') }, holders: [] });
  const { entries } = await office.as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
  const joint = entries.filter((e) => e.checkpoint === '会签');
  expect(joint.map((e) => e.opinion).sort()).toEqual(holders.map((h) => `${h} 同意`).sort());
  expect(joint.filter((e) => e.assigneeId === office.idOf('signer'))).toHaveLength(1);
}
