import type { User } from '../../shared/api';
import { ACTION_NAMES, WORKFLOW_ACTIONS, decideTransition, type CheckpointChain, type StepHolder } from '../../core/domain/workflow';
import type { HistoryEntry, TransitionRequestBody, TransitionResponse, WorkflowStatus } from '../../shared/review';
import type { DocumentRow } from '../db/schema';
import type { Transactor } from '../db/transactor';
import { documentChainColumn, proofReportColumn } from '../db/jsonColumns';
import type { DocumentStore } from '../documents/documentStore';
import type { BodyStore } from '../collab/bodyStore';
import type { UserDirectory } from '../users/userDirectory';
import type { AuditLog } from '../audit/auditLog';
import { DeskError, stateChanged } from '../errors';
import type { ChainStore } from './chainStore';
import type { CollabGate } from './collabGate';
import { matchesHash, readContent, type ContentSnapshot } from './contentReader';
import { statusExtras } from './workflowStatusExtras';
import type { ProofReport } from '../../shared/proofing';
import type { VersionStore } from './versionStore';
import type { InboxNotifier } from '../events/inboxNotifier';
import type { FinalSignature, TransitionLog } from './transitionLog';
import type { PendingSuggestions } from '../../shared/suggestions';
import type { SuggestionDecisionLog } from './suggestionDecisionLog';
import type { StepHolderStore } from './stepHolderStore';
import { KeyedMutex } from './keyedMutex';
import { holderIdsColumn } from '../db/jsonColumns';
import type { HolderReminder } from './holderReminder';
import { nextCandidates } from './departmentCandidates';

export interface WorkflowDeps {
  /** Makes the document's move and its transition's record one write. */
  transact: Transactor;
  documents: DocumentStore;
  transitions: TransitionLog;
  bodies: BodyStore;
  users: UserDirectory;
  chains: ChainStore;
  gate: CollabGate;
  versions: VersionStore;
  audit: AuditLog;
  /** Proofreading before submit and sign: throws to refuse, returns the report stored with the transition. */
  proofGate?: ProofGate;
  /** Tells the people whose 待办 the transition changed. */
  inbox?: Pick<InboxNotifier, 'transitioned'>;
  /** 修订 pending in a body: shown in the status, and no piece becomes 定稿 while any is pending. */
  suggestions?: { summary(documentId: string): Promise<PendingSuggestions> };
  /** The suggestions accepted or rejected in review; each transition covers its actor's open ones. */
  decisions?: SuggestionDecisionLog;
  /** The holders of 会签 steps. */
  holders: StepHolderStore;
  /** 催办: whether the user may remind the holders now (for the status). */
  reminder?: Pick<HolderReminder, 'outlook'>;
  /** True for a template's document (模板): it takes no workflow action. */
  isTemplate?: (documentId: string) => Promise<boolean>;
}

const NO_SUGGESTIONS: PendingSuggestions = { count: 0, authors: [] };

export interface ProofGate { check(documentId: string, content: ContentSnapshot): Promise<ProofReport> }

/**
 * Runs the review workflow: decides every action with the shared state table from facts in the
 * store (never from the client), records it append-only with the content hash, saves a version,
 * and brings open collaboration connections in line with the new state.
 */
export class WorkflowService {
  /** One transition of a piece at a time: two 会签 holders approving at once must see each other. */
  private readonly serial = new KeyedMutex();

  constructor(private readonly deps: WorkflowDeps) {}

  private chainOf(row: DocumentRow): Promise<CheckpointChain> {
    return row.chain ? Promise.resolve(documentChainColumn.parse(row.chain, row.id)) : this.deps.chains.get(row.kind);
  }

  private async facts(user: User, id: string) {
    const loaded = await this.deps.documents.load(user, id);
    const { row, collaboratorIds } = loaded;
    const chain = await this.chainOf(row);
    const editorIds = await this.deps.transitions.editorIds(row.id, row.revision);
    const holderRows = row.state === 'review' ? await this.deps.holders.current(row.id) : [];
    const people = holderRows.length > 0 ? new Map((await this.deps.users.list()).map((u) => [u.id, u])) : new Map<string, User>();
    const holders: StepHolder[] = holderRows.map((h) => ({ id: h.userId, approved: h.approvedAt !== null, disabled: people.get(h.userId)?.disabled ?? true }));
    const document = {
      state: row.state, ownerId: row.owner_id, collaboratorIds,
      checkpointIndex: row.checkpoint_index, assigneeId: row.assignee_id, editorIds, finalizedBy: row.finalized_by, holders,
    };
    return { ...loaded, chain, document, holderRows, people };
  }

  /** Takes a workflow action; one at a time per piece, so that the 会签 holders' approvals count each other. */
  transition(user: User, id: string, body: TransitionRequestBody): Promise<TransitionResponse> {
    return this.serial.run(id, () => this.transitionNow(user, id, body));
  }

  private async transitionNow(user: User, id: string, body: TransitionRequestBody): Promise<TransitionResponse> {
    const { row, chain, document } = await this.facts(user, id);
    if (row.deleted_at !== null) throw new DeskError('conflict', '文稿在回收站中，请先恢复');
    if (await this.deps.isTemplate?.(id)) throw new DeskError('conflict', '模板不走审核流程：保存后即用于新建的文稿');
    const assignee = body.assigneeId ? await this.deps.users.get(body.assigneeId).catch(() => null) : null;
    if (body.assigneeId && !assignee) throw new DeskError('bad_request', '指定的人员不存在');
    const assignees = await Promise.all((body.assigneeIds ?? []).map((uid) => this.deps.users.get(uid).catch(() => null)));
    if (assignees.some((a) => a === null)) throw new DeskError('bad_request', '指定的会签人不存在');
    const namedHolders = assignees.filter((a): a is User => a !== null);
    const decision = decideTransition({ action: body.action, actor: user, assignee, assignees: namedHolders, comment: body.comment, document, chain });
    if (!decision.ok) throw new DeskError(decision.code, decision.message);
    const vouching = body.action === 'approve' || body.action === 'sign';
    const opinion = vouching ? body.opinion?.trim() ?? '' : '';

    const { gate, transact, documents, transitions, versions } = this.deps;
    const next = decision.checkpointIndex !== null ? chain.checkpoints[decision.checkpointIndex] ?? null : null;
    await gate.lock(id);
    try {
      if (decision.state === 'final') await this.refuseWithPendingSuggestions(id);
      const content = await readContent(row, this.deps.bodies);
      const gated = body.action === 'submit' || body.action === 'sign';
      const proofReport = gated && this.deps.proofGate ? await this.deps.proofGate.check(id, content) : null;
      const at = new Date().toISOString();
      const checkpoint = document.checkpointIndex !== null ? chain.checkpoints[document.checkpointIndex] : null;
      const revision = decision.newRevision ? row.revision + 1 : row.revision;
      const { holders } = this.deps;
      await transact(async (trx) => {
        const moved = await documents.move(trx, id, row, {
          state: decision.state,
          checkpoint_index: decision.checkpointIndex,
          assignee_id: decision.assigneeId,
          chain: decision.state === 'review' ? documentChainColumn.stringify(chain) : null,
          finalized_by: decision.state === 'final' ? user.id : decision.newRevision ? null : row.finalized_by,
          revision,
          updated_at: at,
        });
        // Someone else moved the piece between our read and this write.
        if (!moved) throw stateChanged();
        if (checkpoint?.countersign && body.action === 'approve' && !(await holders.approve(trx, id, user.id, at)) && decision.countersigned) throw stateChanged();
        if (!decision.countersigned) await holders.close(trx, id);
        const transitionId = await transitions.append(trx, {
          document_id: id, revision: row.revision, action: body.action, actor_id: user.id, at,
          from_state: row.state, to_state: decision.state,
          checkpoint_key: checkpoint?.key ?? null, checkpoint_name: checkpoint?.name ?? null,
          assignee_id: decision.assigneeId, comment: body.comment?.trim() ?? '',
          content_hash: content.hash, vouches: decision.vouches ? 1 : 0,
          proof_report: proofReport && proofReportColumn.stringify(proofReport),
          opinion, holder_ids: decision.holderIds.length > 0 ? holderIdsColumn.stringify(decision.holderIds) : null,
        });
        await holders.open(trx, id, transitionId, decision.holderIds, new Map(namedHolders.map((u) => [u.id, u.department])));
        await this.deps.decisions?.attach(trx, id, user.id, transitionId);
      });
      if (decision.newRevision) gate.newRevision(id);
      await versions.saveSnapshot(row, content, user, `${ACTION_NAMES[body.action]}${checkpoint ? ` · ${checkpoint.name}` : ''}`, 'transition', row.revision);
      await this.deps.audit.append(user.id, `workflow.${body.action}`, id, {
        from: row.state, to: decision.state, checkpoint: checkpoint?.key ?? null, assigneeId: decision.assigneeId, contentHash: content.hash,
        ...(body.comment?.trim() && { comment: body.comment.trim().slice(0, 500) }),
        ...(opinion && { opinion }),
        ...(decision.holderIds.length > 0 && { holderIds: decision.holderIds }),
      });
    } finally {
      await gate.refresh(id);
      gate.announceChange(id);
    }
    await this.deps.inbox?.transitioned({
      documentId: id, action: body.action, actor: user, previousState: row.state,
      previousAssigneeId: row.assignee_id, state: decision.state, assigneeId: decision.assigneeId,
      checkpointName: next?.name ?? null, comment: body.comment?.trim() ?? '',
      holderIds: decision.holderIds, previousHolderIds: decision.countersigned ? [] : document.holders.map((h) => h.id),
    });
    return { state: decision.state, checkpoint: next, assigneeId: decision.assigneeId, holderIds: decision.countersigned ? document.holders.map((h) => h.id) : decision.holderIds };
  }

  /** 409 while suggestions are pending: a signature vouches for a text with none left to decide. */
  private async refuseWithPendingSuggestions(id: string): Promise<void> {
    const pending = await this.deps.suggestions?.summary(id) ?? NO_SUGGESTIONS;
    if (pending.count === 0) return;
    const whose = pending.authors.map((a) => `${a.name} ${a.count} 处`).join('、');
    throw new DeskError('conflict', `尚有 ${pending.count} 处修订未处理（${whose}），请先接受或拒绝全部修订后再定稿`);
  }

  async status(user: User, id: string): Promise<WorkflowStatus> {
    const { row, chain, document, collaboratorIds, holderRows, people } = await this.facts(user, id);
    const content = await readContent(row, this.deps.bodies);
    const last = await this.deps.transitions.lastVouch(id, row.revision);
    const assignee = row.assignee_id ? await this.deps.users.get(row.assignee_id).catch(() => null) : null;
    const checkpoint = row.checkpoint_index !== null ? chain.checkpoints[row.checkpoint_index] ?? null : null;
    const template = (await this.deps.isTemplate?.(id)) ?? false;
    const allowedActions = row.deleted_at !== null || template ? [] : WORKFLOW_ACTIONS.filter((action) => {
      const decision = decideTransition({ action, actor: user, comment: 'x', assignee: null, document, chain });
      // A missing assignee or comment is the user's to supply: the action is still theirs to take.
      return decision.ok || decision.code === 'bad_request';
    });
    const nextIndex = row.state === 'review' && row.checkpoint_index !== null ? row.checkpoint_index + 1 : 0;
    const nextCheckpoint = chain.checkpoints[nextIndex];
    const authors = new Set([row.owner_id, ...collaboratorIds, ...document.editorIds]);
    const candidates = nextCheckpoint ? nextCandidates(nextCheckpoint, await this.deps.users.list(), authors) : [];
    return {
      state: row.state,
      revision: row.revision,
      chain,
      checkpointIndex: row.checkpoint_index,
      checkpoint,
      assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null,
      lastApproval: last ? {
        action: last.action, actorName: last.actorName, at: last.at,
        contentHash: last.contentHash, checkpointName: last.checkpointName,
      } : null,
      currentHash: content.hash,
      matchesApproval: last ? matchesHash(content, last.contentHash) : null,
      allowedActions,
      candidates,
      suggestions: await this.deps.suggestions?.summary(id) ?? NO_SUGGESTIONS,
      ...await statusExtras({ transitions: this.deps.transitions, reminder: this.deps.reminder }, user, row, { holderRows, people, collaboratorIds }),
    };
  }

  /** The signature (or final approval) that made `row` 定稿 in its current revision, or null (the caller has checked access). */
  async finalApproval(row: Pick<DocumentRow, 'id' | 'state' | 'revision'>): Promise<FinalSignature | null> {
    return row.state === 'final' ? this.deps.transitions.finalSignature(row.id, row.revision) : null;
  }

  async history(user: User, id: string): Promise<HistoryEntry[]> {
    await this.deps.documents.load(user, id);
    const rows = await this.deps.transitions.history(id);
    const decided = await this.deps.decisions?.byTransition(id) ?? new Map<number, never[]>();
    const names = rows.some((r) => r.holder_ids) ? new Map((await this.deps.users.list()).map((u) => [u.id, u.displayName])) : new Map<string, string>();
    return rows.map((r) => ({
      id: r.id, action: r.action, actorId: r.actor_id, actorName: r.actor_name, at: r.at,
      revision: r.revision, fromState: r.from_state, toState: r.to_state,
      checkpoint: r.checkpoint_name, assigneeId: r.assignee_id, assigneeName: r.assignee_name,
      comment: r.comment, contentHash: r.content_hash, vouches: r.vouches === 1,
      proofReport: r.proof_report ? proofReportColumn.parse(r.proof_report, `${r.id}`) : null,
      decided: decided.get(r.id) ?? [],
      opinion: r.opinion,
      holders: r.holder_ids ? holderIdsColumn.parse(r.holder_ids, `${r.id}`).map((uid) => ({ id: uid, name: names.get(uid) ?? '' })) : [],
    }));
  }
}
