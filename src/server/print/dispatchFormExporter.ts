import type { User } from '../../shared/api';
import { dispatchForm, type DispatchForm, type FormHistoryEntry } from '../../core/docx/dispatchForm';
import { cleanFileName } from '../../core/text/cleanText';
import type { CheckpointChain } from '../../core/domain/workflow';
import type { DocumentRow } from '../db/schema';
import { documentChainColumn } from '../db/jsonColumns';
import type { Audit } from '../services';
import type { DocumentStore } from '../documents/documentStore';
import { rowProperties } from '../documents/documentStore';
import type { ChainStore } from '../review/chainStore';
import type { TransitionLog } from '../review/transitionLog';
import type { UserDirectory } from '../users/userDirectory';
import type { TaskInput } from '../work/heavyWork';
import type { StepHolderRow, StepHolderStore } from '../review/stepHolderStore';

/** The 部门 `actorId` was named for in the last 会签 step opened before transition `transitionId`, when known. */
function namedDepartment(holders: readonly StepHolderRow[], actorId: string, transitionId: number): string | null {
  return holders.findLast((h) => h.userId === actorId && h.step < transitionId)?.department ?? null;
}

export interface DispatchFormExporterDeps {
  documents: Pick<DocumentStore, 'load'>;
  transitions: Pick<TransitionLog, 'history' | 'finalSignature' | 'lastVouch'>;
  chains: Pick<ChainStore, 'get'>;
  users: Pick<UserDirectory, 'get'>;
  /** The 会签 holders, for the 部门 each was named for (absent: no departments on the form). */
  holders?: Pick<StepHolderStore, 'all'>;
  work: { run(task: 'dispatchFormDocx', input: TaskInput<'dispatchFormDocx'>): Promise<Uint8Array> };
  audit: Audit;
}

/** The 发文稿纸 ready to send. */
export interface ExportedForm { bytes: Uint8Array; fileName: string; form: DispatchForm }

/**
 * The 发文稿纸 (发文处理笺) of a piece at any state: read with the user's access, built from the piece,
 * the chain it is (or would be) reviewed along and its history (dispatchForm.ts), each 会签 holder with
 * the 部门 they were named for, written as .docx in
 * the worker pool. The hash is the signature's for a 定稿, else the last approval's of this revision.
 * Audited as `document.export` with `form: 'dispatch'`.
 */
export class DispatchFormExporter {
  constructor(private readonly deps: DispatchFormExporterDeps) {}

  private chainOf(row: DocumentRow): Promise<CheckpointChain> {
    return row.chain ? Promise.resolve(documentChainColumn.parse(row.chain, row.id)) : this.deps.chains.get(row.kind);
  }

  async export(user: User, id: string): Promise<ExportedForm> {
    const { documents, transitions, users, work, audit } = this.deps;
    const { row } = await documents.load(user, id);
    const history = await transitions.history(id);
    const holders = await this.deps.holders?.all(id) ?? [];
    // 催办 moves nothing and signs nothing: it has no place on the form.
    const entries: FormHistoryEntry[] = history.flatMap((h) => (h.action === 'remind' ? [] : [{
      action: h.action, checkpoint: h.checkpoint_name, actorName: h.actor_name, at: h.at, comment: h.comment, opinion: h.opinion || null,
      actorDepartment: h.action === 'approve' ? namedDepartment(holders, h.actor_id, h.id) : null,
    }]));
    const signed = row.state === 'final' ? await transitions.finalSignature(id, row.revision) : null;
    const vouch = signed ? null : await transitions.lastVouch(id, row.revision);
    const owner = await users.get(row.owner_id).catch(() => null);
    const form = dispatchForm({
      kind: row.kind, title: row.title, properties: rowProperties(row), state: row.state, chain: await this.chainOf(row),
      ownerName: owner?.displayName ?? '', history: entries, approvedHash: signed?.contentHash ?? vouch?.contentHash ?? null,
      checkpointIndex: row.checkpoint_index,
    });
    const bytes = await work.run('dispatchFormDocx', form);
    await audit(user.id, 'document.export', id, { form: 'dispatch', final: form.final });
    return { bytes, fileName: `${cleanFileName(row.title, '文稿')}（${form.heading}）.docx`, form };
  }
}
