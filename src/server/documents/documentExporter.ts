import type { DocxExportOptions, User } from '../../shared/api';
import { docxFileName, layoutForKind, type DocxApproval } from '../../core/docx/docxExporter';
import type { DocumentRow } from '../db/schema';
import { DeskError } from '../errors';
import type { Audit } from '../services';
import type { BodyStore } from '../collab/bodyStore';
import type { TaskInput } from '../work/heavyWork';
import { matchesHash, readContent } from '../review/contentReader';
import { rowProperties, type DocumentStore } from './documentStore';

/** Where a 定稿's approval comes from (the review workflow). */
export interface ApprovalSource {
  /** The signature (or final approval) that made `row` 定稿 in its current revision, or null. */
  finalApproval(row: Pick<DocumentRow, 'id' | 'state' | 'revision'>): Promise<DocxApproval | null>;
}

export interface DocumentExporterDeps {
  documents: Pick<DocumentStore, 'load'>;
  bodies: BodyStore;
  work: { run(task: 'exportDocx', input: TaskInput<'exportDocx'>): Promise<Uint8Array> };
  audit: Audit;
  /** Without it, a 定稿 exports with no approval properties. */
  approvals?: ApprovalSource;
}

/** A Word file ready to send. */
export interface ExportedDocx { bytes: Uint8Array; fileName: string }

/**
 * Exports a piece as a Word file: loads it once (with the user's access), and for a 定稿 that was
 * signed reads one content snapshot, refuses (conflict) when it is no longer what the approval
 * vouched for, and writes that same snapshot with the approval. Audited as `document.export`.
 * `revisions`: pending suggestions as Word revisions (a draft only; a 定稿 is the approved text).
 */
export class DocumentExporter {
  constructor(private readonly deps: DocumentExporterDeps) {}

  async export(user: User, id: string, { layout, revisions }: DocxExportOptions = { revisions: false }): Promise<ExportedDocx> {
    const { documents, bodies, work, audit, approvals } = this.deps;
    const { row } = await documents.load(user, id);
    const final = row.state === 'final';
    const approval = final && approvals ? await approvals.finalApproval(row) : null;
    const content = approval ? await readContent(row, bodies) : null;
    if (approval && content && !matchesHash(content, approval.contentHash)) {
      throw new DeskError('conflict', '文稿内容在签发后有改动，与签发时不一致，不能作为正式文件导出');
    }
    const properties = rowProperties(row);
    const chosen = layout ?? layoutForKind(row.kind);
    const bytes = await work.run('exportDocx', {
      kind: row.kind, title: row.title, properties, state: content?.state ?? await bodies.currentState(id), final, approval,
      layout: chosen, revisions: revisions && !final,
    });
    await audit(user.id, 'document.export', id, { layout: chosen, final });
    return { bytes, fileName: docxFileName(row.title, final) };
  }
}
